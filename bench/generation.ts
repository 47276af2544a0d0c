// The generator bench: the median time to generate questions for each development
// article in one warm process, beside the median time wink-nlp (the NLP library the
// generator uses) takes merely to tokenise the same text. Used by `npm run bench` and
// `npm run bench:generate`.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../src/lib/generation/index.js';
import { nlp } from '../src/lib/generation/analysis/nlp.js';

export const ARTICLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'articles');
/** The budget for the 1,500-word seed article (PRODUCT.md). */
export const SEED_BUDGET_MS = 50;

export type GenerationRow = { article: string; words: number; generateMs: number; tokenizeMs: number; questions: number };
export type GenerationFigures = {
	runs: number;
	articles: GenerationRow[];
	/** Medians over the articles' medians. */
	medianGenerateMs: number;
	medianTokenizeMs: number;
	/** The seed article (00-…): its median, and whether it is within SEED_BUDGET_MS. */
	seedArticleMs: number | null;
	seedBudgetMs: number;
};

export function median(xs: readonly number[]): number {
	if (!xs.length) return NaN;
	const s = xs.slice().sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(fn: () => void): number {
	const t0 = performance.now();
	fn();
	return performance.now() - t0;
}

/** The development articles (tests/fixtures/articles/NN-*.txt), in name order. */
export function developmentArticles(): { name: string; text: string }[] {
	return readdirSync(ARTICLES_DIR)
		.filter((f) => /^\d+.*\.txt$/.test(f))
		.sort()
		.map((name) => ({ name, text: readFileSync(join(ARTICLES_DIR, name), 'utf8') }));
}

export function measureGeneration(runs = 15): GenerationFigures {
	const rows: GenerationRow[] = [];
	for (const { name, text } of developmentArticles()) {
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
		rows.push({ article: name, words, generateMs: median(gen), tokenizeMs: median(tok), questions });
	}
	const seed = rows.find((r) => r.article.startsWith('00-'));
	return {
		runs,
		articles: rows,
		medianGenerateMs: median(rows.map((r) => r.generateMs)),
		medianTokenizeMs: median(rows.map((r) => r.tokenizeMs)),
		seedArticleMs: seed ? seed.generateMs : null,
		seedBudgetMs: SEED_BUDGET_MS
	};
}

export function generationTable(g: GenerationFigures): string {
	const lines = [
		`${'article'.padEnd(36)} ${'words'.padStart(6)} ${'generate ms'.padStart(12)} ${'wink tokenise ms'.padStart(17)} ${'questions'.padStart(10)}`
	];
	for (const r of g.articles) {
		lines.push(
			`${r.article.padEnd(36)} ${String(r.words).padStart(6)} ${r.generateMs.toFixed(1).padStart(12)} ${r.tokenizeMs.toFixed(1).padStart(17)} ${String(r.questions).padStart(10)}`
		);
	}
	if (g.seedArticleMs !== null) {
		lines.push(
			`seed article: ${g.seedArticleMs.toFixed(1)} ms median (budget ${g.seedBudgetMs} ms) ${g.seedArticleMs <= g.seedBudgetMs ? 'OK' : 'OVER BUDGET'}`
		);
	}
	return lines.join('\n');
}
