// `npm run db:backup -- [--out FILE]`: a consistent copy of the live database, taken with
// SQLite's online backup API while the server keeps running.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readConfig } from '../src/lib/server/config';

export function backupFileName(now: Date): string {
	return `factdeck-${now.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19)}.db`;
}

export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
	if (!existsSync(source)) throw new Error(`There is no database at ${source} (DATABASE_URL).`);
	if (existsSync(target)) throw new Error(`${target} exists already; choose another --out.`);
	mkdirSync(dirname(target), { recursive: true });
	const db = new Database(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		// One step copies every page inside one read transaction: a consistent snapshot that
		// writers (WAL) never wait for. Copying in small steps instead restarts from the first
		// page whenever the server commits in between, so a busy server's backup never ended.
		const progress = await db.backup(target, { progress: () => 0x7fffffff });
		const check = new Database(target, { readonly: true });
		try {
			const result = check.pragma('integrity_check', { simple: true });
			if (result !== 'ok') throw new Error(`The copy failed its integrity check: ${String(result)}`);
		} finally {
			check.close();
		}
		return { pages: progress.totalPages };
	} finally {
		db.close();
	}
}

async function main(argv: string[]): Promise<void> {
	const source = resolve(readConfig(process.env).databaseUrl);
	const i = argv.indexOf('--out');
	const target = resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : join(dirname(source), 'backups', backupFileName(new Date())));
	const { pages } = await backupDatabase(source, target);
	console.log(`Backed up ${source} to ${target} (${pages} pages).`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
	main(process.argv.slice(2)).catch((err) => {
		console.error(`Backup failed: ${err instanceof Error ? err.message : err}`);
		process.exit(1);
	});
}
