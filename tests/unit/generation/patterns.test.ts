import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generation/index';
import { analyse } from '../../../src/lib/generation/analysis/article';
import { viewSentence } from '../../../src/lib/generation/analysis/references';
import { standaloneClause } from '../../../src/lib/generation/questions/clauses';
import { findDefinitions } from '../../../src/lib/generation/questions/definitions';
import { allCandidates } from '../../../src/lib/generation/generate';
import { article } from './helpers';

describe('sentence patterns', () => {
	it('takes a clause that stands alone out of a sentence whose main clause does not', () => {
		const text =
			'Hun Sen and a small group of comrades fled across the border to Vietnam in the 1970s. ' +
			'They had become disillusioned with the Khmer Rouge and returned to Cambodia when Vietnam invaded and deposed the regime led by Pol Pot in 1979.';
		const a = analyse(text);
		expect(viewSentence(a, 1, new Map()).ok).toBe(false);
		const clause = standaloneClause(a, 1);
		expect(clause).not.toBeNull();
		const s = clause!.article.sentences[1];
		expect(text.slice(s.start, s.end)).toBe('Vietnam invaded and deposed the regime led by Pol Pot in 1979.');
	});

	it('finds definitions written as a noun phrase and asks what a term means', () => {
		const { text } = article('06');
		const a = analyse(text);
		const memo = new Map();
		const defs = findDefinitions(a, a.sentences.map((s) => viewSentence(a, s.index, memo)));
		const byTerm = new Map(defs.map((d) => [d.term.toLowerCase(), d.definition]));
		expect(byTerm.get('double coincidence of wants')).toBe('a situation in which two people each want some good or service that the other person can provide');
		expect(byTerm.get('commodity-backed currencies')).toMatch(/^dollar bills or other currencies with values backed up by gold/);
		const q = generate(text, { count: 0 }).questions.find((x) => x.prompt === 'What is meant by “double coincidence of wants”?');
		expect(q?.type).toBe('multiple_choice');
		expect(q?.options.length).toBeGreaterThanOrEqual(3);
	});

	it('asks for a name given in another language in an encyclopedia lead', () => {
		const q = generate(article('03').text, { count: 0 }).questions.find((x) => x.prompt === 'The Māori name for New Zealand is _____.');
		expect(q?.answer).toBe('Aotearoa');
	});

	it('blanks the term a sentence defines: "called", "known as", "serves as", a closing colon', () => {
		const qs = generate(
			'Meteors\n\nIf a particle the size of a golf ball strikes the atmosphere, it produces a much brighter trail called a fireball. ' +
				'Money serves as a medium of exchange, which means that money acts as an intermediary between the buyer and the seller. ' +
				'The machines can help scientists understand one of the greatest challenges of the century: protein folding.',
			{ count: 0 }
		).questions;
		const answers = qs.filter((q) => q.type === 'cloze').map((q) => q.answer);
		expect(answers).toEqual(expect.arrayContaining(['fireball', 'medium of exchange', 'protein folding']));
	});

	it('never blanks one item of a list, or an aside in brackets', () => {
		const qs = generate(
			'Politics\n\nThe leader has ignored calls from the United Nations (UN), United States (US), European Union (EU) and others to free the jailed opposition leader Kem Sokha this year. ' +
				'Cambodia has received aid from the US, the EU and Japan for many years, and from China since 2010.',
			{ count: 0 }
		).questions;
		for (const q of qs) {
			if (q.type === 'true_false' || q.type === 'ordering') continue;
			expect(['United Nations', 'United States', 'European Union', 'US', 'EU', 'Japan', 'UN']).not.toContain(q.answer);
		}
	});

	it('asks "In what year ...?" only of a plain clause dated with "in"', () => {
		const text =
			'Explorers\n\nIn 1642, Dutch explorer Abel Tasman became the first European to sight New Zealand. ' +
			'Trade increased almost 30% annually over the past several years, reaching US$4.8 billion in 2016. ' +
			'The evidence found in 1924 that meant our Galaxy is not alone was one of the great discoveries of the century. ' +
			'Captain James Cook mapped the coast of New Zealand in 1769 and claimed it for Britain in the same year.';
		const qs = generate(text, { count: 0 }).questions;
		// every question made, before ranking keeps one of the ways of asking a fact
		const prompts = [...qs.map((q) => q.prompt), ...allCandidates(analyse(text), 0).map((c) => c.prompt)];
		expect(prompts).toContain('In what year did Dutch explorer Abel Tasman become the first European to sight New Zealand?');
		expect(prompts.some((p) => /^In what year did trade increase/i.test(p))).toBe(false);
		expect(prompts.some((p) => /^In what year did the evidence/i.test(p))).toBe(false);
	});

	it('asks about each clause of a semicolon sentence on its own, naming the subject a clause leaves out', () => {
		const text =
			'New Zealand\n\nIn 1841, New Zealand became a colony within the British Empire and in 1907 it became a dominion; it gained full statutory independence in 1947 and the British monarch remained the head of state.';
		const qs = generate(text, { count: 0 }).questions;
		const second = qs.find((q) => q.prompt.startsWith('New Zealand gained full statutory independence in _____'));
		expect(second?.answer).toBe('1947');
		// the prompt does not carry the other clause, and the source is still the whole sentence
		expect(second?.prompt).not.toContain('British Empire');
		expect(second?.sources[0].text).toBe(text.split('\n\n')[1]);
	});
});
