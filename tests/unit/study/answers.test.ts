import { describe, expect, it } from 'vitest';
import {
	diffText,
	editDistance,
	gradeChoice,
	gradeNumeric,
	gradeOrdering,
	gradeTyped,
	normaliseAnswer,
	parseNumber
} from '../../../src/lib/study/answers';

describe('normaliseAnswer', () => {
	it.each([
		['The Khmer Rouge', 'khmer rouge'],
		['  Café-au-lait! ', 'cafe au lait'],
		['830,000', '830000'],
		['US$4.8 billion', 'us 4.8 billion'],
		['an apple, a pear', 'apple pear'],
		['Ō‘ahu', 'o ahu']
	])('%s → %s', (raw, expected) => {
		expect(normaliseAnswer(raw)).toBe(expected);
	});
});

describe('editDistance', () => {
	it('counts a transposition as one edit', () => {
		expect(editDistance('garmnets', 'garments')).toBe(1);
		expect(editDistance('kitten', 'sitting')).toBe(3);
	});
});

describe('gradeTyped', () => {
	it('forgives case, punctuation, accents and articles', () => {
		expect(gradeTyped('the GARMENTS.', 'garments')).toMatchObject({ correct: true, exact: true });
		expect(gradeTyped('Phnom-Penh', 'Phnom Penh')).toMatchObject({ correct: true, exact: true });
		expect(gradeTyped('Mexico', 'México')).toMatchObject({ correct: true, exact: true });
	});

	it('forgives one typo in a word of five or more letters, and says it was not exact', () => {
		expect(gradeTyped('garmets', 'garments')).toMatchObject({ correct: true, exact: false });
		expect(gradeTyped('Vietnma', 'Vietnam')).toMatchObject({ correct: true, exact: false });
	});

	it('does not forgive typos in short words, two typos, or digits', () => {
		expect(gradeTyped('Chian', 'Chin')).toMatchObject({ correct: false });
		expect(gradeTyped('tae', 'tea')).toMatchObject({ correct: false });
		expect(gradeTyped('grmnets', 'garments')).toMatchObject({ correct: false });
		expect(gradeTyped('1997', '1979')).toMatchObject({ correct: false });
	});

	it('accepts alternatives and reports which one matched', () => {
		const g = gradeTyped('CNRP', 'Cambodia National Rescue Party', ['CNRP']);
		expect(g).toMatchObject({ correct: true, expected: 'CNRP' });
	});

	it('refuses an empty answer', () => {
		expect(gradeTyped('   ', 'garments').correct).toBe(false);
	});

	it('shows the difference', () => {
		expect(gradeTyped('garmets', 'garments').diff).toEqual([
			{ kind: 'same', text: 'garme' },
			{ kind: 'missing', text: 'n' },
			{ kind: 'same', text: 'ts' }
		]);
	});
});

describe('diffText', () => {
	it('marks extra and missing characters', () => {
		expect(diffText('abXd', 'abcd')).toEqual([
			{ kind: 'same', text: 'ab' },
			{ kind: 'extra', text: 'X' },
			{ kind: 'missing', text: 'c' },
			{ kind: 'same', text: 'd' }
		]);
	});
});

describe('numbers', () => {
	it('parses separators and scale words', () => {
		expect(parseNumber('830,000 tourists')).toEqual({ value: 830000, bare: 830000 });
		expect(parseNumber('US$4.8 billion')).toEqual({ value: 4.8e9, bare: 4.8 });
		expect(parseNumber('no digits')).toBeNull();
	});

	it('grades within the tolerance, in the article’s units or in full', () => {
		expect(gradeNumeric('830000', '830,000', 0).correct).toBe(true);
		expect(gradeNumeric('829,000', '830,000', 1000).correct).toBe(true);
		expect(gradeNumeric('800,000', '830,000', 1000).correct).toBe(false);
		expect(gradeNumeric('4.8', 'US$4.8 billion', 0).correct).toBe(true);
		expect(gradeNumeric('4.8 bn', 'US$4.8 billion', 0).correct).toBe(true);
		expect(gradeNumeric('4,800,000,000', 'US$4.8 billion', 0).correct).toBe(true);
		expect(gradeNumeric('5.1', 'US$4.8 billion', 0.1).correct).toBe(false);
	});
});

describe('choices and orderings', () => {
	it('grades a chosen option', () => {
		expect(gradeChoice('1979', '1979').correct).toBe(true);
		expect(gradeChoice('1975', '1979').correct).toBe(false);
		expect(gradeChoice('', '').correct).toBe(false);
	});
	it('grades an ordering only when every item is in place', () => {
		expect(gradeOrdering(['a', 'b', 'c'], ['a', 'b', 'c']).correct).toBe(true);
		expect(gradeOrdering(['b', 'a', 'c'], ['a', 'b', 'c']).correct).toBe(false);
		expect(gradeOrdering(['a', 'b'], ['a', 'b', 'c']).correct).toBe(false);
	});
});
