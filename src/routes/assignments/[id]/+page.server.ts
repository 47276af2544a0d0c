import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { failFromError } from '$lib/server/action-errors';
import { idParam, rethrowAsHttpError } from '$lib/server/http-errors';
import {
	assignmentAccess,
	loadAssignmentIntro,
	loadTeacherSummary,
	newAttemptSeed,
	resumePath,
	startOrResumeAttempt
} from '$lib/server/quiz';

// /assignments/[id]: a student in the class sees the quiz's rules and starts or resumes
// an attempt (questions at /attempts/[attemptId]/[n]); the class's teacher sees a summary.
// Anyone else gets 403.

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const id = idParam(event.params.id);
	const db = getDb();
	const now = new Date();
	try {
		const access = assignmentAccess(db, id, user.id);
		if (access.role === 'teacher') return { view: 'teacher' as const, summary: loadTeacherSummary(db, access, now) };
		return { view: 'student' as const, intro: loadAssignmentIntro(db, access, user.id, now) };
	} catch (err) {
		rethrowAsHttpError(err);
	}
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireUser(event);
		const assignmentId = idParam(event.params.id);
		const db = getDb();
		const now = new Date();
		let path: string;
		try {
			const { attempt } = startOrResumeAttempt(db, { userId: user.id, source: { kind: 'assignment', assignmentId }, now, seed: newAttemptSeed() });
			path = resumePath(db, { attemptId: attempt.id, userId: user.id, now });
		} catch (err) {
			return failFromError(err, {});
		}
		redirect(303, path);
	}
};
