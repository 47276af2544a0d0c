import { eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { attemptAnswers } from '../db/schema';
import { NotFoundError } from '../errors';
import { answerFeedback, answerWindow, CLOSED_MESSAGES, publicQuestion, type AnswerFeedback, type PublicQuestion, type QuizResponse } from '$lib/study/quiz';
import { attemptHeader, loadAttemptContext, type AttemptContext, type AttemptHeader } from './context';
import { questionsByIds } from './questions';
import { autoSubmitExpired } from './submit';
import { requireStillInClass } from './access';

/**
 * What the question screens may show before submission. Built only from the public
 * projection of a question, which answers were given (not whether they were right) and
 * the student's own response; in `each` feedback mode also the feedback of the answered
 * question on screen. Nothing else of the key.
 */

function answersOf(db: DB, attemptId: number) {
	return db
		.select({ questionId: attemptAnswers.questionId, response: attemptAnswers.response, correct: attemptAnswers.correct })
		.from(attemptAnswers)
		.where(eq(attemptAnswers.attemptId, attemptId))
		.all();
}

/** Opens the user's attempt, closing it first if its time ran out. */
function openContext(db: DB, attemptId: number, userId: string, now: Date): AttemptContext {
	autoSubmitExpired(db, { attemptId }, now);
	return loadAttemptContext(db, attemptId, userId);
}

export type ClosedScreen = { state: 'closed'; header: AttemptHeader; message: string };

/** Why a submitted attempt takes no answers: the due time or time limit if passed, else the submission. */
function closedMessage(ctx: AttemptContext, now: Date): string {
	const window = answerWindow({ ...ctx.attempt, submittedAt: null }, ctx.rules, now);
	return !window.open && (window.reason === 'due' || window.reason === 'time') ? window.message : CLOSED_MESSAGES.submitted;
}

export type QuestionScreen =
	| ClosedScreen
	| {
			state: 'open';
			header: AttemptHeader;
			/** 1-based position of this question. */
			n: number;
			/** Per position: whether it has an answer. */
			answered: boolean[];
			question: PublicQuestion;
			/** The student's saved response to this question. */
			response: QuizResponse | null;
			/** Only with feedback after each answer, and only for this question once answered. */
			feedback: AnswerFeedback | null;
	  };

export function loadQuestionScreen(db: DB, input: { attemptId: number; userId: string; n: number; now: Date }): QuestionScreen {
	const ctx = openContext(db, input.attemptId, input.userId, input.now);
	const header = attemptHeader(ctx, input.now);
	if (ctx.attempt.submittedAt) return { state: 'closed', header, message: closedMessage(ctx, input.now) };
	requireStillInClass(db, ctx.attempt);
	const order = ctx.attempt.questionOrder;
	if (!Number.isInteger(input.n) || input.n < 1 || input.n > order.length) throw new NotFoundError('This quiz has no such question.');
	const questionId = order[input.n - 1];
	const question = questionsByIds(db, [questionId]).get(questionId);
	if (!question) throw new NotFoundError('This question has been removed.');
	const answers = new Map(answersOf(db, ctx.attempt.id).map((a) => [a.questionId, a]));
	const mine = answers.get(questionId);
	return {
		state: 'open',
		header,
		n: input.n,
		answered: order.map((id) => answers.has(id)),
		question: publicQuestion(question, ctx.attempt.optionOrders[questionId]),
		response: mine?.response ?? null,
		feedback: header.feedback === 'each' && mine ? answerFeedback(question, mine.correct) : null
	};
}

export type SubmitScreen =
	| ClosedScreen
	| {
			state: 'open';
			header: AttemptHeader;
			answered: boolean[];
			unanswered: { n: number; prompt: string }[];
	  };

export function loadSubmitScreen(db: DB, input: { attemptId: number; userId: string; now: Date }): SubmitScreen {
	const ctx = openContext(db, input.attemptId, input.userId, input.now);
	const header = attemptHeader(ctx, input.now);
	if (ctx.attempt.submittedAt) return { state: 'closed', header, message: closedMessage(ctx, input.now) };
	requireStillInClass(db, ctx.attempt);
	const order = ctx.attempt.questionOrder;
	const answered = new Set(answersOf(db, ctx.attempt.id).map((a) => a.questionId));
	const missing = order.map((id, i) => ({ id, n: i + 1 })).filter((q) => !answered.has(q.id));
	const prompts = questionsByIds(db, missing.map((q) => q.id));
	return {
		state: 'open',
		header,
		answered: order.map((id) => answered.has(id)),
		unanswered: missing.map((q) => ({ n: q.n, prompt: prompts.get(q.id)?.prompt ?? 'This question has been removed.' }))
	};
}

/** Where a student continues an attempt: the first unanswered question, the submit step, or the results. */
export function resumePath(db: DB, input: { attemptId: number; userId: string; now: Date }): string {
	const ctx = openContext(db, input.attemptId, input.userId, input.now);
	const id = ctx.attempt.id;
	if (ctx.attempt.submittedAt) return `/attempts/${id}/results`;
	requireStillInClass(db, ctx.attempt);
	const answered = new Set(answersOf(db, id).map((a) => a.questionId));
	const next = ctx.attempt.questionOrder.findIndex((q) => !answered.has(q));
	return next < 0 ? `/attempts/${id}/submit` : `/attempts/${id}/${next + 1}`;
}
