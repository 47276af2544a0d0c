import { openDatabase } from '../src/lib/server/db/client';
const db = openDatabase(process.argv[2], { migrate: false });
for (const q of process.argv.slice(3)) { console.log(q); console.log(db.$client.prepare('EXPLAIN QUERY PLAN ' + q).all().map((r: any) => '   ' + r.detail).join('\n')); }
