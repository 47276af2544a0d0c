import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { failFromError } from '$lib/server/action-errors';
import { idParam, rethrowAsHttpError } from '$lib/server/http-errors';
import { assignmentForViewer } from '$lib/server/teaching/access';
import { loadAssignmentReport } from '$lib/server/teaching/assignment-report';
import { autoSubmitExpired, loadAssignmentIntro, newAttemptSeed, resumePath, startOrResumeAttempt } from '$lib/server/quiz';

// /assignments/[id]: a student in the class sees the quiz's rules and starts or resumes
// an attempt (questions at /attempts/[attemptId]/[n]); the class's teacher sees each
// student's results and the item analysis (or, for a review deck, their mastery).
// Anyone else gets 403.

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const id = idParam(event.params.id);
	const db = getDb();
	const now = new Date();
	try {
		const { assignment, cls, as } = assignmentForViewer(db, user, id);
		if (as === 'teacher') {
			// Attempts whose time ran out count as submitted, so the results are complete.
			autoSubmitExpired(db, { assignmentId: assignment.id }, now);
			return { view: 'teacher' as const, report: loadAssignmentReport(db, assignment, cls, now), timeZone: user.timeZone };
		}
		return { view: 'student' as const, intro: loadAssignmentIntro(db, { role: 'student', assignment, className: cls.name }, user.id, now) };
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
