import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generation/index';
import { article, norm } from './helpers';

describe('ranking, count and seed', () => {
	const text = article('00').text;

	it('same text and seed give the same output, byte for byte', () => {
		expect(JSON.stringify(generate(text, { seed: 'abc' }))).toBe(JSON.stringify(generate(text, { seed: 'abc' })));
	});

	it('another seed changes only the random choices (option order, true/false polarity)', () => {
		const a = generate(text, { seed: 1, count: 0 }).questions;
		const b = generate(text, { seed: 2, count: 0 }).questions;
		const mcA = a.filter((q) => q.type === 'multiple_choice').map((q) => q.options.join('|'));
		const mcB = b.filter((q) => q.type === 'multiple_choice').map((q) => q.options.join('|'));
		expect(mcA).not.toEqual(mcB);
	});

	it('count limits the list; 0 means every question, ranked', () => {
		expect(generate(text, { count: 5 }).questions).toHaveLength(5);
		const every = generate(text, { count: 0 }).questions;
		expect(every.length).toBeGreaterThan(20);
		expect(generate(text, { count: Infinity }).questions).toHaveLength(every.length);
		expect(generate(text).questions).toHaveLength(20);
	});

	it('puts the best first, numbers ids in rank order, and never repeats a prompt', () => {
		const qs = generate(text, { count: 0 }).questions;
		qs.forEach((q, i) => expect(q.id).toBe(`q${i + 1}`));
		expect(new Set(qs.map((q) => norm(q.prompt))).size).toBe(qs.length);
		const top = qs.slice(0, 20);
		// at most two questions per source sentence at the top, and a second one never shows the first one's answer
		const bySource = new Map<number, typeof top>();
		for (const q of top.filter((x) => x.type !== 'ordering')) bySource.set(q.sources[0].start, [...(bySource.get(q.sources[0].start) ?? []), q]);
		for (const qs of bySource.values()) {
			expect(qs.length).toBeLessThanOrEqual(2);
			if (qs.length < 2) continue;
			const [x, y] = qs;
			for (const [p, q] of [[x, y], [y, x]]) expect(` ${norm(p.prompt)} `.includes(` ${norm(q.answer as string)} `), `${p.prompt} shows ${q.answer}`).toBe(false);
		}
		expect(top[0].score).toBeGreaterThanOrEqual(top[top.length - 1].score);
	});

	it('mixes the types at the top', () => {
		const types = new Set(generate(text).questions.map((q) => q.type));
		expect(types.size).toBeGreaterThanOrEqual(4);
	});
});
