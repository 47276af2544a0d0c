import { and, eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignments, classes, memberships, questionSets, type Assignment, type QuestionSet } from '../db/schema';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Queryable } from './db-types';

export type AssignmentAccess = {
	role: 'teacher' | 'student';
	assignment: Assignment;
	className: string;
};

/**
 * Who the user is to an assignment: the class's teacher, or a student in the class.
 * Anyone else is refused (403); an unknown id is 404.
 */
export function assignmentAccess(db: DB, assignmentId: number, userId: string): AssignmentAccess {
	const row = db
		.select({
			assignment: assignments,
			className: classes.name,
			teacherId: classes.teacherId,
			memberId: memberships.userId
		})
		.from(assignments)
		.innerJoin(classes, eq(classes.id, assignments.classId))
		.leftJoin(memberships, and(eq(memberships.classId, assignments.classId), eq(memberships.userId, userId)))
		.where(eq(assignments.id, assignmentId))
		.get();
	if (!row) throw new NotFoundError('This assignment does not exist.');
	if (row.teacherId === userId) return { role: 'teacher', assignment: row.assignment, className: row.className };
	if (row.memberId) return { role: 'student', assignment: row.assignment, className: row.className };
	throw new ForbiddenError('This assignment belongs to a class you are not in.');
}

export const REMOVED_FROM_CLASS = 'You are no longer in the class this quiz belongs to, so it takes no more answers.';

/**
 * An attempt at an assignment belongs to the class: a student removed from the class keeps
 * their history (results stay readable) but cannot answer or submit any more.
 * `memberId` is the attempt owner's membership row in the assignment's class, if any.
 */
export function assertStillInClass(attempt: { assignmentId: number | null }, memberId: string | null | undefined): void {
	if (attempt.assignmentId !== null && !memberId) throw new ForbiddenError(REMOVED_FROM_CLASS);
}

/** The attempt owner's membership of the class of the attempt's assignment (none for practice). */
export function attemptMembership(db: Queryable, attempt: { assignmentId: number | null; userId: string }): string | null {
	if (attempt.assignmentId === null) return null;
	const row = db
		.select({ userId: memberships.userId })
		.from(assignments)
		.innerJoin(memberships, and(eq(memberships.classId, assignments.classId), eq(memberships.userId, attempt.userId)))
		.where(eq(assignments.id, attempt.assignmentId))
		.get();
	return row?.userId ?? null;
}

/** Throws ForbiddenError when the attempt is at an assignment of a class its owner has left. */
export function requireStillInClass(db: Queryable, attempt: { assignmentId: number | null; userId: string }): void {
	assertStillInClass(attempt, attemptMembership(db, attempt));
}

/** A set the user owns; practising someone else's set is refused. */
export function ownedSet(db: DB, setId: number, userId: string): QuestionSet {
	const set = db.select().from(questionSets).where(eq(questionSets.id, setId)).get();
	if (!set) throw new NotFoundError('This set does not exist.');
	if (set.ownerId !== userId) throw new ForbiddenError('You can only practise your own sets.');
	return set;
}
