import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/lib/generation/analysis/article';

const quantities = (text: string) => analyse(text).quantities.map((q) => ({ kind: q.kind, text: q.text, value: q.value, unit: q.unit, approx: q.approx }));

describe('numbers and dates', () => {
	it('keeps amounts with currency and scale, decimals, thousands and units in one piece', () => {
		const qs = quantities('Trade reached US$4.8 billion in 2016, with 1,500 workers, a 3.5% rise and a road of 40 km built for $100 each.');
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'money', text: 'US$4.8 billion', value: 4.8 }));
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'year', text: '2016' }));
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'count', text: '1,500', value: 1500 }));
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'percent', text: '3.5%', value: 3.5 }));
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'measure', text: '40 km', unit: 'km' }));
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'money', text: '$100' }));
	});

	it('reads dates, decades, ranges and approximate figures', () => {
		const qs = quantities(
			'On January 24, 2018 the crackdown began; the 1970s were hard. The empire lasted from c. 1226 to 1670. ' +
				'Friction vaporizes them at altitudes between 80 and 130 kilometers. About 25 million meteors fall, more than 76,000 people watched, and it has 268,000 square kilometres.'
		);
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'date', text: 'January 24, 2018' }));
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'decade', text: '1970s' }));
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'year_range', text: '1226 to 1670' }));
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'measure', text: 'between 80 and 130 kilometers' }));
		expect(qs).toContainEqual(expect.objectContaining({ text: '25 million', approx: 'About' }));
		expect(qs).toContainEqual(expect.objectContaining({ text: '76,000', approx: 'more than' }));
		expect(qs).toContainEqual(expect.objectContaining({ kind: 'measure', unit: 'square kilometres' }));
	});

	it('does not split a sentence at a decimal point', () => {
		const a = analyse('Blue Gene/L has managed speeds of 70.72 teraflops in the tests. The Earth Simulator clocks up 35.86 in the same tests.');
		expect(a.sentences).toHaveLength(2);
		expect(a.quantities[0].text).toBe('70.72 teraflops');
	});
});
