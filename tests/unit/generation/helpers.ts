import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'articles');

export interface Fixture {
	name: string;
	text: string;
	gold: { question: string; answer: string; answer_type: string; sentence: string }[];
}

/** The development articles and their gold facts, as copied into tests/fixtures/articles. */
export function articles(): Fixture[] {
	return readdirSync(dir)
		.filter((f) => /^\d+.*\.txt$/.test(f))
		.sort()
		.map((f) => ({
			name: f,
			text: readFileSync(join(dir, f), 'utf8'),
			gold: JSON.parse(readFileSync(join(dir, 'gold', f.replace(/\.txt$/, '.json')), 'utf8'))
		}));
}

export function article(prefix: string): Fixture {
	const a = articles().find((x) => x.name.startsWith(prefix));
	if (!a) throw new Error(`no fixture ${prefix}`);
	return a;
}

/** The same normalisation as the project's checker: accents, case and punctuation ignored. */
export const norm = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
