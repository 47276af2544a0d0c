import { eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignments, attempts, questionSets, type Assignment, type Attempt } from '../db/schema';
import { NotFoundError } from '../errors';
import { closesAt, feedbackMode, type FeedbackMode } from '$lib/study/quiz';

export type AttemptRules = Pick<Assignment, 'opensAt' | 'dueAt' | 'feedback'> | null;

export type AttemptContext = {
	attempt: Attempt;
	/** The assignment's rules; null for practice. */
	rules: AttemptRules;
	title: string;
};

/** The user's own attempt with its rules and title; anybody else's (or none) is 404. */
export function loadAttemptContext(db: DB, attemptId: number, userId: string): AttemptContext {
	const row = db
		.select({
			attempt: attempts,
			setTitle: questionSets.title,
			assignmentTitle: assignments.title,
			opensAt: assignments.opensAt,
			dueAt: assignments.dueAt,
			feedback: assignments.feedback
		})
		.from(attempts)
		.innerJoin(questionSets, eq(questionSets.id, attempts.setId))
		.leftJoin(assignments, eq(assignments.id, attempts.assignmentId))
		.where(eq(attempts.id, attemptId))
		.get();
	if (!row || row.attempt.userId !== userId) throw new NotFoundError('This attempt does not exist.');
	const rules = row.attempt.assignmentId !== null && row.feedback ? { opensAt: row.opensAt, dueAt: row.dueAt, feedback: row.feedback } : null;
	return { attempt: row.attempt, rules, title: row.assignmentTitle ?? row.setTitle };
}

/** What every screen of an attempt shows at the top. Times are epoch milliseconds. */
export type AttemptHeader = {
	attemptId: number;
	title: string;
	kind: 'practice' | 'assignment';
	total: number;
	feedback: FeedbackMode;
	/** When answers stop being taken (time limit or due time), or null. */
	closesAt: number | null;
	/** The server's clock when the page was made, so the countdown does not trust the device's clock. */
	serverNow: number;
	/** Where the quiz was started from. */
	backHref: string;
	resultsHref: string;
	submitHref: string;
};

export function attemptHeader(ctx: AttemptContext, now: Date): AttemptHeader {
	const { attempt, rules } = ctx;
	const end = closesAt(attempt, rules);
	return {
		attemptId: attempt.id,
		title: ctx.title,
		kind: attempt.assignmentId === null ? 'practice' : 'assignment',
		total: attempt.questionOrder.length,
		feedback: feedbackMode(rules),
		closesAt: end ? end.getTime() : null,
		serverNow: now.getTime(),
		backHref: attempt.assignmentId === null ? `/sets/${attempt.setId}/practice` : `/assignments/${attempt.assignmentId}`,
		resultsHref: `/attempts/${attempt.id}/results`,
		submitHref: `/attempts/${attempt.id}/submit`
	};
}
