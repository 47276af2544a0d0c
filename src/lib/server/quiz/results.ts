import { eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { attemptAnswers } from '../db/schema';
import { answerFeedback, publicQuestion, resultsVisibility, type AnswerFeedback, type PublicQuestion, type QuizResponse } from '$lib/study/quiz';
import { attemptHeader, loadAttemptContext, type AttemptHeader } from './context';
import { questionsByIds } from './questions';
import { autoSubmitExpired, releaseMistakeCards } from './submit';

export type ResultItem = {
	n: number;
	question: PublicQuestion;
	response: QuizResponse | null;
	feedback: AnswerFeedback;
};

export type AttemptResults =
	| { status: 'in_progress'; header: AttemptHeader }
	| { status: 'hidden'; header: AttemptHeader; message: string; availableAt: number | null; answeredCount: number; submittedAt: number }
	| {
			status: 'visible';
			header: AttemptHeader;
			submittedAt: number;
			correctCount: number;
			score: number;
			items: ResultItem[];
			/** Cards created for this attempt's mistakes by this request (0 when they already existed). */
			newCards: number;
	  };

/**
 * The results of the user's attempt: each question right or wrong, the student's answer,
 * the correct answer and the source sentence, once submitted and allowed by the feedback
 * rule (`due`: only after the due time). Before that, only that it was submitted.
 */
export function loadResults(db: DB, input: { attemptId: number; userId: string; now: Date }): AttemptResults {
	autoSubmitExpired(db, { attemptId: input.attemptId }, input.now);
	const ctx = loadAttemptContext(db, input.attemptId, input.userId);
	const { attempt, rules } = ctx;
	const header = attemptHeader(ctx, input.now);
	if (!attempt.submittedAt) return { status: 'in_progress', header };
	const answers = db
		.select({ questionId: attemptAnswers.questionId, response: attemptAnswers.response, correct: attemptAnswers.correct })
		.from(attemptAnswers)
		.where(eq(attemptAnswers.attemptId, attempt.id))
		.all();
	const visibility = resultsVisibility(attempt, rules, input.now);
	if (!visibility.visible) {
		const inQuiz = new Set(attempt.questionOrder);
		return {
			status: 'hidden',
			header,
			message: visibility.message,
			availableAt: visibility.availableAt?.getTime() ?? null,
			answeredCount: answers.filter((a) => inQuiz.has(a.questionId)).length,
			submittedAt: attempt.submittedAt.getTime()
		};
	}
	const newCards = releaseMistakeCards(db, attempt, input.now);
	const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
	const questions = questionsByIds(db, attempt.questionOrder);
	const items: ResultItem[] = [];
	attempt.questionOrder.forEach((id, i) => {
		const question = questions.get(id);
		if (!question) return;
		const answer = byQuestion.get(id);
		items.push({
			n: i + 1,
			question: publicQuestion(question, attempt.optionOrders[id]),
			response: answer?.response ?? null,
			feedback: answerFeedback(question, answer?.correct ?? false)
		});
	});
	return {
		status: 'visible',
		header,
		submittedAt: attempt.submittedAt.getTime(),
		correctCount: attempt.correctCount ?? 0,
		score: attempt.score ?? 0,
		items,
		newCards
	};
}
