import { describe, expect, it } from 'vitest';
import { shownOrder, validateQuestion, type QuestionContent } from '../../../src/lib/teaching/question-validation';
import { contentFromForm, formFromContent, cardFor } from '../../../src/lib/teaching/question-form';
import { ValidationError } from '../../../src/lib/server/errors';

const base = { accept: [], explanation: '', tolerance: null, options: null };
const mc: QuestionContent = { ...base, type: 'multiple_choice', prompt: 'In what year?', answer: '1979', options: ['1975', '1979', '1985', '1991'] };

function failure(content: QuestionContent): { field?: string; message: string } {
	try {
		validateQuestion(content);
	} catch (err) {
		if (err instanceof ValidationError) return { field: err.field, message: err.message };
		throw err;
	}
	throw new Error('expected a ValidationError');
}

describe('question validation, per type', () => {
	it('accepts a good multiple-choice question and tidies it', () => {
		expect(validateQuestion({ ...mc, prompt: '  In what year?  ', options: ['1975 ', '', '1979', '1985', '  1991'] })).toMatchObject({
			prompt: 'In what year?',
			options: ['1975', '1979', '1985', '1991'],
			answer: '1979'
		});
	});

	it.each([
		['fewer than three options', { options: ['1979', '1985'] }, 'options'],
		['more than eight options', { options: ['1979', ...'abcdefgh'] }, 'options'],
		['the same option twice (in another case)', { options: ['Hun Sen', 'hun sen', '1979'], answer: '1979' }, 'options'],
		['no option equal to the answer', { answer: '1980' }, 'answer'],
		['no answer marked', { answer: '' }, 'answer'],
		['an over-long option', { options: ['1979', '1985', 'x'.repeat(301)] }, 'options'],
		['an empty prompt', { prompt: '   ' }, 'prompt'],
		['an over-long prompt', { prompt: 'x'.repeat(1001) }, 'prompt']
	])('refuses a multiple-choice question with %s', (_label, change, field) => {
		expect(failure({ ...mc, ...change } as QuestionContent).field).toBe(field);
	});

	it('applies the same rules to "who said it"', () => {
		expect(failure({ ...mc, type: 'who_said', options: ['Hun Sen', 'Sam Rainsy'], answer: 'Hun Sen' }).field).toBe('options');
		expect(validateQuestion({ ...mc, type: 'who_said', options: ['Hun Sen', 'Sam Rainsy', 'Meas Nee'], answer: 'Hun Sen' }).answer).toBe('Hun Sen');
	});

	it('keeps the blank of a cloze, with a non-empty answer that is not already in the prompt', () => {
		const cloze: QuestionContent = { ...base, type: 'cloze', prompt: 'Exports are _____ and footwear.', answer: 'garments', accept: ['clothes', ' '] };
		expect(validateQuestion(cloze)).toMatchObject({ answer: 'garments', accept: ['clothes'], options: null });
		expect(failure({ ...cloze, prompt: 'Exports are garments and footwear.' })).toMatchObject({ field: 'prompt' });
		expect(failure({ ...cloze, prompt: 'Exports are __ and footwear.' }).field).toBe('prompt');
		expect(failure({ ...cloze, prompt: 'Exports are ___ and ___.' }).field).toBe('prompt');
		expect(failure({ ...cloze, answer: '  ' }).field).toBe('answer');
		expect(failure({ ...cloze, prompt: 'Exports are _____ and Footwear.', answer: 'footwear' }).field).toBe('answer');
		// A word that only contains the answer is not the answer.
		expect(validateQuestion({ ...cloze, prompt: 'Garmentsmakers export _____.', answer: 'garments' }).answer).toBe('garments');
	});

	it('takes True or False, in any case, for a true/false question', () => {
		const tf: QuestionContent = { ...base, type: 'true_false', prompt: 'Vietnam invaded in 1979.', answer: 'true' };
		expect(validateQuestion(tf)).toMatchObject({ answer: 'True', options: ['True', 'False'] });
		expect(failure({ ...tf, answer: 'maybe' }).field).toBe('answer');
	});

	it('needs digits and a tolerance of 0 or more for a numeric question', () => {
		const num: QuestionContent = { ...base, type: 'numeric', prompt: 'How many tourists?', answer: '830,000', tolerance: 10000 };
		expect(validateQuestion(num)).toMatchObject({ answer: '830,000', tolerance: 10000 });
		expect(validateQuestion({ ...num, tolerance: null }).tolerance).toBe(0);
		expect(failure({ ...num, answer: 'many' }).field).toBe('answer');
		expect(failure({ ...num, tolerance: -1 }).field).toBe('tolerance');
		expect(failure({ ...num, tolerance: Number.NaN }).field).toBe('tolerance');
	});

	it('needs at least three distinct items for an ordering, and never shows them in the right order', () => {
		const items = ['Vietnam invades', 'Border marker', 'ASEAN summit'];
		const ord: QuestionContent = { ...base, type: 'ordering', prompt: 'Put in order.', answer: items };
		const ok = validateQuestion(ord);
		expect(ok.answer).toEqual(items);
		expect([...ok.options!].sort()).toEqual([...items].sort());
		expect(ok.options).not.toEqual(items);
		// The order shown is kept when the items did not change.
		const shown = [items[2], items[0], items[1]];
		expect(validateQuestion({ ...ord, options: shown }).options).toEqual(shown);
		expect(failure({ ...ord, answer: items.slice(0, 2) }).field).toBe('answer');
		expect(failure({ ...ord, answer: [...items, 'vietnam invades'] }).field).toBe('answer');
	});

	it('never returns the right order from shownOrder, for any small list', () => {
		for (let n = 2; n <= 8; n++) {
			const list = Array.from({ length: n }, (_, i) => `item ${i}`);
			expect(shownOrder(list)).not.toEqual(list);
			expect([...shownOrder(list)].sort()).toEqual([...list].sort());
		}
	});
});

describe('the question form', () => {
	it('reads the correct option from the radio index, ignoring empty inputs', () => {
		const content = contentFromForm('multiple_choice', {
			prompt: 'Q?',
			explanation: '',
			option: ['a', '', 'b', 'c'],
			correct: '2',
			answer: '',
			tolerance: '',
			items: '',
			accept: ''
		});
		expect(validateQuestion(content)).toMatchObject({ answer: 'b', options: ['a', 'b', 'c'] });
	});

	it('round-trips a question through the form', () => {
		const q = { ...mc, accept: [], explanation: 'Because.' };
		expect(validateQuestion(contentFromForm('multiple_choice', formFromContent(q)))).toMatchObject({ answer: '1979', options: mc.options });
		const ord = { ...base, type: 'ordering' as const, prompt: 'Order', answer: ['a', 'b', 'c'], options: ['c', 'a', 'b'] };
		expect(validateQuestion(contentFromForm('ordering', formFromContent(ord), ord.options))).toMatchObject({ answer: ['a', 'b', 'c'], options: ['c', 'a', 'b'] });
	});

	it('makes the card from the prompt, the answer and the source', () => {
		expect(cardFor({ prompt: 'Q?', answer: ['a', 'b'] }, [{ start: 0, end: 3, text: 'Src' }])).toEqual({ cardFront: 'Q?', cardBack: 'a → b\n\nSrc' });
	});
});
