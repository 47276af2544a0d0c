import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { idParam, rethrowAsHttpError } from '$lib/server/http-errors';
import { loadResults } from '$lib/server/quiz';

// /attempts/[attemptId]/results: right or wrong per question with the correct answer and
// the source sentence, once submitted and when the assignment's feedback rule allows.

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const attemptId = idParam(event.params.attemptId);
	let results;
	try {
		results = loadResults(getDb(), { attemptId, userId: user.id, now: new Date() });
	} catch (err) {
		rethrowAsHttpError(err);
	}
	if (results.status === 'in_progress') redirect(303, `/attempts/${attemptId}`);
	return { results };
};
