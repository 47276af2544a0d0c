import type { Assignment, Attempt } from '$lib/server/db/schema';
import { expectedAnswerText } from './grading';
import type { QuizQuestion, QuizResponse } from './types';

export type FeedbackMode = Assignment['feedback'];

/**
 * When a student learns what was right:
 * - `each`: right/wrong and the correct answer of a question as soon as it is answered
 *   (that question only; the answer is then locked);
 * - `submit`: everything after submission;
 * - `due`: only once the due time has passed (without a due time: after submission).
 * Practice behaves like `submit`: a student practising their own set sees the results at the end.
 */
export function feedbackMode(rules: Pick<Assignment, 'feedback'> | null): FeedbackMode {
	return rules?.feedback ?? 'submit';
}

export type ResultsVisibility =
	| { visible: true }
	| { visible: false; reason: 'not_submitted' | 'before_due'; availableAt: Date | null; message: string };

export function resultsVisibility(
	attempt: Pick<Attempt, 'submittedAt'>,
	rules: Pick<Assignment, 'feedback' | 'dueAt'> | null,
	now: Date
): ResultsVisibility {
	if (!attempt.submittedAt) {
		return { visible: false, reason: 'not_submitted', availableAt: null, message: 'Results are shown once the attempt is submitted.' };
	}
	if (feedbackMode(rules) === 'due' && rules?.dueAt && now.getTime() < rules.dueAt.getTime()) {
		return {
			visible: false,
			reason: 'before_due',
			availableAt: rules.dueAt,
			message: 'Your teacher shows the results after the due time.'
		};
	}
	return { visible: true };
}

/** What a student is told about one answered question: in `each` mode, and on the results page. */
export type AnswerFeedback = {
	correct: boolean;
	/** The correct answer as text (an ordering joined with arrows). */
	expected: string;
	/** For an ordering, the items in the right order. */
	expectedItems: string[] | null;
	explanation: string;
	/** The sentences of the article the question comes from. */
	sources: string[];
};

export function answerFeedback(question: QuizQuestion, correct: boolean): AnswerFeedback {
	return {
		correct,
		expected: expectedAnswerText(question),
		expectedItems: Array.isArray(question.answer) ? [...question.answer] : null,
		explanation: question.explanation,
		sources: question.sources.map((s) => s.text)
	};
}

/** A response as one line of text, for lists and results. */
export function responseText(response: QuizResponse | null | undefined): string {
	if (response === null || response === undefined) return '';
	return Array.isArray(response) ? response.join(' → ') : response;
}
