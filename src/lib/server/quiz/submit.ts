import { and, eq, isNull, isNotNull, type SQL } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignments, attemptAnswers, attempts, type Assignment, type Attempt } from '../db/schema';
import { NotFoundError } from '../errors';
import { ensureCards } from '../cards';
import { closesAt, isExpired, resultsVisibility, scoreOf } from '$lib/study/quiz';
import type { AttemptRules } from './context';
import type { Queryable } from './db-types';
import { requireStillInClass } from './access';

function rulesOf(row: { assignmentId: number | null; opensAt: Date | null; dueAt: Date | null; feedback: Assignment['feedback'] | null }): AttemptRules {
	return row.assignmentId !== null && row.feedback ? { opensAt: row.opensAt, dueAt: row.dueAt, feedback: row.feedback } : null;
}

/** Questions of the attempt answered wrongly or not at all. */
function missedQuestionIds(db: Queryable, attempt: Pick<Attempt, 'id' | 'questionOrder'>): { missed: number[]; correctCount: number } {
	const right = new Set(
		db
			.select({ questionId: attemptAnswers.questionId })
			.from(attemptAnswers)
			.where(and(eq(attemptAnswers.attemptId, attempt.id), eq(attemptAnswers.correct, true)))
			.all()
			.map((a) => a.questionId)
	);
	const missed = attempt.questionOrder.filter((id) => !right.has(id));
	return { missed, correctCount: attempt.questionOrder.length - missed.length };
}

/**
 * Marks the attempt submitted with its score, only if it was not already: the UPDATE is
 * guarded by `submitted_at IS NULL`, so of two submissions exactly one counts. Mistakes
 * become cards in the same transaction, unless the results (and so the key) are held back
 * until the due time; then `releaseMistakeCards` makes them when the results are shown.
 * Must run inside a transaction.
 */
function finalise(tx: Queryable, attempt: Attempt, rules: AttemptRules, submittedAt: Date, now: Date): Attempt {
	const { missed, correctCount } = missedQuestionIds(tx, attempt);
	const showsNow = resultsVisibility({ submittedAt }, rules, now).visible;
	const updated = tx
		.update(attempts)
		.set({ submittedAt, correctCount, score: scoreOf(correctCount, attempt.total), mistakeCardsAt: showsNow ? now : null })
		.where(and(eq(attempts.id, attempt.id), isNull(attempts.submittedAt)))
		.returning()
		.get();
	if (!updated) return tx.select().from(attempts).where(eq(attempts.id, attempt.id)).get()!;
	if (showsNow) ensureCards(tx, attempt.userId, missed, 'quiz_mistake', now);
	return updated;
}

function attemptWithRules(db: Queryable, where: SQL | undefined) {
	return db
		.select({
			attempt: attempts,
			assignmentId: attempts.assignmentId,
			opensAt: assignments.opensAt,
			dueAt: assignments.dueAt,
			feedback: assignments.feedback
		})
		.from(attempts)
		.leftJoin(assignments, eq(assignments.id, attempts.assignmentId))
		.where(where);
}

export type SubmitResult = { attempt: Attempt; firstSubmission: boolean };

/**
 * Submits the user's attempt. Idempotent: submitting again (a double click, a retried
 * request) returns the first submission's result and changes nothing. Allowed after the
 * time limit too: it then just records the answers that were saved in time. Refused
 * (ForbiddenError) when the student has been removed from the assignment's class.
 */
export function submitAttempt(db: DB, input: { attemptId: number; userId: string; now: Date }): SubmitResult {
	return db.transaction(
		(tx) => {
			const row = attemptWithRules(tx, eq(attempts.id, input.attemptId)).get();
			if (!row || row.attempt.userId !== input.userId) throw new NotFoundError('This attempt does not exist.');
			if (row.attempt.submittedAt) return { attempt: row.attempt, firstSubmission: false };
			requireStillInClass(tx, row.attempt);
			const attempt = finalise(tx, row.attempt, rulesOf(row), input.now, input.now);
			return { attempt, firstSubmission: true };
		},
		{ behavior: 'immediate' }
	);
}

export type ExpiryScope = { attemptId: number } | { assignmentId: number; userId?: string };

/**
 * Submits, with the answers they have, the unsubmitted attempts in scope whose time
 * limit or due time (plus the grace) has passed. Runs at the start of the requests that
 * show an attempt, so an abandoned attempt is closed the next time anyone looks.
 * They are recorded as submitted at the moment they closed. Returns how many it closed.
 */
export function autoSubmitExpired(db: DB, scope: ExpiryScope, now: Date): number {
	const where =
		'attemptId' in scope
			? eq(attempts.id, scope.attemptId)
			: scope.userId
				? and(eq(attempts.assignmentId, scope.assignmentId), eq(attempts.userId, scope.userId))
				: eq(attempts.assignmentId, scope.assignmentId);
	const candidates = attemptWithRules(db, and(where, isNull(attempts.submittedAt))).all();
	let closed = 0;
	for (const row of candidates) {
		const rules = rulesOf(row);
		if (!isExpired(row.attempt, rules, now)) continue;
		const end = closesAt(row.attempt, rules) ?? now;
		db.transaction((tx) => finalise(tx, row.attempt, rules, end, now), { behavior: 'immediate' });
		closed++;
	}
	return closed;
}

/**
 * Turns the mistakes of a submitted attempt into cards if that has not happened yet
 * (feedback after the due time). Exactly once: guarded by `mistake_cards_at IS NULL`.
 * Returns how many cards were created.
 */
export function releaseMistakeCards(db: DB, attempt: Attempt, now: Date): number {
	if (!attempt.submittedAt || attempt.mistakeCardsAt) return 0;
	return db.transaction(
		(tx) => {
			const claimed = tx
				.update(attempts)
				.set({ mistakeCardsAt: now })
				.where(and(eq(attempts.id, attempt.id), isNull(attempts.mistakeCardsAt), isNotNull(attempts.submittedAt)))
				.run();
			if (claimed.changes === 0) return 0;
			return ensureCards(tx, attempt.userId, missedQuestionIds(tx, attempt).missed, 'quiz_mistake', now);
		},
		{ behavior: 'immediate' }
	);
}
