import { describe, expect, it } from 'vitest';
import { cardFace, gradeFace, highlight, suggestedRating, type FaceQuestion } from '../../../src/lib/study/card-face';

const SOURCE = 'Cambodia’s biggest exports are garments and footwear.';
const cloze: FaceQuestion = {
	type: 'cloze',
	answer: 'garments',
	options: null,
	accept: [],
	tolerance: null,
	sources: [{ start: 0, end: SOURCE.length, text: SOURCE }],
	cardFront: 'Cambodia’s biggest exports are _____ and footwear.',
	cardBack: `garments\n\n${SOURCE}`
};

describe('card faces', () => {
	it('marks the answer in the source sentence', () => {
		expect(highlight(SOURCE, 'Garments')).toEqual([
			{ text: 'Cambodia’s biggest exports are ', mark: false },
			{ text: 'garments', mark: true },
			{ text: ' and footwear.', mark: false }
		]);
		expect(highlight(SOURCE, 'rice')).toEqual([{ text: SOURCE, mark: false }]);
	});

	it('shows the back without repeating the source sentence', () => {
		const face = cardFace(cloze);
		expect(face.typed).toBe(true);
		expect(face.back).toBe('garments');
		expect(face.sources[0].some((p) => p.mark && p.text === 'garments')).toBe(true);
	});

	it('recognises the sentence on the back even when its white space differs from the article', () => {
		const raw = 'Cambodia’s biggest exports are\n  garments and footwear.';
		const face = cardFace({ ...cloze, sources: [{ start: 0, end: raw.length, text: raw }], cardBack: `garments\n\n${SOURCE}` });
		expect(face.back).toBe('garments');
		expect(cardFace({ ...cloze, cardBack: 'Garments (clothing)' }).back).toBe('Garments (clothing)');
		expect(cardFace({ ...cloze, cardBack: SOURCE }).back).toBe('garments');
	});

	it('lists the items of an ordering card and does not mark True/False', () => {
		const ordering = cardFace({ ...cloze, type: 'ordering', answer: ['a', 'b'], options: ['b', 'a'], cardBack: 'a → b' });
		expect(ordering.items).toEqual(['b', 'a']);
		expect(ordering.typed).toBe(false);
		const tf = cardFace({ ...cloze, type: 'true_false', answer: 'False', cardBack: 'False' });
		expect(tf.hint).toBe('True or false?');
		expect(tf.sources[0]).toEqual([{ text: SOURCE, mark: false }]);
	});

	it('grades typed answers leniently and numbers within tolerance', () => {
		const face = cardFace(cloze);
		expect(gradeFace(face, 'the Garmets').correct).toBe(true);
		expect(gradeFace(face, 'rice').correct).toBe(false);
		const numeric = cardFace({ ...cloze, type: 'numeric', answer: '830,000', tolerance: 10000 });
		expect(gradeFace(numeric, '825000').correct).toBe(true);
		expect(gradeFace(numeric, '700,000').correct).toBe(false);
	});

	it('suggests Again for a wrong answer and Good otherwise', () => {
		const face = cardFace(cloze);
		expect(suggestedRating(gradeFace(face, 'rice'))).toBe(1);
		expect(suggestedRating(gradeFace(face, 'garments'))).toBe(3);
		expect(suggestedRating(null)).toBe(3);
	});
});
