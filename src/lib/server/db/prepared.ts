import type { DB } from './client';

/**
 * Prepared queries, built once per database connection (a prepared statement belongs to the
 * connection that prepared it). Session lookups, the review queue and ratings are the hot path.
 */
export function preparedFor<T>(build: (db: DB) => T): (db: DB) => T {
	const cache = new WeakMap<DB, T>();
	return (db) => {
		let prepared = cache.get(db);
		if (!prepared) {
			prepared = build(db);
			cache.set(db, prepared);
		}
		return prepared;
	};
}
