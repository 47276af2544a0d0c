import { describe, expect, it } from 'vitest';
import { displayJoinCode, normaliseJoinCode } from '../../../src/lib/teaching/join-code';
import { splitSentences } from '../../../src/lib/teaching/sentences';
import { ARTICLE_TEXT } from '../../helpers/fixtures';

describe('join codes', () => {
	it('ignores case, spaces and dashes', () => {
		for (const typed of ['abcd2345', 'ABCD-2345', ' abcd 2345 ', 'Abcd–2345', 'ab.cd_23 45']) {
			expect(normaliseJoinCode(typed)).toBe('ABCD2345');
		}
	});

	it('shows an eight-character code in two halves', () => {
		expect(displayJoinCode('ABCD2345')).toBe('ABCD-2345');
		expect(displayJoinCode('CODE1X')).toBe('CODE1X');
	});
});

describe('sentences of an article', () => {
	it('finds each sentence with offsets that slice back to its text', () => {
		const sentences = splitSentences(ARTICLE_TEXT);
		expect(sentences.map((s) => s.text)).toEqual([
			'Vietnam invaded Cambodia in 1979 and deposed the Khmer Rouge.',
			'Cambodia’s biggest exports are garments and footwear.',
			'In 2016, 830,000 Chinese tourists visited Cambodia.',
			'“I will question our friend Vietnam,” Hun Sen said.',
			'The border marker was inaugurated in 2006, and the ASEAN summit met in Phnom Penh in 2012.'
		]);
		for (const s of sentences) expect(ARTICLE_TEXT.slice(s.start, s.end)).toBe(s.text);
	});

	it('keeps abbreviations, initials, decimals and quotes inside their sentence; lines end sentences', () => {
		const text = 'Title line\n\nDr. J. Smith paid US$4.8 billion. “Why?” he asked. The U.S. agreed!\nLast one';
		expect(splitSentences(text).map((s) => s.text)).toEqual([
			'Title line',
			'Dr. J. Smith paid US$4.8 billion.',
			'“Why?” he asked.',
			'The U.S. agreed!',
			'Last one'
		]);
	});
});
