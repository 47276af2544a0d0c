import { and, count, eq, isNull } from 'drizzle-orm';
import type { DB } from '../db/client';
import { attempts, type Attempt } from '../db/schema';
import { ConflictError, ForbiddenError } from '../errors';
import { buildAttemptOrder, deadlineFor, startWindow, type QuizQuestion } from '$lib/study/quiz';
import { assignmentAccess, ownedSet } from './access';
import { assignmentQuestions, practiceQuestions } from './questions';
import { autoSubmitExpired } from './submit';
import type { Queryable } from './db-types';

export type QuizSource = { kind: 'practice'; setId: number } | { kind: 'assignment'; assignmentId: number };

export type StartResult = { attempt: Attempt; resumed: boolean };

/** The user's unsubmitted attempt at this quiz, if any (at most one: a unique index sees to it). */
export function findOpenAttempt(db: Queryable, userId: string, source: QuizSource): Attempt | undefined {
	const where =
		source.kind === 'practice'
			? and(eq(attempts.userId, userId), eq(attempts.setId, source.setId), isNull(attempts.assignmentId), isNull(attempts.submittedAt))
			: and(eq(attempts.userId, userId), eq(attempts.assignmentId, source.assignmentId), isNull(attempts.submittedAt));
	return db.select().from(attempts).where(where).get();
}

function insertAttempt(
	tx: Queryable,
	values: { userId: string; setId: number; assignmentId: number | null; questions: QuizQuestion[]; seed: number; shuffleQuestions: boolean; shuffleOptions: boolean; now: Date; deadlineAt: Date | null }
): Attempt {
	const order = buildAttemptOrder(values.questions, values);
	return tx
		.insert(attempts)
		.values({
			userId: values.userId,
			setId: values.setId,
			assignmentId: values.assignmentId,
			questionOrder: order.questionOrder,
			optionOrders: order.optionOrders,
			startedAt: values.now,
			deadlineAt: values.deadlineAt,
			total: order.questionOrder.length
		})
		.returning()
		.get();
}

/**
 * Resumes the user's unsubmitted attempt at a quiz, or starts a new one: a reload or a
 * second click never starts a second attempt. Practice: a set the user owns, its
 * questions that were not rejected, options shuffled. Assignment: a student in the class,
 * the frozen questions, the assignment's shuffling, time limit, open/due times and
 * number of attempts. `seed` decides the shuffles.
 */
export function startOrResumeAttempt(
	db: DB,
	input: { userId: string; source: QuizSource; now: Date; seed: number }
): StartResult {
	const { userId, source, now, seed } = input;
	if (source.kind === 'practice') {
		const set = ownedSet(db, source.setId, userId);
		return db.transaction(
			(tx) => {
				const open = findOpenAttempt(tx, userId, source);
				if (open) return { attempt: open, resumed: true };
				const questions = practiceQuestions(tx, set.id);
				if (!questions.length) throw new ConflictError('This set has no questions to practise yet.');
				const attempt = insertAttempt(tx, {
					userId,
					setId: set.id,
					assignmentId: null,
					questions,
					seed,
					shuffleQuestions: false,
					shuffleOptions: true,
					now,
					deadlineAt: null
				});
				return { attempt, resumed: false };
			},
			{ behavior: 'immediate' }
		);
	}

	const access = assignmentAccess(db, source.assignmentId, userId);
	if (access.role !== 'student') throw new ForbiddenError('Only the students of the class take this quiz.');
	const assignment = access.assignment;
	if (assignment.kind !== 'quiz') throw new ConflictError('This assignment is a review deck: its cards are in your daily reviews.');
	// An attempt that ran out of time is closed first, so it is not "resumed".
	autoSubmitExpired(db, { assignmentId: assignment.id, userId }, now);
	return db.transaction(
		(tx) => {
			const open = findOpenAttempt(tx, userId, source);
			if (open) return { attempt: open, resumed: true };
			const used =
				tx
					.select({ n: count() })
					.from(attempts)
					.where(and(eq(attempts.assignmentId, assignment.id), eq(attempts.userId, userId)))
					.get()?.n ?? 0;
			const window = startWindow(assignment, used, now);
			if (!window.ok) throw new ConflictError(window.message);
			const questions = assignmentQuestions(tx, assignment.id);
			if (!questions.length) throw new ConflictError('This quiz has no questions.');
			const attempt = insertAttempt(tx, {
				userId,
				setId: assignment.setId,
				assignmentId: assignment.id,
				questions,
				seed,
				shuffleQuestions: assignment.shuffleQuestions,
				shuffleOptions: assignment.shuffleOptions,
				now,
				deadlineAt: deadlineFor(now, assignment.timeLimitSeconds)
			});
			return { attempt, resumed: false };
		},
		{ behavior: 'immediate' }
	);
}
