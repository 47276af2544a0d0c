import type { DB } from './db/client';
import { cards, CARD_ORIGINS } from './db/schema';

export type CardOrigin = (typeof CARD_ORIGINS)[number];

/**
 * Gives the user a new card for each question that has none yet; existing cards keep
 * their schedule. Returns how many were created. Synchronous, so it can run inside a
 * caller's transaction.
 */
export function ensureCards(db: Pick<DB, 'insert'>, userId: string, questionIds: readonly number[], origin: CardOrigin, now: Date): number {
	let created = 0;
	for (const questionId of questionIds) {
		const result = db
			.insert(cards)
			.values({ userId, questionId, origin, due: now, createdAt: now })
			.onConflictDoNothing({ target: [cards.userId, cards.questionId] })
			.run();
		created += result.changes;
	}
	return created;
}
