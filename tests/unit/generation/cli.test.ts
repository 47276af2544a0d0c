import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = join(root, 'src', 'lib', 'generation', 'cli.ts');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(tsx, [cli, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
const fixture = join(root, 'tests', 'fixtures', 'articles', '01-supercomputer-speed-record.txt');

describe('command line', () => {
	it('prints the contract JSON with questions and cards', () => {
		const r = run('--count', '5', '--seed', '7', fixture);
		expect(r.status).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.title).toBe('Supercomputer breaks speed record');
		expect(out.questions).toHaveLength(5);
		expect(out.cards).toHaveLength(5);
		expect(out.cards[0]).toEqual({ front: out.questions[0].card.front, back: out.questions[0].card.back, sources: out.questions[0].sources });
		expect(run('--count', '5', '--seed', '7', fixture).stdout).toBe(r.stdout);
	}, 60_000);

	it('prints readable text with --format text', () => {
		const r = run('--format', 'text', '--count', '3', fixture);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^Supercomputer breaks speed record\n=+\n\n1\. \[/);
	}, 60_000);

	it('fails with a clear message and nothing on standard output for bad input', () => {
		const dir = mkdtempSync(join(tmpdir(), 'factdeck-cli-'));
		writeFileSync(join(dir, 'empty.txt'), '');
		writeFileSync(join(dir, 'fr.txt'), "L'Empire du Mali était un empire d'Afrique de l'Ouest fondé au XIIIe siècle par Soundiata Keïta. Il s'étendait sur une grande partie de l'Afrique de l'Ouest et était connu pour la richesse de ses souverains.");
		for (const [file, message] of [
			[join(dir, 'empty.txt'), /empty/],
			[join(dir, 'fr.txt'), /English/],
			[join(dir, 'missing.txt'), /Cannot read/],
			['http://127.0.0.1:9/', /private or local network/]
		] as const) {
			const r = run(file);
			expect(r.status).not.toBe(0);
			expect(r.stdout).toBe('');
			expect(r.stderr).toMatch(message);
		}
		const bad = run('--count', 'many', fixture);
		expect(bad.status).not.toBe(0);
		expect(bad.stdout).toBe('');
	}, 60_000);
});
