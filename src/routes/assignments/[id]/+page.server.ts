import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { allowed } from '$lib/server/teaching/route-guards';
import { assignmentForViewer, parseId } from '$lib/server/teaching/access';
import { loadAssignmentReport } from '$lib/server/teaching/assignment-report';

/**
 * One assignment: its class's teacher sees the results (this branch); a student in the
 * class takes it (the quiz engine's branch fills in that side).
 */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { assignment, cls, as } = allowed(() => assignmentForViewer(db, user, parseId(event.params.id)));
	if (as === 'teacher') {
		return { view: 'teacher' as const, report: loadAssignmentReport(db, assignment, cls, new Date()), timeZone: user.timeZone };
	}
	return { view: 'student' as const, title: assignment.title, className: cls.name };
};
