// Median time to generate questions for each development article in one warm process,
// beside the median time wink-nlp (the NLP library the generator uses) takes merely to
// tokenise the same text. Budget: 50 ms for the 1,500-word seed article.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../src/lib/generation/index.js';
import { nlp } from '../src/lib/generation/analysis/nlp.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, '..', 'tests', 'fixtures', 'articles');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs: number[]) => {
	const s = xs.slice().sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const time = (fn: () => void) => {
	const t0 = performance.now();
	fn();
	return performance.now() - t0;
};

const files = readdirSync(dir).filter((f) => /^\d+.*\.txt$/.test(f)).sort();
const rows: { article: string; words: number; generate: number; tokenize: number; questions: number }[] = [];
for (const f of files) {
	const text = readFileSync(join(dir, f), 'utf8');
	const words = text.split(/\s+/).filter(Boolean).length;
	let questions = 0;
	// warm up both paths so the figures are for a warm process
	for (let i = 0; i < 3; i++) {
		questions = generate(text, { count: 20, seed: 1 }).questions.length;
		nlp().readDoc(text).tokens().out();
	}
	const gen: number[] = [];
	const tok: number[] = [];
	for (let i = 0; i < runs; i++) {
		gen.push(time(() => generate(text, { count: 20, seed: 1 })));
		tok.push(time(() => nlp().readDoc(text).tokens().out()));
	}
	rows.push({ article: f, words, generate: median(gen), tokenize: median(tok), questions });
}

console.log(`${'article'.padEnd(36)} ${'words'.padStart(6)} ${'generate ms'.padStart(12)} ${'wink tokenise ms'.padStart(17)} ${'questions'.padStart(10)}`);
for (const r of rows) {
	console.log(`${r.article.padEnd(36)} ${String(r.words).padStart(6)} ${r.generate.toFixed(1).padStart(12)} ${r.tokenize.toFixed(1).padStart(17)} ${String(r.questions).padStart(10)}`);
}
const seed = rows.find((r) => r.article.startsWith('00-'));
if (seed) console.log(`\nseed article: ${seed.generate.toFixed(1)} ms median (budget 50 ms) ${seed.generate <= 50 ? 'OK' : 'OVER BUDGET'}`);
