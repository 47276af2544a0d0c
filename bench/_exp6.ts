import { readFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db/client';
import { rateCard } from '../src/lib/server/review/rate';
const src = '/tmp/fdexp/school.db';
for (const variant of ['as is', 'without cards_user_due_idx']) {
	const dir = mkdtempSync(join(tmpdir(), 'fd-x-'));
	copyFileSync(src, join(dir, 'x.db'));
	const path = join(dir, 'x.db');
	const db = openDatabase(path);
	if (variant !== 'as is') db.$client.exec('DROP INDEX cards_user_due_idx');
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.pragma('wal_autocheckpoint = 0');
	const due = db.$client.prepare(`select id, user_id as userId, version from cards where state = 2 and due < ? order by user_id limit 3000`).all(Date.now()) as { id: number; userId: string; version: number }[];
	const frames = () => readFileSync(path + '-shm').readUInt32LE(16);
	const f0 = frames();
	const t0 = performance.now();
	for (const c of due) rateCard(db, { userId: c.userId, cardId: c.id, version: c.version, rating: 3, durationMs: 4000, now: new Date() });
	const ms = performance.now() - t0;
	console.log(variant, 'frames per rating', ((frames() - f0) / due.length).toFixed(2), 'µs per rating', (ms / due.length * 1000).toFixed(0));
	db.$client.close();
}
