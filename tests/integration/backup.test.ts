import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { tempDb, type TempDb } from '../helpers/db';
import { insertSet, insertUser } from '../helpers/fixtures';
import { backupDatabase, backupFileName } from '../../scripts/backup';
import { openDatabase } from '../../src/lib/server/db/client';
import { questions, users } from '../../src/lib/server/db/schema';

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

describe('database backup', () => {
	it('copies a live database, writes going on, into a file that restores with all committed data', async () => {
		const owner = insertUser(t.db, 'teacher', 'Backed Up Teacher');
		insertSet(t.db, owner.id);
		// Keep writing while the backup runs: the copy must still be consistent.
		let writing = true;
		const writer = (async () => {
			while (writing) {
				insertUser(t.db);
				await new Promise((r) => setImmediate(r));
			}
		})();
		const target = join(t.dir, 'copy.db');
		await backupDatabase(t.path, target);
		writing = false;
		await writer;

		const restored = openDatabase(target);
		try {
			expect(restored.$client.pragma('integrity_check', { simple: true })).toBe('ok');
			expect(restored.select({ n: count() }).from(questions).get()!.n).toBe(6);
			expect(restored.select().from(users).all().some((u) => u.name === 'Backed Up Teacher')).toBe(true);
		} finally {
			restored.$client.close();
		}
	});

	it('refuses to overwrite a file or to copy a database that is not there', async () => {
		await expect(backupDatabase(t.path, t.path)).rejects.toThrow(/exists already/);
		await expect(backupDatabase(join(t.dir, 'missing.db'), join(t.dir, 'x.db'))).rejects.toThrow(/no database/);
	});

	it('runs as npm run db:backup with the configured database', () => {
		insertUser(t.db);
		const out = join(t.dir, 'cli-copy.db');
		const stdout = execFileSync('npm', ['run', '--silent', 'db:backup', '--', '--out', out], {
			env: { ...process.env, DATABASE_URL: t.path },
			encoding: 'utf8'
		});
		expect(stdout).toContain('Backed up');
		expect(existsSync(out)).toBe(true);
		expect(backupFileName(new Date('2026-05-06T07:08:09.123Z'))).toBe('factdeck-2026-05-06_07-08-09.db');
	});
});
