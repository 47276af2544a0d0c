import type { QuestionType } from '$lib/server/db/schema';
import { shownOptions } from './order';
import type { QuizQuestion } from './types';

/**
 * What a student may see of a question before the attempt is submitted. It is built from
 * an allow-list of fields, never by removing fields from the row, so a new column can
 * never leak into the page. Answer, accepted answers, tolerance, explanation, sources and
 * card text stay on the server.
 */
export type PublicQuestion = {
	id: number;
	type: QuestionType;
	prompt: string;
	/** How the student answers it. */
	input: 'choice' | 'text' | 'number' | 'ordering';
	/** Options (or ordering items) in the order this attempt shows them; null for typed answers. */
	options: string[] | null;
};

const INPUTS: Record<QuestionType, PublicQuestion['input']> = {
	multiple_choice: 'choice',
	who_said: 'choice',
	true_false: 'choice',
	cloze: 'text',
	numeric: 'number',
	ordering: 'ordering'
};

export function publicQuestion(question: QuizQuestion, optionOrder: readonly number[] | undefined): PublicQuestion {
	const input = INPUTS[question.type];
	let options: string[] | null = null;
	if (input === 'choice' || input === 'ordering') options = shownOptions(question, optionOrder);
	if (input === 'ordering' && options && Array.isArray(question.answer)) options = neverInAnswerOrder(options, question.answer);
	return { id: question.id, type: question.type, prompt: question.prompt, input, options };
}

/**
 * Defence in depth: whatever order was stored (an old attempt, an edited question), an
 * ordering is never shown in the answer order when it has two or more items.
 */
function neverInAnswerOrder(items: string[], answer: readonly string[]): string[] {
	const inOrder = items.length >= 2 && items.length === answer.length && items.every((item, i) => item === answer[i]);
	return inOrder ? [...items.slice(1), items[0]] : items;
}
