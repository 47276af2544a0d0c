import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { failFromError } from '$lib/server/action-errors';
import { idParam, rethrowAsHttpError } from '$lib/server/http-errors';
import { loadSubmitScreen, submitAttempt } from '$lib/server/quiz';

// /attempts/[attemptId]/submit: the last step lists unanswered questions and submits.
// Submitting twice counts once; either way the student lands on the results.

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const attemptId = idParam(event.params.attemptId);
	try {
		return { screen: loadSubmitScreen(getDb(), { attemptId, userId: user.id, now: new Date() }) };
	} catch (err) {
		rethrowAsHttpError(err);
	}
};

export const actions: Actions = {
	submit: async (event) => {
		const user = requireUser(event);
		const attemptId = idParam(event.params.attemptId);
		try {
			submitAttempt(getDb(), { attemptId, userId: user.id, now: new Date() });
		} catch (err) {
			return failFromError(err, {});
		}
		redirect(303, `/attempts/${attemptId}/results`);
	}
};
