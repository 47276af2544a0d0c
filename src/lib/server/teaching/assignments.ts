/**
 * Giving a set to a class, as a quiz or as a review deck.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignmentItems, assignments, memberships, questions, questionSets, setItems, type Class } from '../db/schema';
import { ValidationError } from '../errors';
import { ensureCards } from '../cards';
import type { AssignmentInput } from '../../teaching/assignment-input';
import { listSets } from './set-editor';

/** The teacher's sets that can be assigned: those with at least one approved question. */
export function assignableSets(db: DB, teacherId: string) {
	return listSets(db, teacherId).filter((s) => s.approved > 0);
}

/**
 * Creates the assignment. In the same transaction it freezes the set's approved questions,
 * in the set's order, into the assignment (later edits to the set do not change it) and,
 * for a review deck, gives every current student a card for each question.
 */
export function createAssignment(db: DB, cls: Class, teacherId: string, input: AssignmentInput, now: Date) {
	const set = db.select().from(questionSets).where(eq(questionSets.id, input.setId)).get();
	if (!set || set.ownerId !== teacherId) throw new ValidationError('Choose one of your question sets.', 'setId');
	return db.transaction((tx) => {
		const approved = tx
			.select({ id: questions.id })
			.from(setItems)
			.innerJoin(questions, eq(questions.id, setItems.questionId))
			.where(and(eq(setItems.setId, set.id), eq(questions.status, 'approved')))
			.orderBy(asc(setItems.position), asc(questions.id))
			.all()
			.map((r) => r.id);
		if (!approved.length) {
			throw new ValidationError('This set has no approved questions yet. Approve some in the set editor first.', 'setId');
		}
		const assignment = tx
			.insert(assignments)
			.values({
				classId: cls.id,
				setId: set.id,
				kind: input.kind,
				title: input.title || set.title,
				attemptsAllowed: input.attemptsAllowed,
				timeLimitSeconds: input.timeLimitSeconds,
				opensAt: input.opensAt,
				dueAt: input.dueAt,
				shuffleQuestions: input.shuffleQuestions,
				shuffleOptions: input.shuffleOptions,
				feedback: input.feedback,
				createdAt: now
			})
			.returning()
			.get();
		approved.forEach((questionId, position) => {
			tx.insert(assignmentItems).values({ assignmentId: assignment.id, questionId, position }).run();
		});
		let cardsCreated = 0;
		if (input.kind === 'review') {
			const students = tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.classId, cls.id)).all();
			for (const s of students) cardsCreated += ensureCards(tx, s.userId, approved, 'assignment', now);
		}
		return { assignment, questionCount: approved.length, cardsCreated };
	}, { behavior: 'immediate' });
}

export function listAssignments(db: DB, classId: number) {
	return db
		.select({
			id: assignments.id,
			title: assignments.title,
			kind: assignments.kind,
			setId: assignments.setId,
			opensAt: assignments.opensAt,
			dueAt: assignments.dueAt,
			attemptsAllowed: assignments.attemptsAllowed,
			createdAt: assignments.createdAt
		})
		.from(assignments)
		.where(eq(assignments.classId, classId))
		.orderBy(desc(assignments.createdAt), desc(assignments.id))
		.all();
}

export type AssignmentSummary = ReturnType<typeof listAssignments>[number];

/** Open, not yet open, or past its due time, at `now`. */
export function assignmentPhase(a: { opensAt: Date | null; dueAt: Date | null }, now: Date): 'upcoming' | 'open' | 'closed' {
	if (a.opensAt && a.opensAt.getTime() > now.getTime()) return 'upcoming';
	if (a.dueAt && a.dueAt.getTime() <= now.getTime()) return 'closed';
	return 'open';
}
