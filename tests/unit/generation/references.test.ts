import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/lib/generation/analysis/article';
import { viewSentence, type SentenceView } from '../../../src/lib/generation/analysis/references';
import { renderTokens } from '../../../src/lib/generation/questions/render';

function views(text: string): { ok: boolean; text: string }[] {
	const a = analyse(text);
	const memo = new Map<number, SentenceView>();
	return a.sentences.map((s) => {
		const v = viewSentence(a, s.index, memo);
		return { ok: v.ok, text: v.ok ? renderTokens(a, s.first, s.last, v.edits) : '' };
	});
}

describe('references', () => {
	it('names the person a leading "he" refers to and strips connectives', () => {
		const v = views('Mansa Musa took the throne in 1312. However, he made a famous pilgrimage to Mecca from 1324 to 1326.');
		expect(v[1].ok).toBe(true);
		expect(v[1].text).toBe('Mansa Musa made a famous pilgrimage to Mecca from 1324 to 1326.');
	});

	it('turns "his" into the possessive of the name', () => {
		const v = views('Samuel Adams led the Sons of Liberty in Boston. His followers dumped the tea into the harbour in 1773.');
		expect(v[1].text).toBe("Samuel Adams' followers dumped the tea into the harbour in 1773.");
	});

	it('resolves "the premier" and "the empire" to the names they stand for', () => {
		const v = views('Prime Minister Hun Sen met the press in Phnom Penh. The premier said the vote would go ahead.');
		expect(v[1].text).toBe('Hun Sen said the vote would go ahead.');
		const w = views('Mali Empire\n\nThe Mali Empire was founded by Sundiata Keita. The empire became renowned for its wealth.');
		expect(w[1].text).toBe('The Mali Empire became renowned for its wealth.');
	});

	it('skips a sentence whose reference is unclear', () => {
		const v = views('Hun Sen met Sam Rainsy and Kem Sokha in the capital, where the three men talked. They had become disillusioned with the talks.');
		expect(v[1].ok).toBe(false);
		const w = views('Earth is surrounded by dust from comets. This material burns up in the atmosphere every day.');
		expect(w[1].ok).toBe(false);
	});

	it('fills "that year" with the year of the sentence before', () => {
		const v = views('Trade reached US$4.8 billion in 2016. Investment from China reached US$5.1 billion that year, the most from any nation.');
		expect(v[1].text).toBe('Investment from China reached US$5.1 billion in 2016, the most from any nation.');
	});
});
