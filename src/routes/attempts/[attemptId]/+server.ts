import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { idParam, rethrowAsHttpError } from '$lib/server/http-errors';
import { resumePath } from '$lib/server/quiz';

// /attempts/[attemptId]: continue where the student was (first unanswered question, the
// submit step, or the results once submitted).
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const attemptId = idParam(event.params.attemptId);
	let path: string;
	try {
		path = resumePath(getDb(), { attemptId, userId: user.id, now: new Date() });
	} catch (err) {
		rethrowAsHttpError(err);
	}
	redirect(303, path);
};
