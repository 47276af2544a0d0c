import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/lib/highlight';

describe('segmentText', () => {
	const text = 'One fact. Two facts here. Three.';

	it('returns the plain text as one piece when nothing is marked', () => {
		expect(segmentText(text, [])).toEqual([{ text, start: 0, ids: [] }]);
	});

	it('marks each question’s span and keeps every character once, in order', () => {
		const segments = segmentText(text, [
			{ id: 1, spans: [{ start: 0, end: 9 }] },
			{ id: 2, spans: [{ start: 10, end: 25 }] }
		]);
		expect(segments.map((s) => s.text).join('')).toBe(text);
		expect(segments.filter((s) => s.ids.length).map((s) => [s.text, s.ids])).toEqual([
			['One fact.', [1]],
			['Two facts here.', [2]]
		]);
	});

	it('splits overlapping spans so the overlap carries both questions', () => {
		const segments = segmentText(text, [
			{ id: 1, spans: [{ start: 10, end: 25 }] },
			{ id: 2, spans: [{ start: 14, end: 32 }] }
		]);
		expect(segments.map((s) => s.text).join('')).toBe(text);
		expect(segments.find((s) => s.text === 'facts here.')?.ids).toEqual([1, 2]);
		expect(segments.find((s) => s.text === ' Three.')?.ids).toEqual([2]);
	});

	it('ignores spans outside the text', () => {
		expect(segmentText('abc', [{ id: 1, spans: [{ start: 5, end: 9 }] }])).toEqual([{ text: 'abc', start: 0, ids: [] }]);
	});
});
