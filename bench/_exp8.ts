import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db/client';
import { rateCard } from '../src/lib/server/review/rate';
for (const sync of ['FULL', 'NORMAL', 'FULL', 'NORMAL']) {
	const dir = mkdtempSync(join(tmpdir(), 'fd-x-'));
	const path = join(dir, 'x.db');
	copyFileSync('/tmp/fdexp/school.db', path);
	const db = openDatabase(path, { migrate: false });
	db.$client.pragma(`synchronous = ${sync}`);
	db.$client.pragma('wal_autocheckpoint = 0');
	const due = db.$client.prepare(`select id, user_id as userId, version from cards where state = 2 and due < ? order by user_id limit 3000`).all(Date.now()) as any[];
	const times: number[] = [];
	for (const c of due) { const a = performance.now(); rateCard(db, { userId: c.userId, cardId: c.id, version: c.version, rating: 3, durationMs: 4000, now: new Date() }); times.push(performance.now() - a); }
	times.sort((a, b) => a - b);
	console.log(sync, 'mean µs', (times.reduce((a, b) => a + b) / times.length * 1000).toFixed(0), 'p50', (times[1500] * 1000).toFixed(0), 'p99', (times[2970] * 1000).toFixed(0));
	db.$client.close();
}
