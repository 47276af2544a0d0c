import { asc, eq } from 'drizzle-orm';
import { fsrs, createEmptyCard, type Grade } from 'ts-fsrs';
import type { DB } from '../../src/lib/server/db/client';
import { cards, reviewLogs, users, type Card } from '../../src/lib/server/db/schema';
import { ensureCards } from '../../src/lib/server/cards';
import { insertSet, insertUser } from './fixtures';

export type StudentOptions = { timeZone?: string; newPerDay?: number; reviewsPerDay?: number; sets?: number };

/** A student with the fixture set's six questions as new cards (created at `now`). */
export function studentWithCards(db: DB, now: Date, options: StudentOptions = {}) {
	const student = insertUser(db, 'student');
	db.update(users)
		.set({
			timeZone: options.timeZone ?? 'UTC',
			newPerDay: options.newPerDay ?? 20,
			reviewsPerDay: options.reviewsPerDay ?? 200
		})
		.where(eq(users.id, student.id))
		.run();
	const sets = [];
	for (let i = 0; i < (options.sets ?? 1); i++) {
		const set = insertSet(db, student.id, { title: `Deck ${i + 1}` });
		ensureCards(db, student.id, set.questions.map((q) => q.id), 'self', now);
		sets.push(set);
	}
	const user = db.select().from(users).where(eq(users.id, student.id)).get()!;
	return { user, sets, cards: cardsOf(db, student.id) };
}

export function cardsOf(db: DB, userId: string): Card[] {
	return db.select().from(cards).where(eq(cards.userId, userId)).orderBy(asc(cards.id)).all();
}

export function cardById(db: DB, id: number): Card {
	return db.select().from(cards).where(eq(cards.id, id)).get()!;
}

export function logsOf(db: DB, userId: string) {
	return db.select().from(reviewLogs).where(eq(reviewLogs.userId, userId)).orderBy(asc(reviewLogs.id)).all();
}

/** Puts a card straight into the Review state, due at `due` (as if learnt long ago). */
export function makeReviewCard(db: DB, id: number, due: Date): void {
	db.update(cards)
		.set({
			state: 2,
			due,
			stability: 10,
			difficulty: 5,
			scheduledDays: 10,
			reps: 3,
			lastReview: new Date(due.getTime() - 10 * 86_400_000)
		})
		.where(eq(cards.id, id))
		.run();
}

/** A small deterministic PRNG (mulberry32), so synthetic histories are the same every run. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Writes a synthetic review history straight into review_logs: a student who studies each
 * card when it falls due (scheduled by ts-fsrs with default weights) and recalls it with
 * the probability of a "true" memory model that forgets faster than the default one, so
 * that fitting has something to find. Returns how many logs were written.
 */
export function insertSyntheticHistory(db: DB, userId: string, cardIds: readonly number[], options: { reviews: number; start: Date; seed?: number }): number {
	const random = prng(options.seed ?? 7);
	const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });
	const truth = fsrs({ request_retention: 0.9 });
	const perCard = Math.ceil(options.reviews / cardIds.length);
	let written = 0;
	for (const cardId of cardIds) {
		let card = createEmptyCard(options.start);
		let memory = createEmptyCard(options.start);
		let now = new Date(options.start.getTime() + Math.floor(random() * 3) * 86_400_000 + Math.floor(random() * 8) * 3_600_000);
		for (let i = 0; i < perCard && written < options.reviews; i++) {
			const elapsed = memory.last_review ? (now.getTime() - memory.last_review.getTime()) / 86_400_000 : 0;
			// The "true" memory: recall falls off at 60 % of the modelled stability.
			const recall = memory.state === 0 ? 0.75 : truth.forgetting_curve(elapsed, Math.max(0.1, memory.stability * 0.6));
			const rating: Grade = random() < recall ? (random() < 0.15 ? 4 : random() < 0.2 ? 2 : 3) : 1;
			const before = { ...card };
			const next = scheduler.next(card, now, rating);
			db.insert(reviewLogs)
				.values({
					cardId,
					userId,
					rating,
					state: next.log.state,
					due: next.log.due,
					stability: next.log.stability,
					difficulty: next.log.difficulty,
					elapsedDays: next.log.elapsed_days,
					lastElapsedDays: next.log.last_elapsed_days,
					scheduledDays: next.log.scheduled_days,
					learningSteps: next.log.learning_steps,
					review: now,
					durationMs: 4000,
					previousCard: { due: before.due.getTime(), state: before.state, version: i }
				})
				.run();
			written++;
			card = next.card;
			memory = truth.next(memory, now, rating).card;
			now = new Date(card.due.getTime() + Math.floor(random() * 6) * 3_600_000);
		}
		db.update(cards)
			.set({
				due: card.due,
				stability: card.stability,
				difficulty: card.difficulty,
				state: card.state,
				reps: card.reps,
				lapses: card.lapses,
				scheduledDays: card.scheduled_days,
				learningSteps: card.learning_steps,
				lastReview: card.last_review ?? null
			})
			.where(eq(cards.id, cardId))
			.run();
	}
	return written;
}
