import { optionSource } from './order';
import type { QuizQuestion, QuizResponse } from './types';
import { freeTextProblem } from '../../text-rules';

/** The longest typed answer kept; longer ones are refused with a message, not cut. */
export const MAX_TEXT_RESPONSE = 500;

export type CheckedResponse = { ok: true; value: QuizResponse } | { ok: false; message: string };

/**
 * Checks that a response has the shape its question allows: a choice is one of the shown
 * options, an ordering is a permutation of the items, typed text is non-empty and at most
 * MAX_TEXT_RESPONSE characters. Returns the cleaned value (trimmed text).
 */
export function checkResponse(question: Pick<QuizQuestion, 'type' | 'options' | 'answer'>, raw: unknown): CheckedResponse {
	const bad = (message: string): CheckedResponse => ({ ok: false, message });
	switch (question.type) {
		case 'multiple_choice':
		case 'who_said':
		case 'true_false': {
			if (typeof raw !== 'string' || raw === '') return bad('Choose one of the options.');
			if (!optionSource(question).includes(raw)) return bad('Choose one of the options shown.');
			return { ok: true, value: raw };
		}
		case 'cloze':
		case 'numeric': {
			if (typeof raw !== 'string') return bad('Type your answer.');
			const text = raw.trim();
			if (!text) return bad('Type your answer.');
			if (text.length > MAX_TEXT_RESPONSE) return bad(`Answers can be at most ${MAX_TEXT_RESPONSE} characters long.`);
			const problem = freeTextProblem(text, 'Your answer');
			if (problem) return bad(problem);
			if (question.type === 'numeric' && !/\d/.test(text)) return bad('Type a number.');
			return { ok: true, value: text };
		}
		case 'ordering': {
			const items = optionSource(question);
			if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) return bad('Put every item in a position.');
			if (raw.length !== items.length || raw.some((item) => item === '')) return bad('Put every item in a position.');
			const left = [...items];
			for (const item of raw as string[]) {
				const at = left.indexOf(item);
				if (at < 0) return bad('Use each item exactly once.');
				left.splice(at, 1);
			}
			return { ok: true, value: [...(raw as string[])] };
		}
	}
}
