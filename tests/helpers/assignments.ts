import type { DB } from '../../src/lib/server/db/client';
import { assignmentItems, assignments } from '../../src/lib/server/db/schema';

type AssignmentValues = typeof assignments.$inferInsert;

/**
 * A quiz assignment inserted straight into the tables (the assignment form belongs to the
 * teaching pages): the given questions frozen in order. Defaults: open now, no due time,
 * one attempt, no shuffling, feedback after submission.
 */
export function insertAssignment(
	db: DB,
	input: { classId: number; setId: number; questionIds: number[] } & Partial<Omit<AssignmentValues, 'classId' | 'setId'>>
) {
	const { questionIds, ...values } = input;
	const assignment = db
		.insert(assignments)
		.values({ kind: 'quiz', title: 'Cambodia quiz', ...values })
		.returning()
		.get();
	questionIds.forEach((questionId, position) => {
		db.insert(assignmentItems).values({ assignmentId: assignment.id, questionId, position }).run();
	});
	return assignment;
}
