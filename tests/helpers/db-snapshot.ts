import { createHash } from 'node:crypto';
import type { DB } from '../../src/lib/server/db/client';

/** Per table: its row count and a hash of every row (all columns, in rowid order). */
export type DbSnapshot = Record<string, { rows: number; hash: string }>;

function tables(db: DB): { name: string; columns: string[]; order: string }[] {
	const names = (
		db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
			name: string;
		}[]
	).map((r) => r.name);
	return names.map((name) => {
		const info = db.$client.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; pk: number }[];
		const withoutRowid = !!(db.$client.prepare(`SELECT 1 FROM sqlite_master WHERE name = ? AND sql LIKE '%WITHOUT ROWID%'`).get(name));
		const pk = info.filter((c) => c.pk > 0).map((c) => `"${c.name}"`);
		return { name, columns: info.map((c) => c.name), order: withoutRowid ? pk.join(', ') : 'rowid' };
	});
}

/**
 * What is in the database, cheaply enough to take before and after every request: SQLite
 * concatenates the quoted values itself, and the result is hashed once per table.
 */
export function snapshot(db: DB): DbSnapshot {
	const out: DbSnapshot = {};
	for (const t of tables(db)) {
		const row = db.$client
			.prepare(
				`SELECT count(*) AS n, coalesce(group_concat(line, char(10)), '') AS text FROM (SELECT ${t.columns
					.map((c) => `quote("${c}")`)
					.join(` || ',' || `)} AS line FROM "${t.name}" ORDER BY ${t.order})`
			)
			.get() as { n: number; text: string };
		out[t.name] = { rows: row.n, hash: createHash('sha256').update(row.text).digest('hex') };
	}
	return out;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: DbSnapshot, after: DbSnapshot): string[] {
	const names = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...names].filter((n) => before[n]?.rows !== after[n]?.rows || before[n]?.hash !== after[n]?.hash).sort();
}
