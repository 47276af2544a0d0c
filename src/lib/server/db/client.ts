import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Where drizzle-kit writes the migrations; the app applies them when it opens the database. */
export const MIGRATIONS_FOLDER = resolve(process.env.FACTDECK_MIGRATIONS ?? 'drizzle');

/**
 * Opens (creating if needed) the SQLite file at `path`, sets the pragmas every
 * connection needs, and applies pending migrations.
 */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): DB {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	// FULL: every commit is synced to disk before it returns, so an acknowledged answer
	// survives a power cut too. (NORMAL survives a killed process — tests/http/faults.test.ts —
	// but may lose the last commits since a checkpoint when the machine itself goes down.)
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('cache_size = -32000');
	const db = drizzle(sqlite, { schema }) as DB;
	if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
	return db;
}
