/**
 * What makes an edited or hand-written question well-formed, per type. The set editor runs
 * every save through `validateQuestion`; a failure names the field to fix.
 *
 * - multiple_choice, who_said: 3–8 distinct options, exactly one of them equal to the answer
 * - cloze: the prompt holds one blank of three or more underscores; the answer is not empty
 *   and does not already stand in the prompt
 * - true_false: the answer is "True" or "False"
 * - numeric: the answer contains digits; the tolerance is a number ≥ 0
 * - ordering: 3–8 distinct items (the answer is the items in the right order; the options
 *   are the same items in the order shown)
 * - everywhere: prompt ≤ 1000 characters, each option ≤ 300, at most 8 options; no
 *   control characters or unreadable text, and no direction overrides in one-line parts
 *   (see text-rules.ts); an option of only invisible characters counts as empty
 */
import { ValidationError } from '../server/errors';
import type { QuestionType } from '../server/db/schema';
import { normaliseAnswer } from '../study/answers';
import { freeTextProblem, hasVisibleText, lineProblem } from '../text-rules';

export const LIMITS = {
	prompt: 1000,
	option: 300,
	options: 8,
	minOptions: 3,
	answer: 300,
	accept: 10,
	explanation: 2000,
	tolerance: 1e12
} as const;

export const BLANK = /_{3,}/g;

/** The parts of a question a teacher can change. */
export type QuestionContent = {
	type: QuestionType;
	prompt: string;
	answer: string | string[];
	options: string[] | null;
	accept: string[];
	explanation: string;
	tolerance: number | null;
};

const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Options that differ only in case or spacing are the same option to a student. */
const sameOption = (s: string) => tidy(s).toLowerCase();

function checkLine(value: string, field: string, label: string): void {
	const problem = lineProblem(value, label);
	if (problem) throw new ValidationError(problem, field);
}

function checkLength(value: string, max: number, field: string, label: string): void {
	if (value.length > max) throw new ValidationError(`${label} can be at most ${max} characters (it has ${value.length}).`, field);
}

function distinctItems(items: string[], field: string, noun: string): string[] {
	const list = items.map(tidy).filter(hasVisibleText);
	for (const item of list) checkLine(item, field, `An ${noun}`);
	if (list.length < LIMITS.minOptions) throw new ValidationError(`Give at least ${LIMITS.minOptions} ${noun}s.`, field);
	if (list.length > LIMITS.options) throw new ValidationError(`Give at most ${LIMITS.options} ${noun}s.`, field);
	for (const item of list) checkLength(item, LIMITS.option, field, `Each ${noun}`);
	const seen = new Set<string>();
	for (const item of list) {
		if (seen.has(sameOption(item))) throw new ValidationError(`The ${noun} “${item}” appears twice; every ${noun} must be different.`, field);
		seen.add(sameOption(item));
	}
	return list;
}

function validateAccept(accept: string[]): string[] {
	const list = accept.map(tidy).filter(hasVisibleText);
	for (const a of list) checkLine(a, 'accept', 'An accepted answer');
	if (list.length > LIMITS.accept) throw new ValidationError(`Give at most ${LIMITS.accept} other accepted answers.`, 'accept');
	for (const a of list) checkLength(a, LIMITS.answer, 'accept', 'Each accepted answer');
	return [...new Set(list)];
}

/** The question tidied (spaces collapsed, empty lines dropped), or a ValidationError naming the field. */
export function validateQuestion(input: QuestionContent): QuestionContent {
	const prompt = input.prompt.trim();
	if (!hasVisibleText(prompt)) throw new ValidationError('Write the question.', 'prompt');
	checkLength(prompt, LIMITS.prompt, 'prompt', 'The question');
	const promptProblem = freeTextProblem(prompt, 'The question');
	if (promptProblem) throw new ValidationError(promptProblem, 'prompt');
	const explanation = input.explanation.trim();
	checkLength(explanation, LIMITS.explanation, 'explanation', 'The explanation');
	const explanationProblem = freeTextProblem(explanation, 'The explanation');
	if (explanationProblem) throw new ValidationError(explanationProblem, 'explanation');
	const accept = validateAccept(input.accept);
	const base = { type: input.type, prompt, explanation, accept, tolerance: null as number | null };

	switch (input.type) {
		case 'multiple_choice':
		case 'who_said': {
			const options = distinctItems(input.options ?? [], 'options', 'option');
			const answer = typeof input.answer === 'string' ? tidy(input.answer) : '';
			if (!answer) throw new ValidationError('Mark which option is correct.', 'answer');
			const matches = options.filter((o) => o === answer).length;
			if (matches !== 1) throw new ValidationError('Exactly one option must be the correct answer.', 'answer');
			return { ...base, answer, options, accept: [] };
		}
		case 'cloze': {
			const blanks = prompt.match(BLANK)?.length ?? 0;
			if (blanks !== 1) {
				throw new ValidationError('A fill-in-the-blank question needs exactly one blank of three or more underscores (___).', 'prompt');
			}
			const answer = typeof input.answer === 'string' ? tidy(input.answer) : '';
			if (!hasVisibleText(answer)) throw new ValidationError('Write the word or words that fill the blank.', 'answer');
			checkLine(answer, 'answer', 'The answer');
			checkLength(answer, LIMITS.answer, 'answer', 'The answer');
			const key = normaliseAnswer(answer);
			if (key && ` ${normaliseAnswer(prompt)} `.includes(` ${key} `)) {
				throw new ValidationError('The answer already stands in the question; blank it out.', 'answer');
			}
			return { ...base, answer, options: null };
		}
		case 'true_false': {
			const raw = typeof input.answer === 'string' ? input.answer.trim().toLowerCase() : '';
			if (raw !== 'true' && raw !== 'false') throw new ValidationError('The answer must be True or False.', 'answer');
			return { ...base, answer: raw === 'true' ? 'True' : 'False', options: ['True', 'False'], accept: [] };
		}
		case 'numeric': {
			const answer = typeof input.answer === 'string' ? tidy(input.answer) : '';
			if (!/\d/.test(answer)) throw new ValidationError('A number question needs an answer with digits, e.g. 830,000.', 'answer');
			checkLine(answer, 'answer', 'The answer');
			checkLength(answer, LIMITS.answer, 'answer', 'The answer');
			const tolerance = input.tolerance ?? 0;
			if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > LIMITS.tolerance) {
				throw new ValidationError('The tolerance must be a number from 0 to 1,000,000,000,000.', 'tolerance');
			}
			return { ...base, answer, options: null, tolerance };
		}
		case 'ordering': {
			const items = distinctItems(Array.isArray(input.answer) ? input.answer : [], 'answer', 'item');
			const shown = input.options?.map(tidy).filter(Boolean) ?? [];
			const samePermutation =
				shown.length === items.length && [...shown].sort().join('\n') === [...items].sort().join('\n');
			return { ...base, answer: items, options: samePermutation ? shown : shownOrder(items), accept: [] };
		}
		default:
			throw new ValidationError('Choose a question type.', 'type');
	}
}

/**
 * The order an ordering question shows its items in: a shuffle fixed by the items
 * themselves (the same items always show the same way), never the right order.
 */
export function shownOrder(items: readonly string[]): string[] {
	let seed = 2166136261;
	for (const ch of items.join('\n')) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
		const j = seed % (i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	if (out.every((item, i) => item === items[i])) out.push(out.shift()!);
	return out;
}
