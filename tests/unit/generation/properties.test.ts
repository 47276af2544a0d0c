import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generation/index';
import { articles, norm } from './helpers';

const PRONOUN_START = /^(he|she|it|they|his|her|its|their|him|them|this|these|those|that|such)\b/i;
const CLEFT = /^It (is|was) .+ that /;

describe.each(articles())('properties of the questions for $name', ({ text }) => {
	const { questions } = generate(text, { count: 0, seed: 42 });

	it('meets the generator contract', () => {
		expect(questions.length).toBeGreaterThanOrEqual(10);
		for (const q of questions) {
			expect(q.prompt.trim()).not.toBe('');
			if (q.type === 'multiple_choice' || q.type === 'who_said') {
				expect(q.options.length).toBeGreaterThanOrEqual(3);
				expect(new Set(q.options.map(norm)).size).toBe(q.options.length);
				expect(q.options.filter((o) => norm(o) === norm(q.answer as string))).toHaveLength(1);
			}
			if (q.type === 'true_false') expect(['True', 'False']).toContain(q.answer);
			if (q.type === 'cloze') expect(q.prompt).toMatch(/_{3,}/);
			if (q.type === 'numeric') expect(q.answer).toMatch(/\d/);
			if (q.type === 'ordering') {
				expect(q.options.length).toBeGreaterThanOrEqual(3);
				expect([...q.options].sort()).toEqual([...(q.answer as string[])].sort());
			}
		}
	});

	it('is grounded: every source is a slice of the text, and the answer is stated there', () => {
		for (const q of questions) {
			expect(q.sources.length).toBeGreaterThan(0);
			for (const s of q.sources) expect(text.slice(s.start, s.end)).toBe(s.text);
			const where = norm(q.sources.map((s) => s.text).join(' '));
			if (q.type === 'true_false') continue;
			const answers = Array.isArray(q.answer) ? [] : [q.answer, ...q.accept];
			if (q.type === 'ordering') continue;
			expect(answers.some((a) => ` ${where} `.includes(` ${norm(a)} `)), `${q.prompt} → ${q.answer}`).toBe(true);
		}
	});

	it('has no prompt that starts with an unresolved pronoun or demonstrative', () => {
		for (const q of questions) {
			const p = q.prompt.replace(/^(Who said “|True or false: )/, '');
			if (q.type === 'who_said' || CLEFT.test(p)) continue;
			expect(PRONOUN_START.test(p), q.prompt).toBe(false);
		}
	});

	it('never puts the answer (or another form of it) in its prompt', () => {
		for (const q of questions) {
			if (q.type === 'true_false' || q.type === 'ordering') continue;
			for (const a of [q.answer as string, ...q.accept]) {
				const n = norm(a).replace(/^the /, '');
				if (n.length < 3) continue;
				expect(` ${norm(q.prompt)} `.includes(` ${n} `), `${q.prompt} → ${a}`).toBe(false);
			}
		}
	});
});
