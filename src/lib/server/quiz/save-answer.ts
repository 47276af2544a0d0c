import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignments, attemptAnswers, attempts, memberships, questions } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { answerWindow, checkResponse, feedbackMode, gradeResponse } from '$lib/study/quiz';
import { autoSubmitExpired } from './submit';
import { assertStillInClass } from './access';

/**
 * The hot path of a quiz: one prepared statement finds the attempt, its rules and the
 * question by primary keys, then one upsert writes the answer. Prepared once per database.
 */
function prepareLookup(db: DB) {
	return db
		.select({
			userId: attempts.userId,
			assignmentId: attempts.assignmentId,
			questionOrder: attempts.questionOrder,
			deadlineAt: attempts.deadlineAt,
			submittedAt: attempts.submittedAt,
			opensAt: assignments.opensAt,
			dueAt: assignments.dueAt,
			feedback: assignments.feedback,
			memberId: memberships.userId,
			question: {
				id: questions.id,
				type: questions.type,
				prompt: questions.prompt,
				answer: questions.answer,
				options: questions.options,
				accept: questions.accept,
				tolerance: questions.tolerance,
				explanation: questions.explanation,
				sources: questions.sources
			}
		})
		.from(attempts)
		.leftJoin(assignments, eq(assignments.id, attempts.assignmentId))
		.leftJoin(memberships, and(eq(memberships.classId, assignments.classId), eq(memberships.userId, attempts.userId)))
		.leftJoin(questions, eq(questions.id, sql.placeholder('questionId')))
		.where(eq(attempts.id, sql.placeholder('attemptId')))
		.prepare();
}

const lookups = new WeakMap<DB, ReturnType<typeof prepareLookup>>();

export type SaveAnswerInput = {
	attemptId: number;
	userId: string;
	questionId: number;
	/** Text or a chosen option (string), or the ordering's items in the student's order. */
	response: unknown;
	/** The 1-based place of the question the form was on, when known: it must hold `questionId`. */
	position?: number;
	now: Date;
};

/**
 * Stores one answer the moment it is given; answering again replaces it (except with
 * feedback after each answer, where the answer is locked once its feedback is shown).
 * Refused with a ForbiddenError when the student has been removed from the assignment's
 * class, with a ConflictError after submission, after the time limit or the due time
 * (both with a few seconds of grace), and with a ValidationError for a question that is
 * not in the attempt or a response of the wrong shape. Nothing is written when refused.
 *
 * Synchronous from lookup to write, so no other request of this process can submit the
 * attempt in between.
 */
export function saveAnswer(db: DB, input: SaveAnswerInput): { questionId: number; answeredAt: Date; total: number } {
	let lookup = lookups.get(db);
	if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
	const row = lookup.get({ attemptId: input.attemptId, questionId: input.questionId });
	if (!row || row.userId !== input.userId) throw new NotFoundError('This attempt does not exist.');
	assertStillInClass(row, row.memberId);
	if (!row.question || !row.questionOrder.includes(input.questionId)) {
		throw new ValidationError('That question is not part of this quiz.');
	}
	if (input.position !== undefined) {
		if (input.position < 1 || input.position > row.questionOrder.length) throw new NotFoundError('This quiz has no such question.');
		if (row.questionOrder[input.position - 1] !== input.questionId) {
			throw new ValidationError('This answer belongs to another question of the quiz. Reload the page and answer again.');
		}
	}
	const rules = row.assignmentId !== null && row.feedback ? { opensAt: row.opensAt, dueAt: row.dueAt, feedback: row.feedback } : null;
	const window = answerWindow(row, rules, input.now);
	if (!window.open) {
		// Rare path: close the attempt now, so the message ("your answers were submitted") is true.
		if (window.reason === 'time' || window.reason === 'due') autoSubmitExpired(db, { attemptId: input.attemptId }, input.now);
		throw new ConflictError(window.message);
	}
	const checked = checkResponse(row.question, input.response);
	if (!checked.ok) throw new ValidationError(checked.message, 'response');
	const correct = gradeResponse(row.question, checked.value).correct;
	const values = { attemptId: input.attemptId, questionId: input.questionId, response: checked.value, correct, answeredAt: input.now };
	if (feedbackMode(rules) === 'each') {
		const inserted = db.insert(attemptAnswers).values(values).onConflictDoNothing().run();
		if (inserted.changes === 0) {
			throw new ConflictError('You have already answered this question: an answer is final once its feedback is shown.');
		}
	} else {
		db.insert(attemptAnswers)
			.values(values)
			.onConflictDoUpdate({
				target: [attemptAnswers.attemptId, attemptAnswers.questionId],
				set: { response: checked.value, correct, answeredAt: input.now }
			})
			.run();
	}
	return { questionId: input.questionId, answeredAt: input.now, total: row.questionOrder.length };
}
