import { and, count, countDistinct, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignmentItems, attempts, memberships } from '../db/schema';
import type { AssignmentAccess } from './access';
import { autoSubmitExpired } from './submit';

/**
 * The small summary the class's teacher sees at /assignments/[id] until the gradebook and
 * item analysis replace it.
 */
export type TeacherSummary = {
	assignmentId: number;
	classId: number;
	title: string;
	className: string;
	kind: 'quiz' | 'review';
	questionCount: number;
	opensAt: number | null;
	dueAt: number | null;
	members: number;
	studentsStarted: number;
	studentsSubmitted: number;
	attemptsSubmitted: number;
	attemptsInProgress: number;
};

export function loadTeacherSummary(db: DB, access: AssignmentAccess, now: Date): TeacherSummary {
	const a = access.assignment;
	autoSubmitExpired(db, { assignmentId: a.id }, now);
	const n = (q: { n: number } | undefined) => q?.n ?? 0;
	const byAssignment = eq(attempts.assignmentId, a.id);
	return {
		assignmentId: a.id,
		classId: a.classId,
		title: a.title,
		className: access.className,
		kind: a.kind,
		questionCount: n(db.select({ n: count() }).from(assignmentItems).where(eq(assignmentItems.assignmentId, a.id)).get()),
		opensAt: a.opensAt?.getTime() ?? null,
		dueAt: a.dueAt?.getTime() ?? null,
		members: n(db.select({ n: count() }).from(memberships).where(eq(memberships.classId, a.classId)).get()),
		studentsStarted: n(db.select({ n: countDistinct(attempts.userId) }).from(attempts).where(byAssignment).get()),
		studentsSubmitted: n(
			db.select({ n: countDistinct(attempts.userId) }).from(attempts).where(and(byAssignment, isNotNull(attempts.submittedAt))).get()
		),
		attemptsSubmitted: n(db.select({ n: count() }).from(attempts).where(and(byAssignment, isNotNull(attempts.submittedAt))).get()),
		attemptsInProgress: n(db.select({ n: count() }).from(attempts).where(and(byAssignment, isNull(attempts.submittedAt))).get())
	};
}
