import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db/client';
import { rateCard } from '../src/lib/server/review/rate';
import { validateSessionToken } from '../src/lib/server/auth';
import { seedSchool } from './seed-school';
import { ratingPool } from './http';
const dir = mkdtempSync(join(tmpdir(), 'fd-exp-'));
const path = join(dir, 'x.db');
const seed = openDatabase(path);
const school = seedSchool(seed, { students: 1000, classes: 40, cards: 200000, reviewLogs: 1000000 }, new Date());
seed.$client.close();
const pool = ratingPool(school);
const ids = new Map(school.students.map((s) => [s.token, s.id]));
const db = openDatabase(path);
db.$client.pragma('wal_autocheckpoint = 0');
for (let round = 0; round < 3; round++) {
	const take = pool.splice(0, 15000);
	let t0 = performance.now();
	for (const r of take) rateCard(db, { userId: ids.get(r.token)!, cardId: r.cardId, version: r.version, rating: 3, durationMs: 5000, now: new Date() });
	const rate = (performance.now() - t0) / take.length * 1000;
	t0 = performance.now();
	for (const r of take) validateSessionToken(db, r.token);
	const sess = (performance.now() - t0) / take.length * 1000;
	console.log(`rateCard ${rate.toFixed(1)} µs, validateSession ${sess.toFixed(1)} µs`);
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
}
