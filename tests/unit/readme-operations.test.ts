import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// The README's configuration table must name every variable the app and its start
// script read, so the table cannot fall behind the code.

const README = readFileSync('README.md', 'utf8');

function configurationTable(): string {
	const start = README.indexOf('### Configuration');
	const end = README.indexOf('\n### ', start + 1);
	expect(start).toBeGreaterThan(0);
	return README.slice(start, end);
}

function variablesRead(file: string, pattern: RegExp): string[] {
	return [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m[1]);
}

describe('README Operations', () => {
	it('lists every environment variable the app and scripts/start.js read', () => {
		const table = configurationTable();
		const read = new Set([
			...variablesRead('src/lib/server/config.ts', /env\.([A-Z][A-Z0-9_]+)/g),
			...variablesRead('src/lib/server/config.ts', /positiveInt\('([A-Z][A-Z0-9_]+)'/g),
			...variablesRead('scripts/start.js', /process\.env\.([A-Z][A-Z0-9_]+)/g),
			...variablesRead('src/lib/server/db/client.ts', /process\.env\.([A-Z][A-Z0-9_]+)/g)
		]);
		expect([...read].sort()).toEqual(expect.arrayContaining(['BODY_SIZE_LIMIT', 'DATABASE_URL', 'GENERATION_WORKERS', 'ORIGIN', 'PORT']));
		for (const name of read) expect(table, `${name} is missing from the README's configuration table`).toContain(`\`${name}\``);
	});

	it('has the operator sections, including Capacity for the benchmark', () => {
		for (const heading of ['### Configuration', '### Backup and restore', '### Running behind a reverse proxy', '### Graceful shutdown', '### Capacity']) {
			expect(README).toContain(`\n${heading}\n`);
		}
		expect(README).toContain('npm run --silent db:backup');
	});
});
