import { describe, expect, it } from 'vitest';
import { countTrainingItems, trainingHistories, type LoggedReview } from '../../../src/lib/study/fsrs-history';

const log = (cardId: number, rating: number, state: number, iso: string): LoggedReview => ({ cardId, rating, state, review: new Date(iso) });

describe('training histories', () => {
	it('gives each card its ratings with whole study days between them', () => {
		const histories = trainingHistories(
			[
				log(1, 3, 0, '2026-03-01T10:00:00Z'),
				log(1, 3, 1, '2026-03-01T10:10:00Z'), // same day
				log(1, 3, 2, '2026-03-04T09:00:00Z'), // three days later
				log(1, 1, 2, '2026-03-14T03:00:00Z'), // before 04:00: still the 13th
				log(2, 4, 0, '2026-03-02T10:00:00Z')
			],
			'UTC'
		);
		expect(histories).toEqual([
			[
				[3, 0],
				[3, 0],
				[3, 3],
				[1, 9]
			],
			[[4, 0]]
		]);
		expect(countTrainingItems(histories)).toBe(2);
	});

	it('counts days in the student’s time zone', () => {
		// 22:00 and 06:00 UTC next day: the same study day in New York (18:00 and 02:00).
		const logs = [log(1, 3, 0, '2026-06-01T22:00:00Z'), log(1, 3, 1, '2026-06-02T06:00:00Z')];
		expect(trainingHistories(logs, 'America/New_York')[0][1]).toEqual([3, 0]);
		expect(trainingHistories(logs, 'UTC')[0][1]).toEqual([3, 1]);
	});

	it('starts from the card’s last first-time rating and leaves out cards without one', () => {
		const histories = trainingHistories(
			[
				log(1, 1, 0, '2026-03-01T10:00:00Z'),
				log(1, 3, 2, '2026-03-05T10:00:00Z'),
				log(1, 3, 0, '2026-03-09T10:00:00Z'), // reset: start again here
				log(1, 3, 2, '2026-03-12T10:00:00Z'),
				log(2, 3, 2, '2026-03-12T10:00:00Z') // imported mid-way
			],
			'UTC'
		);
		expect(histories).toEqual([
			[
				[3, 0],
				[3, 3]
			]
		]);
	});
});
