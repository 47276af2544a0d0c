import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { previewIntervals, retrievability, schedule, type CardState } from '../../../src/lib/study/scheduler';

const NOW = new Date('2026-03-10T09:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const DEFAULTS = { desiredRetention: 0.9 };

function newCard(at = NOW): CardState {
	return { due: at, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null };
}

function reviewCard(lastReview: Date, stability = 10, due = new Date(lastReview.getTime() + 10 * DAY)): CardState {
	return { due, stability, difficulty: 5, elapsedDays: 0, scheduledDays: 10, learningSteps: 0, reps: 4, lapses: 0, state: 2, lastReview };
}

describe('new cards', () => {
	it('follow ts-fsrs’s default learning steps (1 min, 10 min); Easy graduates at once', () => {
		expect(schedule(newCard(), 1, NOW, DEFAULTS).card).toMatchObject({ state: 1, due: new Date(NOW.getTime() + 1 * MIN) });
		expect(schedule(newCard(), 3, NOW, DEFAULTS).card).toMatchObject({ state: 1, due: new Date(NOW.getTime() + 10 * MIN) });
		const easy = schedule(newCard(), 4, NOW, DEFAULTS).card;
		expect(easy.state).toBe(2);
		expect(easy.scheduledDays).toBeGreaterThanOrEqual(1);
	});

	it('log the state before the rating and the review time', () => {
		const { log } = schedule(newCard(), 3, NOW, DEFAULTS);
		expect(log).toMatchObject({ rating: 3, state: 0, review: NOW });
	});

	it('graduate after the last learning step', () => {
		const step = schedule(newCard(), 3, NOW, DEFAULTS).card;
		const later = new Date(NOW.getTime() + 10 * MIN);
		const graduated = schedule(step, 3, later, DEFAULTS).card;
		expect(graduated.state).toBe(2);
		expect(graduated.reps).toBe(2);
		expect(graduated.due.getTime()).toBeGreaterThanOrEqual(later.getTime() + DAY);
	});
});

describe('review cards', () => {
	const last = new Date(NOW.getTime() - 10 * DAY);

	it('are deterministic: the same card, rating and time give the same schedule (fuzz included)', () => {
		const a = schedule(reviewCard(last), 3, NOW, DEFAULTS);
		const b = schedule(reviewCard(last), 3, NOW, DEFAULTS);
		expect(a).toEqual(b);
	});

	it('apply fuzz: review times a moment apart can land on different days', () => {
		const card = reviewCard(last, 60, NOW);
		const days = new Set<number>();
		for (let i = 0; i < 40; i++) days.add(schedule(card, 3, new Date(NOW.getTime() + i * 1000), DEFAULTS).card.scheduledDays);
		expect(days.size).toBeGreaterThan(1);
	});

	it('order the intervals Again < Hard < Good < Easy', () => {
		const intervals = previewIntervals(reviewCard(last), NOW, DEFAULTS);
		expect(intervals[1]).toBe(10 * MIN); // relearning step
		expect(intervals[2]).toBeLessThan(intervals[3]);
		expect(intervals[3]).toBeLessThan(intervals[4]);
	});

	it('preview exactly what rating at the same moment schedules', () => {
		const card = reviewCard(last);
		const intervals = previewIntervals(card, NOW, DEFAULTS);
		for (const rating of [1, 2, 3, 4] as const) {
			expect(schedule(card, rating, NOW, DEFAULTS).card.due.getTime() - NOW.getTime()).toBe(intervals[rating]);
		}
	});

	it('come back sooner for a higher desired retention', () => {
		const card = reviewCard(last);
		const relaxed = previewIntervals(card, NOW, { desiredRetention: 0.8 })[3];
		const strict = previewIntervals(card, NOW, { desiredRetention: 0.97 })[3];
		expect(strict).toBeLessThan(relaxed);
	});

	it('use personal weights when given', () => {
		const card = reviewCard(last);
		const w = [...default_w];
		w[10] = 0.1; // much smaller stability growth on recall
		expect(schedule(card, 3, NOW, { desiredRetention: 0.9, weights: w }).card.stability).toBeLessThan(
			schedule(card, 3, NOW, DEFAULTS).card.stability
		);
		// An empty list means the defaults.
		expect(schedule(card, 3, NOW, { desiredRetention: 0.9, weights: [] })).toEqual(schedule(card, 3, NOW, DEFAULTS));
	});

	it('Again counts a lapse and sends the card to relearning', () => {
		const { card } = schedule(reviewCard(last), 1, NOW, DEFAULTS);
		expect(card).toMatchObject({ state: 3, lapses: 1 });
	});

	it('estimate the chance of recall: 90 % when due at retention 0.9', () => {
		const card = reviewCard(last, 10, NOW);
		expect(retrievability(card, new Date(last.getTime() + 10 * DAY), DEFAULTS)).toBeCloseTo(0.9, 2);
		expect(retrievability(newCard(), NOW, DEFAULTS)).toBe(0);
	});
});
