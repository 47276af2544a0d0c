import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/lib/server/db/client';

export type TempDb = { db: DB; path: string; dir: string; close: () => void };

/** A real SQLite file in a fresh temporary folder, with the real migrations applied. */
export function tempDb(): TempDb {
	const dir = mkdtempSync(join(tmpdir(), 'factdeck-test-'));
	const path = join(dir, 'test.db');
	const db = openDatabase(path);
	return {
		db,
		path,
		dir,
		close: () => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
