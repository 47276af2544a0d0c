import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/lib/generation/analysis/article';
import { alsoTrue, entityDistractors, quantityDistractors } from '../../../src/lib/generation/questions/distractors';
import { findGaps } from '../../../src/lib/generation/questions/gaps';
import { mulberry32 } from '../../../src/lib/generation/random';
import { generate } from '../../../src/lib/generation/index';
import { lookupPlace } from '../../../src/lib/generation/knowledge/gazetteer';
import { article, norm } from './helpers';

function gapFor(text: string, answer: string) {
	const a = analyse(text);
	for (const s of a.sentences) {
		const g = findGaps(a, s.index).find((x) => x.answer === answer);
		if (g) return { a, g };
	}
	throw new Error(`no gap ${answer}`);
}

describe('distractors', () => {
	it('offers names of the same kind from the article first', () => {
		const { text } = article('05');
		const { a, g } = gapFor(text, 'Quebec Act');
		const d = entityDistractors(a, g, 'Parliament also passed the _____, which expanded the boundaries of Quebec westward.', mulberry32(1));
		expect(d).toHaveLength(3);
		for (const x of d) expect(x).toMatch(/Acts?$/);
	});

	it('falls back to built-in places of the same kind and region', () => {
		const text = 'New Zealand\n\nThe capital of New Zealand is Wellington, a harbour city at the south of the North Island with many old wooden houses.';
		const { a, g } = gapFor(text, 'Wellington');
		const d = entityDistractors(a, g, 'The capital of New Zealand is _____.', mulberry32(7));
		expect(d.length).toBeGreaterThanOrEqual(2);
		for (const x of d) expect(lookupPlace(x)?.capitalOf).toBeTruthy();
	});

	it('numbers keep the key’s surface format and magnitude, and differ from it', () => {
		const text = 'Trade between China and Cambodia increased almost 30% annually, reaching US$4.8 billion in 2016. Foreign direct investment reached US$5.1 billion that year.';
		const { a, g } = gapFor(text, 'US$4.8 billion');
		const d = quantityDistractors(a, g, 'Trade reached _____ in 2016.', mulberry32(3));
		expect(d).toHaveLength(3);
		for (const x of d) {
			expect(x).toMatch(/^US\$\d+(\.\d)? billion$/);
			expect(x).not.toBe('US$4.8 billion');
			const v = Number(x.replace(/[^\d.]/g, ''));
			expect(v).toBeGreaterThan(1);
			expect(v).toBeLessThan(20);
		}
	});

	it('never offers a choice the article also states for the same fact', () => {
		const text =
			'The treaty was signed in 1840 by the chiefs at Waitangi. In 1840 the chiefs at Waitangi signed the treaty with the Crown. The colony became a dominion in 1907.';
		const { a, g } = gapFor(text, '1907');
		expect(alsoTrue(a, g, '1840')).toBe(false);
		const first = gapFor(text, '1840');
		// a second sentence saying the same thing with the same year
		expect(alsoTrue(first.a, first.g, '1840')).toBe(true);
	});

	it('no option of a generated question is named in its prompt', () => {
		for (const name of ['00', '02', '05']) {
			for (const q of generate(article(name).text, { count: 0, seed: 2 }).questions) {
				if (q.type !== 'multiple_choice' && q.type !== 'who_said') continue;
				for (const o of q.options) expect(` ${norm(q.prompt)} `).not.toContain(` ${norm(o)} `);
			}
		}
	});
});
