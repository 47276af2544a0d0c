import { and, eq } from 'drizzle-orm';
import type { DB } from '../../src/lib/server/db/client';
import { assignmentItems, assignments, attemptAnswers, attempts, cards, type Assignment } from '../../src/lib/server/db/schema';

/** An assignment of the set's approved questions to the class, written directly (as createAssignment would). */
export function insertAssignment(
	db: DB,
	classId: number,
	setId: number,
	questionIds: number[],
	values: Partial<typeof assignments.$inferInsert> = {}
): Assignment {
	const a = db
		.insert(assignments)
		.values({ classId, setId, kind: 'quiz', title: 'Quiz', ...values })
		.returning()
		.get();
	questionIds.forEach((questionId, position) => db.insert(assignmentItems).values({ assignmentId: a.id, questionId, position }).run());
	return a;
}

/**
 * A student's attempt as the quiz engine stores it: one answer row per answered question
 * (response, correct), and — when submitted — the score as correct / total. (The engine
 * would also have turned the mistakes into cards; tests that need those add them.)
 */
export function insertAttempt(
	db: DB,
	assignment: Pick<Assignment, 'id' | 'setId'>,
	userId: string,
	questionIds: number[],
	answers: Record<number, { response: string | string[]; correct: boolean }>,
	options: { startedAt: Date; submittedAt?: Date | null }
) {
	const correct = Object.values(answers).filter((a) => a.correct).length;
	const submitted = options.submittedAt ?? null;
	const attempt = db
		.insert(attempts)
		.values({
			userId,
			assignmentId: assignment.id,
			setId: assignment.setId,
			questionOrder: questionIds,
			startedAt: options.startedAt,
			submittedAt: submitted,
			total: questionIds.length,
			correctCount: submitted ? correct : null,
			score: submitted ? correct / questionIds.length : null,
			// As a submission with feedback after submitting: the mistakes already became cards.
			mistakeCardsAt: submitted
		})
		.returning()
		.get();
	for (const [questionId, a] of Object.entries(answers)) {
		db.insert(attemptAnswers)
			.values({ attemptId: attempt.id, questionId: Number(questionId), response: a.response, correct: a.correct, answeredAt: options.startedAt })
			.run();
	}
	return attempt;
}

/** Sets a card's memory as if the student had reviewed it `daysAgo` days before `now`. */
export function markReviewed(db: DB, userId: string, questionId: number, stability: number, lastReview: Date): void {
	db.update(cards)
		.set({ state: 2, stability, difficulty: 5, reps: 2, lastReview, due: new Date(lastReview.getTime() + stability * 86_400_000) })
		.where(and(eq(cards.userId, userId), eq(cards.questionId, questionId)))
		.run();
}
