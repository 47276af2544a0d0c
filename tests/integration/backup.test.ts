import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { tempDb, type TempDb } from '../helpers/db';
import { insertSet, insertUser } from '../helpers/fixtures';
import { backupDatabase, backupFileName } from '../../scripts/backup';
import { openDatabase } from '../../src/lib/server/db/client';
import { articles, questions, users } from '../../src/lib/server/db/schema';

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

	it('finishes while the database keeps changing, however large it is', async () => {
		// About 4 MB (1,000 pages): a copy made 100 pages at a time would start over at every write.
		const owner = insertUser(t.db, 'teacher');
		const text = 'Lorem ipsum dolor sit amet. '.repeat(140);
		t.db.$client.transaction(() => {
			for (let i = 0; i < 1000; i++) t.db.insert(articles).values({ ownerId: owner.id, title: `Bulk ${i}`, source: 'pasted', sourceKind: 'paste', text }).run();
		})();
		let writes = 0;
		let copied = false;
		const writer = (async () => {
			while (!copied && writes < 20_000) {
				insertUser(t.db);
				writes++;
				await new Promise((r) => setImmediate(r));
			}
		})();
		const target = join(t.dir, 'busy-copy.db');
		const { pages } = await backupDatabase(t.path, target);
		const stillWriting = writes < 20_000;
		copied = true;
		await writer;
		expect(pages).toBeGreaterThan(1000);
		// The copy was done while the writes were still going on, not after they stopped.
		expect(stillWriting).toBe(true);
		const restored = openDatabase(target);
		try {
			expect(restored.select({ n: count() }).from(articles).get()!.n).toBe(1000);
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
