import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { openDatabase, type DB } from './client';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { durableWrites, type DurableWrites } from './durable';
import { commitGroup, type CommitGroup } from './commit-group';
import { readConfig } from '../config';

let instance: DB | undefined;
let checkpointer: Checkpointer | undefined;
let durable: DurableWrites | undefined;
let group: CommitGroup | undefined;

/** How often the worker copies the WAL into the database file (see checkpointer.ts). */
const CHECKPOINT_INTERVAL_MS = 1000;
/** SQLite's default, restored should the checkpoint worker fail. */
const AUTOCHECKPOINT_PAGES = 1000;

function open(): DB {
	const path = readConfig(env).databaseUrl;
	const db = openDatabase(path);
	if (path === ':memory:') return db;
	// Commits no longer wait for the disk; requests that wrote wait for it instead (durable.ts).
	db.$client.pragma('synchronous = NORMAL');
	durable = durableWrites(db.$client, `${path}-wal`);
	db.$client.pragma('wal_autocheckpoint = 0');
	checkpointer = startCheckpointer(db.$client, path, CHECKPOINT_INTERVAL_MS, (err) => {
		console.error("Factdeck: the checkpoint worker failed; SQLite's automatic checkpoints are back on.", err);
		checkpointer = undefined;
		if (db.$client.open) db.$client.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
	});
	return db;
}

/**
 * The app's database, opened (and migrated) on first use — never while building. Every
 * request asks for it before its queries, so this is also where the last, short step of a
 * WAL checkpoint runs when the checkpoint worker asked for it.
 */
export function getDb(): DB {
	if (building) throw new Error('The database is not available while building');
	instance ??= open();
	checkpointer?.finishPending();
	return instance;
}

/**
 * Runs a hot write (a rating, a quiz answer) in the next group commit with the other
 * requests' writes of this round of the event loop (commit-group.ts). `work` must be atomic
 * by itself. Services stay synchronous; tests and scripts call them directly.
 */
export function groupedWrite<T>(work: (db: DB) => T): Promise<T> {
	const db = getDb();
	group ??= commitGroup(db.$client);
	return group.run(() => work(db));
}

/** A mark of the app's writes so far, for `writesOnDisk`. */
export function writeMark(): number {
	getDb();
	return durable?.mark() ?? 0;
}

/**
 * Resolves once every write the app made since `mark` is on disk (right away when there
 * was none): a request that wrote is answered only then.
 */
export async function writesOnDisk(mark: number): Promise<void> {
	await durable?.since(mark);
}

/** Stops the checkpoints and closes the database (the last connection's close checkpoints the WAL). */
export async function closeDb(): Promise<void> {
	const closing = checkpointer;
	checkpointer = undefined;
	await closing?.close();
	// Whatever was committed last is flushed by the close's own checkpoint.
	durable?.close();
	durable = undefined;
	instance?.$client.close();
	instance = undefined;
	group = undefined;
}
