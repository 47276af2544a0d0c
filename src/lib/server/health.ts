import type { Statement } from 'better-sqlite3';
import type { DB } from './db/client';

export type DatabaseHealth = { ok: true } | { ok: false; error: string };

const probes = new WeakMap<DB, Statement>();

export function checkDatabase(db: DB): DatabaseHealth {
	try {
		let probe = probes.get(db);
		if (!probe) {
			probe = db.$client.prepare('SELECT 1').pluck();
			probes.set(db, probe);
		}
		probe.get();
		return { ok: true };
	} catch (err) {
		// Reported to the caller as the health result, not hidden.
		return { ok: false, error: err instanceof Error ? err.message : String(err) };
	}
}
