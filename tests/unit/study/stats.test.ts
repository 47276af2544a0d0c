import { describe, expect, it } from 'vitest';
import { cardsByState, dueForecast, heatLevel, heatMap, reviewsPerDay, streak, trueRetention } from '../../../src/lib/study/stats';

const NOW = new Date('2026-03-10T09:00:00Z');

describe('due forecast', () => {
	it('counts cards per study day for 30 days, overdue ones today', () => {
		const forecast = dueForecast(
			[
				new Date('2026-03-01T10:00:00Z'), // overdue → today
				new Date('2026-03-10T20:00:00Z'), // later today
				new Date('2026-03-11T03:00:00Z'), // before 04:00 → still today
				new Date('2026-03-11T05:00:00Z'), // tomorrow
				new Date('2026-04-08T05:00:00Z'), // day 29
				new Date('2026-04-09T05:00:00Z') // day 30: beyond the window
			],
			NOW,
			'UTC'
		);
		expect(forecast).toHaveLength(30);
		expect(forecast[0]).toEqual({ key: '2026-03-10', count: 3 });
		expect(forecast[1]).toEqual({ key: '2026-03-11', count: 1 });
		expect(forecast[29]).toEqual({ key: '2026-04-08', count: 1 });
		expect(forecast.reduce((n, d) => n + d.count, 0)).toBe(5);
	});

	it('uses the student’s time zone', () => {
		// 06:00 UTC on the 11th is 02:00 in New York, before 04:00: still the 10th's study day there.
		const due = [new Date('2026-03-11T06:00:00Z')];
		expect(dueForecast(due, NOW, 'America/New_York')[0].count).toBe(1);
		expect(dueForecast(due, NOW, 'UTC')[1].count).toBe(1);
	});
});

describe('true retention', () => {
	it('is the share of reviews of Review-state cards not rated Again', () => {
		const logs = [
			{ state: 2, rating: 3 },
			{ state: 2, rating: 1 },
			{ state: 2, rating: 2 },
			{ state: 2, rating: 4 },
			{ state: 0, rating: 1 }, // a new card: not counted
			{ state: 1, rating: 1 }, // a learning step: not counted
			{ state: 3, rating: 3 } // relearning: not counted
		];
		expect(trueRetention(logs)).toEqual({ retention: 0.75, reviews: 4, passed: 3 });
	});

	it('is unknown without reviews', () => {
		expect(trueRetention([{ state: 0, rating: 3 }]).retention).toBeNull();
	});
});

describe('reviews per day, heat map and streak', () => {
	// Quarter-hour buckets of reviews, as the service reads them.
	const bucket = (iso: string, count: number) => ({ at: new Date(iso).getTime(), count });

	it('sums buckets into study days', () => {
		const days = reviewsPerDay(
			[bucket('2026-03-10T08:00:00Z', 5), bucket('2026-03-10T03:45:00Z', 2), bucket('2026-03-10T04:00:00Z', 1)],
			'UTC'
		);
		expect(Object.fromEntries(days)).toEqual({ '2026-03-10': 6, '2026-03-09': 2 });
	});

	it('lays out whole weeks, Monday first, ending with this week', () => {
		const cells = heatMap(new Map([['2026-03-10', 4]]), NOW, 'UTC', 2);
		expect(cells).toHaveLength(14);
		expect(cells[0]).toMatchObject({ key: '2026-03-02', week: 0, weekday: 0 });
		const today = cells.find((c) => c.key === '2026-03-10')!;
		expect(today).toMatchObject({ count: 4, week: 1, weekday: 1, future: false });
		expect(cells.at(-1)).toMatchObject({ key: '2026-03-15', future: true });
	});

	it('grades heat in four levels', () => {
		expect([0, 1, 5, 10, 20].map((n) => heatLevel(n, 20))).toEqual([0, 1, 1, 2, 4]);
		expect(heatLevel(3, 0)).toBe(0);
	});

	it('counts a streak ending today, or yesterday while today is still open', () => {
		const days = new Map([
			['2026-03-07', 1],
			['2026-03-08', 3],
			['2026-03-09', 2]
		]);
		expect(streak(days, NOW, 'UTC')).toBe(3);
		expect(streak(new Map([...days, ['2026-03-10', 1]]), NOW, 'UTC')).toBe(4);
		expect(streak(new Map([['2026-03-08', 1]]), NOW, 'UTC')).toBe(0);
		expect(streak(new Map(), NOW, 'UTC')).toBe(0);
	});
});

describe('cards by state', () => {
	it('names the FSRS states', () => {
		expect(
			cardsByState([
				{ state: 0, count: 4 },
				{ state: 2, count: 7 },
				{ state: 3, count: 1 }
			])
		).toEqual({ new: 4, learning: 0, review: 7, relearning: 1 });
	});
});
