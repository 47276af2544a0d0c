import { and, eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignments, classes, memberships, questionSets, type Assignment, type QuestionSet } from '../db/schema';
import { ForbiddenError, NotFoundError } from '../errors';

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

/** A set the user owns; practising someone else's set is refused. */
export function ownedSet(db: DB, setId: number, userId: string): QuestionSet {
	const set = db.select().from(questionSets).where(eq(questionSets.id, setId)).get();
	if (!set) throw new NotFoundError('This set does not exist.');
	if (set.ownerId !== userId) throw new ForbiddenError('You can only practise your own sets.');
	return set;
}
