import { gradeChoice, gradeNumeric, gradeOrdering, gradeTyped, type Grade } from '../answers';
import type { QuizQuestion, QuizResponse } from './types';

const WRONG_SHAPE = (expected: string): Grade => ({ correct: false, exact: false, expected, diff: [] });

/** The answer as a student should read it on the results page. */
export function expectedAnswerText(question: Pick<QuizQuestion, 'answer'>): string {
	return Array.isArray(question.answer) ? question.answer.join(' → ') : question.answer;
}

/** Grades one response with the shared lenient graders of `answers.ts`. */
export function gradeResponse(question: QuizQuestion, response: QuizResponse): Grade {
	const { type, answer } = question;
	if (type === 'ordering') {
		if (!Array.isArray(response) || !Array.isArray(answer)) return WRONG_SHAPE(expectedAnswerText(question));
		return gradeOrdering(response, answer);
	}
	if (Array.isArray(response) || Array.isArray(answer)) return WRONG_SHAPE(expectedAnswerText(question));
	switch (type) {
		case 'multiple_choice':
		case 'who_said':
		case 'true_false':
			return gradeChoice(response, answer);
		case 'cloze':
			return gradeTyped(response, answer, question.accept);
		case 'numeric':
			return gradeNumeric(response, answer, question.tolerance ?? 0, question.accept);
	}
}

/** Share of the questions answered right, 0–1; an empty quiz scores 0. */
export function scoreOf(correctCount: number, total: number): number {
	return total > 0 ? correctCount / total : 0;
}
