import { and, eq, gt, lt, count, min } from 'drizzle-orm';
import type { DB } from './db/client';
import { authFailures } from './db/schema';
import { ThrottledError } from './errors';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 5;

/** Throws ThrottledError when any key has had too many failures within the window. */
export function assertNotThrottled(db: DB, keys: string[], now: Date): void {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	let waitMs = 0;
	for (const key of keys) {
		const row = db
			.select({ n: count(), oldest: min(authFailures.at) })
			.from(authFailures)
			.where(and(eq(authFailures.key, key), gt(authFailures.at, since)))
			.get();
		if (row && row.n >= THROTTLE_MAX_FAILURES && row.oldest) {
			// The oldest failure in the window leaves it first and lifts the block.
			waitMs = Math.max(waitMs, row.oldest.getTime() + THROTTLE_WINDOW_MS - now.getTime());
		}
	}
	if (waitMs > 0) throw new ThrottledError(Math.max(1, Math.ceil(waitMs / 60_000)));
}

export function recordFailure(db: DB, keys: string[], now: Date): void {
	db.transaction((tx) => {
		for (const key of keys) tx.insert(authFailures).values({ key, at: now }).run();
		tx.delete(authFailures)
			.where(lt(authFailures.at, new Date(now.getTime() - THROTTLE_WINDOW_MS)))
			.run();
	}, { behavior: 'immediate' });
}

export function clearFailures(db: DB, key: string): void {
	db.delete(authFailures).where(eq(authFailures.key, key)).run();
}
