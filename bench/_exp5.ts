import { openDatabase } from '../src/lib/server/db/client';
import { queueSql } from '../src/lib/server/review/queue';
import { studyDay } from '../src/lib/study/day';
const db = openDatabase('/tmp/fdexp/school.db');
const users = db.$client.prepare(`select id from users where role='student'`).pluck().all() as string[];
const now = Date.now();
const day = studyDay(new Date(), 'Europe/London');
for (const { name, sql } of queueSql(db)) {
	const st = db.$client.prepare(sql);
	const n = (sql.match(/\?/g) ?? []).length;
	const args = (u: string) => {
		if (name === 'reviewCount') return [u, day.end.getTime(), 200];
		if (name === 'newCount') return [u, 20];
		const a: unknown[] = [u];
		// remaining placeholders: numbers
		for (let i = 1; i < n; i++) a.push(name.startsWith('first') || name === 'learningCount' ? (name === 'firstReview' ? day.end.getTime() : now + 1200000) : name === 'doneToday' ? day.start.getTime() : now);
		return a;
	};
	for (const u of users.slice(0, 100)) st.all(...args(u));
	const t0 = performance.now();
	for (const u of users) st.all(...args(u));
	console.log(name.padEnd(14), ((performance.now() - t0) / users.length * 1000).toFixed(1), 'µs', '|', (db.$client.prepare('EXPLAIN QUERY PLAN ' + sql).all(...args(users[0])) as any[]).map((r) => r.detail).join('; '));
}
