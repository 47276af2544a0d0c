import type { QuestionType } from './server/db/schema';

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
	multiple_choice: 'Multiple choice',
	cloze: 'Fill in the blank',
	true_false: 'True or false',
	numeric: 'Number',
	who_said: 'Who said it',
	ordering: 'Put in order'
};

export function answerText(answer: string | string[]): string {
	return Array.isArray(answer) ? answer.join(' → ') : answer;
}
