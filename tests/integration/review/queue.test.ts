import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tempDb, type TempDb } from '../../helpers/db';
import { cardById, makeReviewCard, studentWithCards } from '../../helpers/review';
import { nextCard, queueCounts, queueSql, whatsNext, LEARN_AHEAD_MS } from '../../../src/lib/server/review/queue';
import { rateCard } from '../../../src/lib/server/review/rate';
import { loadDashboard } from '../../../src/lib/server/dashboard';
import { cards } from '../../../src/lib/server/db/schema';

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

const MIN = 60_000;
const at = (iso: string) => new Date(iso);

function rate(userId: string, cardId: number, rating: 1 | 2 | 3 | 4, now: Date) {
	const card = cardById(t.db, cardId);
	return rateCard(t.db, { userId, cardId, version: card.version, rating, durationMs: 1000, now });
}

describe('new cards', () => {
	it('offers new cards up to the daily limit, oldest first', () => {
		const now = at('2026-03-10T09:00:00Z');
		const { user, cards: all } = studentWithCards(t.db, now, { newPerDay: 4 });
		const head = nextCard(t.db, user, now);
		expect(head.counts).toMatchObject({ new: 4, learning: 0, review: 0, newLeft: 4 });
		expect(head.card?.id).toBe(all[0].id);
	});

	it('counts the new cards introduced today from the review log', () => {
		const now = at('2026-03-10T09:00:00Z');
		const { user, cards: all } = studentWithCards(t.db, now, { newPerDay: 2 });
		rate(user.id, all[0].id, 3, now);
		expect(queueCounts(t.db, user, now)).toMatchObject({ new: 1, newLeft: 1 });
		rate(user.id, all[1].id, 4, new Date(now.getTime() + MIN));
		const later = new Date(now.getTime() + 2 * MIN);
		const counts = queueCounts(t.db, user, later);
		expect(counts).toMatchObject({ new: 0, newLeft: 0 });
		// The first card is in its learning steps (Good → 10 min), inside the learn-ahead window.
		const head = nextCard(t.db, user, later);
		expect(head.card?.id).toBe(all[0].id);
		expect(head.card?.state).toBe(1);
		// Rating a learning card again does not use up the new-card limit.
		expect(whatsNext(t.db, user, later).newWaiting).toBe(4);
	});

	it('gives a fresh new-card allowance at 04:00 in the student’s time zone, not at midnight', () => {
		// Berlin is UTC+1 in early March. 02:30 local on the 10th still belongs to the 9th.
		const { user, cards: all } = studentWithCards(t.db, at('2026-03-01T00:00:00Z'), { newPerDay: 1, timeZone: 'Europe/Berlin' });
		rate(user.id, all[0].id, 4, at('2026-03-10T01:30:00Z'));
		expect(queueCounts(t.db, user, at('2026-03-10T02:59:00Z')).newLeft).toBe(0); // 03:59 local
		expect(queueCounts(t.db, user, at('2026-03-10T03:00:00Z')).newLeft).toBe(1); // 04:00 local
		// In New York (UTC−4 after 8 March) the same instants are still the evening of the 9th.
		const ny = studentWithCards(t.db, at('2026-03-01T00:00:00Z'), { newPerDay: 1, timeZone: 'America/New_York' });
		rate(ny.user.id, ny.cards[0].id, 4, at('2026-03-10T01:30:00Z'));
		expect(queueCounts(t.db, ny.user, at('2026-03-10T07:59:00Z')).newLeft).toBe(0);
		expect(queueCounts(t.db, ny.user, at('2026-03-10T08:00:00Z')).newLeft).toBe(1);
	});

	it('shows no new cards when the limit is 0', () => {
		const now = at('2026-03-10T09:00:00Z');
		const { user } = studentWithCards(t.db, now, { newPerDay: 0 });
		expect(nextCard(t.db, user, now).card).toBeNull();
		expect(whatsNext(t.db, user, now)).toMatchObject({ newWaiting: 6 });
	});
});

