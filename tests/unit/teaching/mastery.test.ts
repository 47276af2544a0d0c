import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { retrievability, studentMastery, type CardMemory } from '../../../src/lib/teaching/mastery';
import { masteryTone } from '../../../src/lib/teaching/mastery-bands';

const DAY = 86_400_000;
const NOW = new Date('2026-03-20T12:00:00Z');

function reviewed(stability: number, daysAgo: number): CardMemory {
	return {
		due: new Date(NOW.getTime() + DAY),
		stability,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: 3,
		learningSteps: 0,
		reps: 3,
		lapses: 0,
		state: 2,
		lastReview: new Date(NOW.getTime() - daysAgo * DAY)
	};
}

describe('predicted recall (FSRS retrievability)', () => {
	it('is 1 right after a review and 0.9 after exactly one stability (FSRS’s definition of S)', () => {
		expect(retrievability(reviewed(10, 0), NOW)).toBeCloseTo(1, 6);
		expect(retrievability(reviewed(10, 10), NOW)).toBeCloseTo(0.9, 3);
		expect(retrievability(reviewed(10, 30), NOW)).toBeLessThan(0.9);
	});

	it('matches ts-fsrs for a card reviewed through ts-fsrs itself', () => {
		const f = fsrs();
		const start = new Date('2026-03-01T09:00:00Z');
		const { card } = f.next(createEmptyCard(start), start, Rating.Good);
		const second = f.next(card, new Date(start.getTime() + 3 * DAY), Rating.Good).card;
		const row: CardMemory = {
			due: second.due,
			stability: second.stability,
			difficulty: second.difficulty,
			elapsedDays: second.elapsed_days,
			scheduledDays: second.scheduled_days,
			learningSteps: second.learning_steps,
			reps: second.reps,
			lapses: second.lapses,
			state: second.state,
			lastReview: second.last_review ?? null
		};
		expect(retrievability(row, NOW)).toBeCloseTo(f.get_retrievability(second, NOW, false), 10);
	});

	it('counts a new or missing card as not known', () => {
		expect(retrievability({ ...reviewed(10, 1), state: 0, lastReview: null }, NOW)).toBe(0);
		expect(retrievability(undefined, NOW)).toBe(0);
	});

	it('averages over every assigned card, unstudied ones as 0', () => {
		const cards = new Map<number, CardMemory>([
			[1, reviewed(10, 0)],
			[2, reviewed(10, 10)],
			[3, { ...reviewed(1, 0), state: 0, lastReview: null }]
		]);
		const m = studentMastery([1, 2, 3, 4], cards, NOW);
		expect(m.reviewed).toBe(2);
		expect(m.total).toBe(4);
		expect(m.mastery).toBeCloseTo((1 + 0.9) / 4, 3);
		expect([...m.perQuestion.entries()].map(([id, v]) => [id, v === null ? null : Math.round(v * 100) / 100])).toEqual([
			[1, 1],
			[2, 0.9],
			[3, null],
			[4, null]
		]);
	});

	it('sorts values into the heat-map bands', () => {
		expect([0.95, 0.9, 0.75, 0.5, 0.2, 0, null].map(masteryTone)).toEqual(['strong', 'strong', 'good', 'fair', 'weak', 'weak', 'none']);
	});
});
