import { describe, expect, it } from 'vitest';
import { generate, type GeneratedQuestion } from '../../../src/lib/generation/index';
import { article, norm } from './helpers';
import { analyse } from '../../../src/lib/generation/analysis/article';
import { allCandidates } from '../../../src/lib/generation/generate';

const all = (text: string, seed: number | string = 1) => generate(text, { count: 0, seed }).questions;
const ofType = (qs: GeneratedQuestion[], t: GeneratedQuestion['type']) => qs.filter((q) => q.type === t);

describe('question types', () => {
	const seed = all(article('00').text);

	it('multiple choice: four distinct options, exactly one of them the answer', () => {
		const mc = ofType(seed, 'multiple_choice');
		expect(mc.length).toBeGreaterThan(3);
		for (const q of mc) {
			expect(q.options.length).toBeGreaterThanOrEqual(3);
			expect(new Set(q.options.map(norm)).size).toBe(q.options.length);
			expect(q.options.filter((o) => o === q.answer)).toHaveLength(1);
		}
	});

	it('multiple choice: a year among years, an amount among amounts of the same format', () => {
		const qs = all(article('00').text);
		const year = ofType(qs, 'multiple_choice').find((q) => /^\d{4}$/.test(q.answer as string));
		expect(year).toBeDefined();
		for (const o of year!.options) expect(o).toMatch(/^\d{4}$/);
		const money = ofType(qs, 'multiple_choice').find((q) => /^US\$\d/.test(q.answer as string));
		expect(money).toBeDefined();
		for (const o of money!.options) expect(o).toMatch(/^US\$\d+(\.\d)? billion$/);
	});

	it('cloze: a blank of underscores where a key phrase was, the phrase as answer', () => {
		const cloze = ofType(seed, 'cloze');
		expect(cloze.length).toBeGreaterThan(3);
		for (const q of cloze) {
			expect(q.prompt).toMatch(/_{3,}/);
			expect(q.prompt.match(/_{3,}/g)).toHaveLength(1);
			const filled = q.prompt.replace(/_{3,}/, q.answer as string);
			expect(norm(q.sources[0].text)).toContain(norm(q.answer as string));
			expect(filled.length).toBeGreaterThan(q.prompt.length - 5);
		}
		const exports = cloze.find((q) => q.answer === 'garments and footwear');
		expect(exports?.prompt).toContain('biggest exports are _____');
	});

	it('true/false: "True" or "False", and a false statement differs from its source by a same-kind swap', () => {
		// true/false fills in where no better question is, so look at every statement made
		const made = (text: string) => allCandidates(analyse(text), 1).filter((c) => c.type === 'true_false');
		const tf = [...made(article('00').text), ...made(article('02').text)];
		expect(tf.length).toBeGreaterThan(1);
		for (const q of tf) {
			expect(['True', 'False']).toContain(q.answer);
			expect(q.options).toEqual(['True', 'False']);
		}
		const f = tf.find((q) => q.answer === 'False');
		expect(f).toBeDefined();
		expect(norm(f!.prompt)).not.toBe(norm(f!.sources[0].text));
		// the value swapped in is another one the article itself gives
		const swapped = norm(f!.prompt).split(' ').filter((w) => !norm(f!.sources[0].text).split(' ').includes(w));
		expect(swapped.length).toBeGreaterThan(0);
		for (const w of swapped) expect(norm(article('00').text + ' ' + article('02').text)).toContain(w);
	});

	it('numeric: digits in the answer, a value, a tolerance and a unit where there is one', () => {
		// the same figure is asked once; at the top, one way of asking it is a number question
		const num = ofType(generate(article('00').text, { seed: 1 }).questions, 'numeric');
		expect(num.length).toBeGreaterThan(0);
		for (const q of num) {
			expect(q.answer).toMatch(/\d/);
			expect(typeof q.value).toBe('number');
			expect(q.tolerance).toBeGreaterThanOrEqual(0);
			expect(q.prompt).toMatch(/_{3,}/);
		}
		const money = num.find((q) => (q.answer as string).startsWith('US$'));
		if (money) expect(money.unit).toBe('US$ billion');
	});

	it('who said: a quotation attributed in the article, the speaker among other people of the article', () => {
		const ws = ofType(seed, 'who_said');
		expect(ws.length).toBeGreaterThan(0);
		const people = ['Hun Sen', 'Meas Nee', 'Keo Vanthan', 'Sam Rainsy', 'Nguyen Xuan Phuc', 'Kem Sokha', 'Pol Pot'];
		for (const q of ws) {
			expect(q.prompt).toMatch(/^Who said “.+”\?$/);
			expect(q.options.length).toBeGreaterThanOrEqual(3);
			for (const o of q.options) expect(people).toContain(o);
		}
		const loyal = ws.find((q) => q.prompt.includes('I will question our friend Vietnam'));
		expect(loyal?.answer).toBe('Hun Sen');
	});

	it('ordering: at least three dated events, the answer in date order, the dates taken out', () => {
		const ord = ofType(all(article('03').text), 'ordering');
		expect(ord).toHaveLength(1);
		const q = ord[0];
		expect(q.options.length).toBeGreaterThanOrEqual(3);
		expect([...q.options].sort()).toEqual([...(q.answer as string[])].sort());
		for (const item of q.answer as string[]) expect(item).not.toMatch(/\b1[0-9]{3}\b/);
		const order = (q.answer as string[]).map((x) => x.toLowerCase());
		expect(order.findIndex((x) => x.includes('tasman'))).toBeLessThan(order.findIndex((x) => x.includes('waitangi')));
	});

	it('cards: front is the question, back the answer and the source sentence', () => {
		for (const q of seed) {
			expect(q.card.front.length).toBeGreaterThan(0);
			expect(q.card.back).toContain(q.sources[0].text.replace(/\s+/g, ' ').trim().slice(0, 30));
		}
	});
});
