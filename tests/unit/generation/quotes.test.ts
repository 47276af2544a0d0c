import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/lib/generation/analysis/article';
import { article } from './helpers';

const speakers = (text: string) => {
	const a = analyse(text);
	return a.quotations.map((q) => ({ text: q.text, speaker: q.speaker === undefined ? undefined : a.entities[q.speaker].name }));
};

describe('quotations', () => {
	it('attributes a quotation to the person named after it, or before it', () => {
		const qs = speakers(
			'“We have revoked 9,934 documents from families of foreigners,” Lieutenant General Keo Vanthan, a spokesman for the ministry, told local media. ' +
				'Minister Ann Clark said: “The border will stay open for trade and for families.”'
		);
		expect(qs[0].speaker).toBe('Keo Vanthan');
		expect(qs[1].speaker).toBe('Ann Clark');
	});

	it('resolves "he said" to the person the text was about, not the last name mentioned', () => {
		const { text } = article('00');
		const qs = speakers(text);
		const distance = qs.find((q) => q.text.startsWith('When you look at it from a distance'));
		expect(distance?.speaker).toBe('Meas Nee');
		const loyal = qs.find((q) => q.text.startsWith('I will question our friend Vietnam'));
		expect(loyal?.speaker).toBe('Hun Sen');
	});

	it('names nobody when the speaker is an unnamed source', () => {
		const { text } = article('00');
		const qs = speakers(text);
		const insider = qs.find((q) => q.text.startsWith('Hun Sen was told by the Vietnamese'));
		expect(insider?.speaker).toBeUndefined();
	});
});
