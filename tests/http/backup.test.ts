import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServer, type RunningServer } from '../helpers/server';
import { Client } from '../helpers/http';

// `npm run db:backup` against the live server's database while the server takes writes;
// then a second server started on the copy (what a restore is) serves the same data.

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.dispose();
});

function runBackup(dbPath: string, out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((ok) => {
		const child = spawn('npm', ['run', '--silent', 'db:backup', '--', '--out', out], { env: { ...process.env, DATABASE_URL: dbPath } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('exit', (code) => ok({ code, stdout, stderr }));
	});
}

describe('backing up the live database', () => {
	it('makes a consistent copy while the server takes writes, and a server on the copy has the data', async () => {
		const teacher = new Client(server.url);
		expect((await teacher.signUp({ name: 'Backup Teacher', email: 'backup@example.org', password: 'backed up password', role: 'teacher' })).status).toBe(303);
		const createClass = async (name: string) => {
			const res = await teacher.postForm('/classes/new', { name });
			expect(res.status).toBe(303);
		};
		for (let i = 1; i <= 5; i++) await createClass(`Before backup ${i}`);

		// Keep writing (bounded) for as long as the backup runs.
		let backingUp = true;
		const during: string[] = [];
		const writer = (async () => {
			for (let i = 1; backingUp && i <= 2000; i++) {
				await createClass(`During backup ${i}`);
				during.push(`During backup ${i}`);
			}
		})();
		const out = join(server.dir, 'backups', 'copy.db');
		const backup = await runBackup(server.dbPath, out);
		backingUp = false;
		await writer;
		// Writes were acknowledged while the backup ran.
		expect(during.length).toBeGreaterThan(0);
		expect(backup.stderr).toBe('');
		expect(backup.code).toBe(0);
		expect(backup.stdout).toContain('Backed up');
		expect(existsSync(out)).toBe(true);

		// The copy is whole, holds everything written before the backup began, and what it
		// holds of the writes during the backup is a prefix of them (a single moment in time).
		const copy = new Database(out, { readonly: true });
		let copied: string[];
		try {
			expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
			copied = (copy.prepare('SELECT name FROM classes ORDER BY id').pluck().all() as string[]).filter((n) => n !== 'Economics 101');
		} finally {
			copy.close();
		}
		const before = [1, 2, 3, 4, 5].map((i) => `Before backup ${i}`);
		expect(copied.slice(0, 5)).toEqual(before);
		expect(copied.slice(5).every((name, i) => name === `During backup ${i + 1}`)).toBe(true);
		// At most one write was in flight (committed, not yet answered) when the copy was taken.
		expect(copied.length - 5).toBeLessThanOrEqual(during.length + 1);

		// Restore: a server started on the copy. The teacher logs in with the same password.
		const restored = await startServer({ dbPath: out });
		try {
			const again = new Client(restored.url);
			expect((await again.logIn('backup@example.org', 'backed up password')).status).toBe(303);
			const dashboard = await (await again.get('/')).text();
			expect(dashboard).toContain('Hello, Backup Teacher');
			const list = await (await again.get('/classes')).text();
			for (const name of before) expect(list).toContain(name);
			// The original server is untouched by all this and still takes writes.
			await createClass('After backup');
		} finally {
			await restored.dispose();
		}
	});
});
