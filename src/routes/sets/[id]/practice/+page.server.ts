import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { failFromError } from '$lib/server/action-errors';
import { idParam, rethrowAsHttpError } from '$lib/server/http-errors';
import { loadPracticeIntro, newAttemptSeed, ownedSet, resumePath, startOrResumeAttempt } from '$lib/server/quiz';

// /sets/[id]/practice: practise a set you own as a quiz. "Start" resumes the unsubmitted
// practice attempt if there is one; the questions then live at /attempts/[attemptId]/[n].

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const setId = idParam(event.params.id);
	const db = getDb();
	try {
		const set = ownedSet(db, setId, user.id);
		return { intro: loadPracticeIntro(db, set, user.id, new Date()) };
	} catch (err) {
		rethrowAsHttpError(err);
	}
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireUser(event);
		const setId = idParam(event.params.id);
		const db = getDb();
		const now = new Date();
		let path: string;
		try {
			const { attempt } = startOrResumeAttempt(db, { userId: user.id, source: { kind: 'practice', setId }, now, seed: newAttemptSeed() });
			path = resumePath(db, { attemptId: attempt.id, userId: user.id, now });
		} catch (err) {
			return failFromError(err, {});
		}
		redirect(303, path);
	}
};
