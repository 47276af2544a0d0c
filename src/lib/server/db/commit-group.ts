import type Database from 'better-sqlite3';

/**
 * Group commit for the hot writes (ratings, quiz answers). Each request's write is queued
 * and all the writes queued while the event loop handled one round of requests run in one
 * transaction, committed once. A commit writes every page it changed to the WAL: for a
 * rating about eight pages, several of them the same for every rating (the review log's
 * last page, the index pages above the leaves, the header page). Forty ratings in one
 * commit write those once, so the disk has about half the bytes to take, and the WAL flush
 * that acknowledges them (durable.ts) and the checkpoints have less to do.
 *
 * Each piece of work must be atomic by itself (a transaction function, which runs as a
 * savepoint here, or a single statement), as it would be alone: when one throws, the
 * others still commit, and its caller gets the error. When SQLite abandons the whole
 * transaction or the commit fails, every caller of the batch gets the error: nothing of
 * theirs was written.
 */
export type CommitGroup = {
	run: <T>(work: () => T) => Promise<T>;
};

type Queued = { work: () => unknown; resolve: (value: unknown) => void; reject: (err: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function commitGroup(sqlite: Database.Database): CommitGroup {
	const begin = sqlite.prepare('BEGIN IMMEDIATE');
	const commit = sqlite.prepare('COMMIT');
	const rollback = sqlite.prepare('ROLLBACK');
	let queue: Queued[] = [];

	const failAll = (batch: Queued[], err: unknown) => {
		for (const item of batch) item.reject(err);
	};

	const flush = () => {
		const batch = queue;
		queue = [];
		try {
			begin.run();
		} catch (err) {
			failAll(batch, err);
			return;
		}
		const outcomes: Outcome[] = [];
		for (const item of batch) {
			try {
				outcomes.push({ ok: true, value: item.work() });
			} catch (error) {
				if (!sqlite.inTransaction) {
					// SQLite rolled the whole transaction back (a full disk, an I/O error).
					failAll(batch, error);
					return;
				}
				outcomes.push({ ok: false, error });
			}
		}
		try {
			commit.run();
		} catch (err) {
			if (sqlite.inTransaction) rollback.run();
			failAll(batch, err);
			return;
		}
		batch.forEach((item, i) => {
			const outcome = outcomes[i];
			if (outcome.ok) item.resolve(outcome.value);
			else item.reject(outcome.error);
		});
	};

	return {
		run: <T>(work: () => T) =>
			new Promise<T>((resolve, reject) => {
				// The first write of a round schedules the commit after the round's I/O callbacks.
				if (queue.length === 0) setImmediate(flush);
				queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
			})
	};
}
