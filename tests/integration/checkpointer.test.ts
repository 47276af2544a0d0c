import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDb, type TempDb } from '../helpers/db';
import { startCheckpointer, type Checkpointer } from '../../src/lib/server/db/checkpointer';

/**
 * Frames in the WAL now, read from the wal-index header in the -shm file (mxFrame, a native
 * 32-bit integer at byte 16; sqlite.org/walformat.html), so that reading it checkpoints nothing.
 */
function walFrames(t: TempDb): number {
	return readFileSync(`${t.path}-shm`).readUInt32LE(16);
}

function writeRows(t: TempDb, n: number): void {
	const insert = t.db.$client.prepare(`INSERT INTO auth_failures (key, at) VALUES (?, ?)`);
	for (let i = 0; i < n; i++) insert.run(`key-${i}-${'x'.repeat(200)}`, i);
}

describe('the WAL checkpoint worker', () => {
	let t: TempDb | undefined;
	let checkpointer: Checkpointer | undefined;
	afterEach(async () => {
		await checkpointer?.close();
		t?.close();
		checkpointer = undefined;
		t = undefined;
	});

	it('keeps the WAL from growing while the app writes without pause', () => {
		t = tempDb();
		t.db.$client.pragma('wal_autocheckpoint = 0');
		writeRows(t, 2000);
		const grown = walFrames(t);
		// Nothing copies the WAL into the database now: it only grows.
		writeRows(t, 100);
		expect(walFrames(t)).toBeGreaterThan(grown);
		checkpointer = startCheckpointer(t.db.$client, t.path, 20, (err) => {
			throw err;
		});
		// As the server does: the app writes on, calling finishPending between requests. The
		// worker checkpoints meanwhile on its own thread, and the WAL must start over.
		const deadline = Date.now() + 10_000;
		let previous = walFrames(t);
		let restarted = false;
		while (!restarted && Date.now() < deadline) {
			checkpointer.finishPending();
			writeRows(t, 20);
			const now = walFrames(t);
			restarted = now < previous;
			previous = now;
		}
		expect(restarted).toBe(true);
		expect(t.db.$client.prepare('SELECT count(*) FROM auth_failures').pluck().get()).toBeGreaterThan(2100);
	});

	it('lets the last connection remove the WAL once closed', async () => {
		t = tempDb();
		t.db.$client.pragma('wal_autocheckpoint = 0');
		checkpointer = startCheckpointer(t.db.$client, t.path, 20, (err) => {
			throw err;
		});
		writeRows(t, 100);
		await checkpointer.close();
		checkpointer = undefined;
		t.db.$client.close();
		expect(existsSync(`${t.path}-wal`)).toBe(false);
		t.close = () => undefined;
	});

	it('reports a worker that cannot open the database', async () => {
		t = tempDb();
		const failure = await new Promise<Error>((resolve) => {
			checkpointer = startCheckpointer(t!.db.$client, join(t!.dir, 'missing.db'), 20, resolve);
		});
		expect(failure.message).toMatch(/SQLITE_CANTOPEN/);
	});
});
