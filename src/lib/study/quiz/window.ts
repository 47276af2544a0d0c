import type { Assignment, Attempt } from '$lib/server/db/schema';

/**
 * When an attempt may still take answers.
 *
 * ANSWER_GRACE_MS: an answer that reaches the server up to this long after the time limit
 * or the due time still counts. The countdown in the browser reaches zero exactly at the
 * deadline, and a student who clicks a moment before it must not lose that answer to
 * network latency or a slow phone. Five seconds covers a bad mobile connection and is too
 * short to be worth cheating for. Starting an attempt gets no grace.
 */
export const ANSWER_GRACE_MS = 5_000;

type Timing = Pick<Attempt, 'deadlineAt' | 'submittedAt'>;
type Window = Pick<Assignment, 'opensAt' | 'dueAt'> | null;

export type ClosedReason = 'submitted' | 'time' | 'due' | 'not_open';
export type AnswerWindow = { open: true } | { open: false; reason: ClosedReason; message: string };

export const CLOSED_MESSAGES: Record<ClosedReason, string> = {
	submitted: 'This attempt has been submitted: its answers can no longer be changed.',
	time: 'The time limit is over: this attempt no longer takes answers. The answers you saved were submitted.',
	due: 'The due time has passed: this quiz no longer takes answers. The answers you saved were submitted.',
	not_open: 'This quiz is not open yet.'
};

/** The moment the attempt stops taking answers (before grace): the earlier of time limit and due time. */
export function closesAt(attempt: Pick<Attempt, 'deadlineAt'>, rules: Window): Date | null {
	const times = [attempt.deadlineAt, rules?.dueAt].filter((t): t is Date => t instanceof Date);
	if (!times.length) return null;
	return new Date(Math.min(...times.map((t) => t.getTime())));
}

/** Whether an answer given at `now` may be saved, and if not, why. */
export function answerWindow(attempt: Timing, rules: Window, now: Date): AnswerWindow {
	const t = now.getTime();
	const closed = (reason: ClosedReason): AnswerWindow => ({ open: false, reason, message: CLOSED_MESSAGES[reason] });
	if (attempt.submittedAt) return closed('submitted');
	if (rules?.opensAt && t < rules.opensAt.getTime()) return closed('not_open');
	if (rules?.dueAt && t > rules.dueAt.getTime() + ANSWER_GRACE_MS) return closed('due');
	if (attempt.deadlineAt && t > attempt.deadlineAt.getTime() + ANSWER_GRACE_MS) return closed('time');
	return { open: true };
}

/** An unsubmitted attempt past its time limit or due time (and the grace): to be submitted as it is. */
export function isExpired(attempt: Timing, rules: Window, now: Date): boolean {
	if (attempt.submittedAt) return false;
	const end = closesAt(attempt, rules);
	return end !== null && now.getTime() > end.getTime() + ANSWER_GRACE_MS;
}

export type StartWindow = { ok: true } | { ok: false; reason: 'not_open' | 'due' | 'no_attempts_left'; message: string };

/** Whether a new attempt at an assigned quiz may start now. */
export function startWindow(
	rules: Pick<Assignment, 'opensAt' | 'dueAt' | 'attemptsAllowed'>,
	attemptsUsed: number,
	now: Date
): StartWindow {
	const t = now.getTime();
	if (rules.opensAt && t < rules.opensAt.getTime()) {
		return { ok: false, reason: 'not_open', message: 'This quiz is not open yet.' };
	}
	if (rules.dueAt && t >= rules.dueAt.getTime()) {
		return { ok: false, reason: 'due', message: 'The due time has passed: this quiz no longer takes answers.' };
	}
	if (attemptsUsed >= rules.attemptsAllowed) {
		const n = rules.attemptsAllowed;
		return {
			ok: false,
			reason: 'no_attempts_left',
			message: `You have used ${n === 1 ? 'your only attempt' : `all ${n} attempts`} at this quiz.`
		};
	}
	return { ok: true };
}

/** Deadline of a new attempt from its start and the time limit. */
export function deadlineFor(startedAt: Date, timeLimitSeconds: number | null | undefined): Date | null {
	return timeLimitSeconds && timeLimitSeconds > 0 ? new Date(startedAt.getTime() + timeLimitSeconds * 1000) : null;
}
