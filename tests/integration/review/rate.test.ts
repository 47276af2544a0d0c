import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tempDb, type TempDb } from '../../helpers/db';
import { insertUser } from '../../helpers/fixtures';
import { cardById, cardsOf, logsOf, makeReviewCard, studentWithCards } from '../../helpers/review';
import { parseRating, rateCard, undoLastRating, STALE_CARD_MESSAGE } from '../../../src/lib/server/review/rate';
import { cards, users } from '../../../src/lib/server/db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/lib/server/errors';
import { default_w } from 'ts-fsrs';

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

const NOW = new Date('2026-03-10T09:00:00Z');

describe('rating a card', () => {
	it('writes the scheduled card (version + 1) and its review log together', () => {
		const { user, cards: all } = studentWithCards(t.db, NOW);
		const before = all[0];
		const result = rateCard(t.db, { userId: user.id, cardId: before.id, version: 0, rating: 3, durationMs: 4200, now: NOW });
		const after = cardById(t.db, before.id);
		expect(after).toEqual(result.card);
		expect(after.version).toBe(1);
		expect(after.state).toBe(1); // New → Learning on Good
		expect(after.reps).toBe(1);
		expect(after.lastReview?.toISOString()).toBe(NOW.toISOString());
		expect(after.due.getTime() - NOW.getTime()).toBe(10 * 60_000); // ts-fsrs's second learning step

		const logs = logsOf(t.db, user.id);
		expect(logs).toHaveLength(1);
		expect(logs[0]).toMatchObject({ id: result.logId, cardId: before.id, rating: 3, state: 0, durationMs: 4200 });
		expect(logs[0].review.toISOString()).toBe(NOW.toISOString());
		expect(logs[0].previousCard).toMatchObject({ id: before.id, version: 0, state: 0, due: before.due.getTime(), lastReview: null });
	});

	it('schedules review cards with FSRS: Again relearns, Easy waits longer than Good', () => {
		const { user, cards: all } = studentWithCards(t.db, NOW);
		for (const c of all.slice(0, 3)) makeReviewCard(t.db, c.id, NOW);
		const again = rateCard(t.db, { userId: user.id, cardId: all[0].id, version: 0, rating: 1, durationMs: 0, now: NOW }).card;
		const good = rateCard(t.db, { userId: user.id, cardId: all[1].id, version: 0, rating: 3, durationMs: 0, now: NOW }).card;
		const easy = rateCard(t.db, { userId: user.id, cardId: all[2].id, version: 0, rating: 4, durationMs: 0, now: NOW }).card;
		expect(again).toMatchObject({ state: 3, lapses: 1 });
		expect(good.state).toBe(2);
		expect(good.due.getTime()).toBeGreaterThan(NOW.getTime() + 5 * 86_400_000);
		expect(easy.due.getTime()).toBeGreaterThan(good.due.getTime());
	});

	it('uses the student’s own FSRS weights and desired retention when set', () => {
		const a = studentWithCards(t.db, NOW);
		const b = studentWithCards(t.db, NOW);
		for (const c of [a.cards[0], b.cards[0]]) makeReviewCard(t.db, c.id, NOW);
		const slow = [...default_w];
		slow[10] = 0.2; // a much smaller stability increase after a successful review
		t.db.update(users).set({ fsrsWeights: slow }).where(eq(users.id, b.user.id)).run();
		const withDefaults = rateCard(t.db, { userId: a.user.id, cardId: a.cards[0].id, version: 0, rating: 3, durationMs: 0, now: NOW }).card;
		const withOwn = rateCard(t.db, { userId: b.user.id, cardId: b.cards[0].id, version: 0, rating: 3, durationMs: 0, now: NOW }).card;
		expect(withOwn.stability).toBeLessThan(withDefaults.stability);
		expect(withOwn.due.getTime()).toBeLessThan(withDefaults.due.getTime());
	});

	it('refuses a stale version with ConflictError and writes nothing', () => {
		const { user, cards: all } = studentWithCards(t.db, NOW);
		rateCard(t.db, { userId: user.id, cardId: all[0].id, version: 0, rating: 3, durationMs: 0, now: NOW });
		const card = cardById(t.db, all[0].id);
		const attempt = () => rateCard(t.db, { userId: user.id, cardId: all[0].id, version: 0, rating: 1, durationMs: 0, now: NOW });
		expect(attempt).toThrow(ConflictError);
		expect(attempt).toThrow(STALE_CARD_MESSAGE);
		expect(cardById(t.db, all[0].id)).toEqual(card);
		expect(logsOf(t.db, user.id)).toHaveLength(1);
	});

	it('refuses another student’s card as not found, and writes nothing', () => {
		const owner = studentWithCards(t.db, NOW);
		const intruder = insertUser(t.db, 'student');
		expect(() =>
			rateCard(t.db, { userId: intruder.id, cardId: owner.cards[0].id, version: 0, rating: 4, durationMs: 0, now: NOW })
		).toThrow(NotFoundError);
		expect(cardById(t.db, owner.cards[0].id).version).toBe(0);
		expect(logsOf(t.db, intruder.id)).toHaveLength(0);
		expect(logsOf(t.db, owner.user.id)).toHaveLength(0);
	});

	it('writes neither the card nor the log when the log cannot be written', () => {
		const { user, cards: all } = studentWithCards(t.db, NOW);
		// A real failure inside the transaction, after the card update has run.
		t.db.$client.exec(`CREATE TRIGGER refuse_logs BEFORE INSERT ON review_logs BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
		expect(() => rateCard(t.db, { userId: user.id, cardId: all[0].id, version: 0, rating: 3, durationMs: 0, now: NOW })).toThrow(
			'disk says no'
		);
		expect(cardById(t.db, all[0].id)).toEqual(all[0]);
		expect(logsOf(t.db, user.id)).toHaveLength(0);
		t.db.$client.exec('DROP TRIGGER refuse_logs');
		rateCard(t.db, { userId: user.id, cardId: all[0].id, version: 0, rating: 3, durationMs: 0, now: NOW });
		expect(logsOf(t.db, user.id)).toHaveLength(1);
	});
});

describe('parsing a rating', () => {
	it('accepts form strings and clamps the duration', () => {
		expect(parseRating({ cardId: '12', version: '0', rating: '4', durationMs: '99999999' })).toEqual({
			cardId: 12,
			version: 0,
			rating: 4,
			durationMs: 3_600_000
		});
		expect(parseRating({ cardId: 3, version: 2, rating: 1 })).toMatchObject({ durationMs: 0 });
	});

	it.each([
		[{ cardId: '', version: '0', rating: '3' }, 'cardId'],
		[{ cardId: 'abc', version: '0', rating: '3' }, 'cardId'],
		[{ cardId: '1', version: '', rating: '3' }, 'version'],
		[{ cardId: '1', version: '-1', rating: '3' }, 'version'],
		[{ cardId: '1', version: '0', rating: '5' }, 'rating'],
		[{ cardId: '1', version: '0', rating: '0' }, 'rating'],
		[{ cardId: '1', version: '0', rating: '2.5' }, 'rating']
	])('refuses %j', (fields, field) => {
		try {
			parseRating(fields);
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(ValidationError);
			expect((err as ValidationError).field).toBe(field);
		}
	});
});

describe('undo', () => {
	it('restores the card as it was and deletes the log', () => {
		const { user, cards: all } = studentWithCards(t.db, NOW);
		makeReviewCard(t.db, all[0].id, NOW);
		const before = cardById(t.db, all[0].id);
		rateCard(t.db, { userId: user.id, cardId: before.id, version: before.version, rating: 1, durationMs: 0, now: NOW });
		const later = new Date(NOW.getTime() + 5000);
		const undone = undoLastRating(t.db, user.id, later);
		expect(undone.rating).toBe(1);
		const restored = cardById(t.db, before.id);
		// Everything as before, except the version: it moves on, so a page showing the rated card is stale.
		expect({ ...restored, version: 0 }).toEqual({ ...before, version: 0 });
		expect(restored.version).toBe(before.version + 2);
		expect(logsOf(t.db, user.id)).toHaveLength(0);
		expect(() => undoLastRating(t.db, user.id, later)).toThrow(NotFoundError);
	});

	it('undoes the newest rating first, one at a time', () => {
		const { user, cards: all } = studentWithCards(t.db, NOW);
		rateCard(t.db, { userId: user.id, cardId: all[0].id, version: 0, rating: 3, durationMs: 0, now: NOW });
		rateCard(t.db, { userId: user.id, cardId: all[1].id, version: 0, rating: 4, durationMs: 0, now: new Date(NOW.getTime() + 1000) });
		expect(undoLastRating(t.db, user.id, NOW).card.id).toBe(all[1].id);
		expect(undoLastRating(t.db, user.id, NOW).card.id).toBe(all[0].id);
		expect(cardsOf(t.db, user.id).every((c) => c.state === 0 && c.reps === 0)).toBe(true);
	});

	it('refuses when the card changed after the rating, and writes nothing', () => {
		const { user, cards: all } = studentWithCards(t.db, NOW);
		rateCard(t.db, { userId: user.id, cardId: all[0].id, version: 0, rating: 3, durationMs: 0, now: NOW });
		t.db.update(cards).set({ version: 7 }).where(eq(cards.id, all[0].id)).run();
		const changed = cardById(t.db, all[0].id);
		expect(() => undoLastRating(t.db, user.id, NOW)).toThrow(ConflictError);
		expect(cardById(t.db, all[0].id)).toEqual(changed);
		expect(logsOf(t.db, user.id)).toHaveLength(1);
	});

	it('reaches back one day only, and only to the student’s own ratings', () => {
		const { user, cards: all } = studentWithCards(t.db, NOW);
		const other = studentWithCards(t.db, NOW);
		rateCard(t.db, { userId: user.id, cardId: all[0].id, version: 0, rating: 3, durationMs: 0, now: NOW });
		expect(() => undoLastRating(t.db, other.user.id, NOW)).toThrow(NotFoundError);
		expect(() => undoLastRating(t.db, user.id, new Date(NOW.getTime() + 25 * 3_600_000))).toThrow(NotFoundError);
		expect(logsOf(t.db, user.id)).toHaveLength(1);
	});
});
