import type { QuestionType, SourceSpan } from '../server/db/schema';
import type { QuestionContent } from './question-validation';

/**
 * The question editor's form, as plain fields (it works without JavaScript):
 * - `prompt`, `explanation`
 * - `option` (repeated, one input per option) and `correct` (the index of the right
 *   option's input) for multiple choice and "who said it"
 * - `answer` for cloze, numeric and true/false; `tolerance` for numeric
 * - `items` (one per line, in the right order) for ordering
 * - `accept` (one per line): other answers accepted for typed questions
 */
export type QuestionFormFields = {
	prompt: string;
	explanation: string;
	option: string[];
	correct: string;
	answer: string;
	tolerance: string;
	items: string;
	accept: string;
};

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** Reads the form into question content; `validateQuestion` then says whether it is well-formed. */
export function contentFromForm(type: QuestionType, f: QuestionFormFields, shownOptions: string[] | null = null): QuestionContent {
	const base = { type, prompt: f.prompt, explanation: f.explanation, accept: lines(f.accept), tolerance: null };
	switch (type) {
		case 'multiple_choice':
		case 'who_said': {
			const index = /^\d+$/.test(f.correct) ? Number(f.correct) : -1;
			const answer = index >= 0 && index < f.option.length ? f.option[index] : '';
			return { ...base, answer, options: f.option };
		}
		case 'numeric': {
			const raw = f.tolerance.trim();
			// Written as people write numbers ("5000", "2.5", "10,000"); "0x10" or "1e3" is not a tolerance.
			const plain = raw.replace(/,(?=\d{3}(\D|$))/g, '');
			return { ...base, answer: f.answer, options: null, tolerance: raw === '' ? 0 : /^\d+(\.\d+)?$/.test(plain) ? Number(plain) : NaN };
		}
		case 'ordering':
			return { ...base, answer: lines(f.items), options: shownOptions };
		default:
			return { ...base, answer: f.answer, options: null };
	}
}

/** The form's starting values for an existing question. */
export function formFromContent(q: Pick<QuestionContent, 'type' | 'prompt' | 'answer' | 'options' | 'accept' | 'explanation' | 'tolerance'>): QuestionFormFields {
	const answer = Array.isArray(q.answer) ? q.answer.join('\n') : q.answer;
	const options = q.type === 'multiple_choice' || q.type === 'who_said' ? (q.options ?? []) : [];
	return {
		prompt: q.prompt,
		explanation: q.explanation,
		option: options,
		correct: String(Math.max(0, options.indexOf(answer))),
		answer: Array.isArray(q.answer) ? '' : q.answer,
		tolerance: q.tolerance === null ? '' : String(q.tolerance),
		items: Array.isArray(q.answer) ? answer : '',
		accept: q.accept.join('\n')
	};
}

/**
 * A card made from the question: the front asks it, the back gives the answer and the
 * sentence it comes from (as generated cards do).
 */
export function cardFor(content: Pick<QuestionContent, 'prompt' | 'answer'>, sources: readonly SourceSpan[]): { cardFront: string; cardBack: string } {
	const answer = Array.isArray(content.answer) ? content.answer.join(' → ') : content.answer;
	const source = sources.map((s) => s.text).join(' … ');
	return { cardFront: content.prompt, cardBack: source ? `${answer}\n\n${source}` : answer };
}
