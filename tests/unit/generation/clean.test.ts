import { describe, expect, it } from 'vitest';
import { isNoise, splitBlocks } from '../../../src/lib/generation/analysis/clean';
import { analyse } from '../../../src/lib/generation/analysis/article';
import { article } from './helpers';

describe('cleaning', () => {
	it('recognises captions, credits, bylines, comment footers and navigation', () => {
		expect(isNoise('Hun Sen arrives at the congress in Phnom Penh, January 19, 2018. Photo: Reuters/Samrang Pring')).toBe(true);
		expect(isNoise('12 replies on “Hun Sen willing to risk losing his oldest ally”')).toBe(true);
		expect(isNoise('Comments are closed.')).toBe(true);
		expect(isNoise('By Jane Smith')).toBe(true);
		expect(isNoise('Home | News | Sport | Weather | Contact')).toBe(true);
		expect(isNoise('Share this article')).toBe(true);
		expect(isNoise('Trade between China and Cambodia increased almost 30% annually.')).toBe(false);
	});

	it('keeps offsets: blocks point into the text as given', () => {
		const text = 'Title here\n\nFirst paragraph is long enough to be a paragraph of text.\nPhoto: AFP/Someone\n\nSecond one.';
		const { blocks, joined } = splitBlocks(text);
		expect(joined.length).toBe(text.length);
		for (const b of blocks) expect(text.slice(b.start, b.end).trim().length).toBeGreaterThan(0);
		expect(blocks.map((b) => b.kind)).toEqual(['title', 'body', 'noise', 'body']);
	});

	it('joins hard-wrapped lines of one paragraph into one block', () => {
		const text = 'A heading\n\nThe Mali Empire was an empire in West Africa from\nc. 1226 to 1670 and it was founded by Sundiata Keita.\n';
		const { blocks } = splitBlocks(text);
		const body = blocks.filter((b) => b.kind === 'body');
		expect(body).toHaveLength(1);
		expect(text.slice(body[0].start, body[0].end)).toContain('from\nc. 1226');
	});

	it('never takes a fact from the captions or the comment footer of the seed article', () => {
		const { text } = article('00');
		const a = analyse(text);
		const sentences = a.sentences.map((s) => text.slice(s.start, s.end));
		expect(sentences.some((s) => /Photo:/.test(s))).toBe(false);
		expect(sentences.some((s) => /replies on|Comments are closed/.test(s))).toBe(false);
		expect(sentences.some((s) => s.startsWith('As global pressure steadily mounts'))).toBe(true);
	});
});