describe('review cards', () => {
	it('counts review cards due before the next day start as due today, within the review limit', () => {
		const now = at('2026-03-10T09:00:00Z');
		const { user, cards: all } = studentWithCards(t.db, now, { newPerDay: 0, reviewsPerDay: 3 });
		makeReviewCard(t.db, all[0].id, at('2026-03-08T12:00:00Z')); // overdue
		makeReviewCard(t.db, all[1].id, at('2026-03-10T08:00:00Z'));
		makeReviewCard(t.db, all[2].id, at('2026-03-10T20:00:00Z')); // later today
		makeReviewCard(t.db, all[3].id, at('2026-03-11T03:59:00Z')); // before tomorrow's 04:00
		makeReviewCard(t.db, all[4].id, at('2026-03-11T04:00:00Z')); // tomorrow
		const head = nextCard(t.db, user, now);
		expect(head.counts).toMatchObject({ review: 3, reviewsLeft: 3, new: 0 });
		expect(head.card?.id).toBe(all[0].id);
		expect(whatsNext(t.db, user, now)).toMatchObject({ reviewsWaiting: 0 });

		rate(user.id, all[0].id, 3, now);
		rate(user.id, all[1].id, 3, now);
		rate(user.id, all[2].id, 3, now);
		const after = queueCounts(t.db, user, now);
		expect(after).toMatchObject({ review: 0, reviewsLeft: 0 });
		expect(nextCard(t.db, user, now).card).toBeNull();
		// One more was due today but the limit held it back; it comes with the next study day.
		const next = whatsNext(t.db, user, now);
		expect(next.reviewsWaiting).toBe(1);
		expect(next.nextAt?.toISOString()).toBe('2026-03-11T04:00:00.000Z');
	});

	it('never holds back learning cards, whatever the review limit', () => {
		const now = at('2026-03-10T09:00:00Z');
		const { user, cards: all } = studentWithCards(t.db, now, { reviewsPerDay: 0, newPerDay: 1 });
		rate(user.id, all[0].id, 1, now); // Again: back in one minute
		const later = new Date(now.getTime() + 2 * MIN);
		const head = nextCard(t.db, user, later);
		expect(head.card?.id).toBe(all[0].id);
		expect(head.counts.learning).toBe(1);
	});

	it('shows due learning cards before reviews, reviews before new cards, and learns ahead last', () => {
		const now = at('2026-03-10T09:00:00Z');
		const { user, cards: all } = studentWithCards(t.db, now, { newPerDay: 5 });
		makeReviewCard(t.db, all[5].id, at('2026-03-09T09:00:00Z'));
		expect(nextCard(t.db, user, now).card?.id).toBe(all[5].id);
		rate(user.id, all[5].id, 3, now);
		expect(nextCard(t.db, user, now).card?.id).toBe(all[0].id);
		rate(user.id, all[0].id, 1, now); // learning, due in 1 min
		expect(nextCard(t.db, user, now).card?.id).toBe(all[1].id); // not due yet: a new card first
		const due = new Date(now.getTime() + 1 * MIN);
		expect(nextCard(t.db, user, due).card?.id).toBe(all[0].id);
	});

	it('learns ahead up to 20 minutes when nothing else is left, and says when the next card comes', () => {
		const now = at('2026-03-10T09:00:00Z');
		const { user, cards: all } = studentWithCards(t.db, now, { newPerDay: 1 });
		rate(user.id, all[0].id, 3, now); // Good on a new card: next step in 10 min
		const learning = cardById(t.db, all[0].id);
		expect(learning.due.getTime() - now.getTime()).toBeLessThanOrEqual(LEARN_AHEAD_MS);
		expect(nextCard(t.db, user, now).card?.id).toBe(all[0].id);
		// Push the step beyond the window: the queue is empty until 20 min before it.
		t.db.update(cards).set({ due: new Date(now.getTime() + 60 * MIN) }).where(eq(cards.id, all[0].id)).run();
		expect(nextCard(t.db, user, now).card).toBeNull();
		expect(whatsNext(t.db, user, now).nextAt?.getTime()).toBe(now.getTime() + 40 * MIN);
	});
});

describe('the dashboard', () => {
	it('shows the same numbers as the review queue', () => {
		const now = at('2026-03-10T09:00:00Z');
		const { user, cards: all } = studentWithCards(t.db, now, { newPerDay: 3, reviewsPerDay: 1 });
		makeReviewCard(t.db, all[4].id, at('2026-03-09T09:00:00Z'));
		makeReviewCard(t.db, all[5].id, at('2026-03-09T10:00:00Z'));
		const counts = queueCounts(t.db, user, now);
		const dashboard = loadDashboard(t.db, user, now);
		expect(dashboard.newCards).toBe(counts.new);
		expect(dashboard.dueReviews).toBe(counts.review + counts.learning);
		expect(dashboard).toMatchObject({ newCards: 3, dueReviews: 1 });
	});
});

describe('query plans', () => {
	it('answers every queue query from an index, never by scanning the cards table', () => {
		const now = at('2026-03-10T09:00:00Z');
		studentWithCards(t.db, now);
		for (const { name, sql } of queueSql(t.db)) {
			const params = (sql.match(/\?/g) ?? []).map(() => 1);
			const plan = t.db.$client
				.prepare(`EXPLAIN QUERY PLAN ${sql}`)
				.all(...params)
				.map((row) => (row as { detail: string }).detail)
				.join('\n');
			expect(plan, name).toMatch(/SEARCH (cards|review_logs) USING (COVERING )?INDEX (cards_user_state_idx|cards_user_due_idx|review_logs_user_time_idx)/);
			expect(plan, name).not.toMatch(/SCAN (cards|review_logs)\b/);
			// Learning cards come from two index ranges (states 1 and 3) merged by a sort; they are few.
			if (name !== 'firstLearning') expect(plan, name).not.toMatch(/TEMP B-TREE/);
		}
	});
});
