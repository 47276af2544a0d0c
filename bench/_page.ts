import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db/client';
import { seedSchool } from './seed-school';
import { startBenchServer } from './server';
const dir = mkdtempSync(join(tmpdir(), 'fd-p-'));
const path = join(dir, 'x.db');
const db = openDatabase(path);
const s = seedSchool(db, { students: 20, classes: 2, cards: 4000, reviewLogs: 20000 }, new Date());
db.$client.close();
const server = await startBenchServer({ dbPath: path });
for (const p of ['/', '/review']) {
	const res = await fetch(server.url + p, { headers: { cookie: `session=${s.students[0].token}` } });
	const text = await res.text();
	console.log(p, res.status, text.length, 'bytes');
	if (p === '/') console.log(text.slice(0, 3000));
	console.log([...res.headers].map(([k, v]) => `${k}: ${v.slice(0, 120)}`).join('\n'));
}
await server.stop();
