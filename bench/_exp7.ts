import { openDatabase } from '../src/lib/server/db/client';
import { loadDashboard } from '../src/lib/server/dashboard';
import { queueCounts } from '../src/lib/server/review/queue';
import { validateSessionToken } from '../src/lib/server/auth';
const db = openDatabase('/tmp/fdexp/school.db', { migrate: false });
const ids = db.$client.prepare(`select id, time_zone as timeZone, new_per_day as newPerDay, reviews_per_day as reviewsPerDay from users where role='student'`).all() as any[];
const now = new Date();
const q = {
  oa: db.$client.prepare(`select a.id, a.title, a.kind, a.due_at, c.name from assignments a join memberships m on m.class_id = a.class_id and m.user_id = ? join classes c on c.id = a.class_id where (a.opens_at is null or a.opens_at <= ?) and (a.due_at is null or a.due_at > ?) order by a.due_at is null, a.due_at limit 20`),
  ra: db.$client.prepare(`select id, title, created_at, generation_status from articles where owner_id = ? order by created_at desc limit 5`),
  mc: db.$client.prepare(`select id, name from classes where teacher_id = ? or id in (select class_id from memberships where user_id = ?) order by name`),
};
function time(name: string, fn: (u: any) => unknown) {
	for (const u of ids) fn(u);
	const t0 = performance.now();
	for (let r = 0; r < 3; r++) for (const u of ids) fn(u);
	console.log(name.padEnd(16), ((performance.now() - t0) / ids.length / 3 * 1000).toFixed(1), 'µs');
}
time('openAssignments', (u) => q.oa.all(u.id, now.getTime(), now.getTime()));
time('recentArticles', (u) => q.ra.all(u.id));
time('myClasses', (u) => q.mc.all(u.id, u.id));
time('queueCounts', (u) => queueCounts(db, u, now));
time('loadDashboard', (u) => loadDashboard(db, u, now));
