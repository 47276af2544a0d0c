import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

/**
 * WAL checkpoints off the request path.
 *
 * SQLite's automatic checkpoint runs inside whichever commit takes the WAL past 1,000
 * pages: that request copies the pages into the database file and waits for the fsyncs,
 * tens of milliseconds on a busy disk, and every request queued behind it waits too (the
 * bench measured ratings in-process at a p99 of 13 ms with it, 1.3 ms without).
 *
 * So the app's connection turns the automatic checkpoint off, and a worker thread with its
 * own connection copies the WAL into the database every `intervalMs` (PASSIVE: it neither
 * waits for nor blocks the app's readers and writers) and flushes what it copied.
 *
 * One step is left to the app's thread. SQLite starts the WAL over only when a write begins
 * after a complete checkpoint, and one from another connection never completes while the
 * app writes without pause (as under full load). So the worker repeats its passes until
 * few pages were added meanwhile and then raises a flag; the app's next `finishPending()`
 * (called by getDb, between requests) checkpoints those few pages itself, completing the
 * checkpoint, and the next write starts the WAL from the beginning, keeping it small.
 */
export type Checkpointer = {
	/** Completes the worker's checkpoint when it asked for that: cheap when it did not. */
	finishPending: () => void;
	/** Stops the timer after one last checkpoint and closes the worker's connection. */
	close: () => Promise<void>;
};

/** The worker repeats a pass at once while more than this many pages were added during the last one. */
const CATCH_UP_PAGES = 256;

// Plain CommonJS run with `eval`: nothing to build or locate at run time but the driver.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, fdatasyncSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const statement = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const flag = new Int32Array(workerData.flag);
// SQLite syncs the database file only after a checkpoint that reaches the end of the WAL,
// which a pass never does while the app writes: the worker flushes what it copied itself.
// (Never closed: closing any descriptor of the file would drop SQLite's POSIX locks on it.)
const file = openSync(workerData.path, 'r');

/** { log, checkpointed } in pages, or null when another checkpoint is running. */
function checkpoint() {
	try {
		const row = statement.get();
		return row.busy ? null : row;
	} catch (err) {
		if (err && err.code === 'SQLITE_BUSY') return null;
		throw err;
	}
}

function round() {
	if (Atomics.load(flag, 0) === 1) return;
	let previous = 0;
	for (let pass = 0; pass < 10; pass++) {
		const row = checkpoint();
		if (!row || row.log === 0) return;
		fdatasyncSync(file);
		const added = row.log - previous;
		previous = row.log;
		if (added <= workerData.catchUpPages) break;
	}
	Atomics.store(flag, 0, 1);
}

const timer = setInterval(round, workerData.intervalMs);
parentPort.on('message', (message) => {
	if (message !== 'close') return;
	clearInterval(timer);
	checkpoint();
	db.close();
	parentPort.close();
});
`;

export function startCheckpointer(sqlite: Database.Database, path: string, intervalMs: number, onFailure: (err: Error) => void): Checkpointer {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const shared = new SharedArrayBuffer(4);
	const flag = new Int32Array(shared);
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: { driver, path, intervalMs, catchUpPages: CATCH_UP_PAGES, flag: shared }
	});
	// The checkpoints never keep the process alive; close() holds it open while they stop.
	worker.unref();
	let closing = false;
	let failed = false;
	const fail = (err: Error) => {
		if (closing || failed) return;
		failed = true;
		onFailure(err);
	};
	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	// An SQLite error thrown in the worker arrives as a plain object with only its code.
	worker.on('error', (err: unknown) =>
		fail(err instanceof Error && err.message ? err : new Error(`The checkpoint worker failed (${(err as { code?: string } | null)?.code ?? String(err)}).`))
	);
	worker.once('exit', (code) => fail(new Error(`The checkpoint worker stopped (exit code ${code}).`)));
	return {
		finishPending: () => {
			// A checkpoint cannot run inside a transaction; the next call will do it.
			if (Atomics.load(flag, 0) !== 1 || closing || !sqlite.open || sqlite.inTransaction) return;
			sqlite.pragma('wal_checkpoint(PASSIVE)');
			Atomics.store(flag, 0, 0);
		},
		close: async () => {
			if (!closing) {
				closing = true;
				worker.ref();
				worker.postMessage('close');
			}
			await exited;
		}
	};
}
