import { analyse, type Article } from './analysis/article.js';
import { saveReferenceCounts, viewSentence, type SentenceView } from './analysis/references.js';
import { sentenceCentrality } from './centrality.js';
import { validateText } from './input/validate.js';
import type { Candidate } from './questions/candidate.js';
import { questionsFromGaps } from './questions/from-gaps.js';
import { findGaps, type Gap } from './questions/gaps.js';
import { orderingQuestions } from './questions/ordering.js';
import { definitionQuestions, saveDescriptions } from './questions/definitions.js';
import { nativeNameQuestions } from './questions/native-names.js';
import { whoSaidQuestions } from './questions/who-said.js';
import { predicateQuestions } from './questions/predicates.js';
import { namingQuestions } from './questions/naming.js';
import { listQuestions } from './questions/lists.js';
import { semicolonClauses, standaloneClause } from './questions/clauses.js';
import { narrowAroundReference } from './questions/trim.js';
import { selectQuestions } from './rank.js';
import { normalize } from './questions/render.js';
import type { GenerateOptions, GeneratedQuestion, GenerationResult } from './types.js';

/**
 * Generates ranked questions from an article's plain text (or Markdown with
 * `markdown: true`). Pure and synchronous: the same text and seed give the same result.
 */
export function generate(text: string, opts: GenerateOptions & { markdown?: boolean } = {}): GenerationResult {
	validateText(text);
	const a = analyse(text, { markdown: opts.markdown, title: opts.title });
	const seed = opts.seed ?? 0;
	const count = opts.count === undefined ? 20 : opts.count === 0 || !Number.isFinite(opts.count) ? Infinity : Math.max(0, Math.floor(opts.count));
	let picked = selectQuestions(allCandidates(a, seed, count), count);
	// an article of some length always gets ten questions: if the strict reading gives fewer,
	// a more forgiving one fills the list (its questions rank below the strict ones)
	const wanted = Math.min(count, 10);
	const words = text.split(/\s+/).filter(Boolean).length;
	if (picked.length < wanted && words >= 400) {
		const lenient = selectQuestions(allCandidates({ ...a, lenient: true }, seed, Infinity), Infinity);
		const have = new Set(picked.map((q) => q.prompt));
		const facts = new Set(picked.map((q) => q.fact));
		const key = (q: Candidate) => ` ${normalize(Array.isArray(q.answer) ? q.answer.join(' ') : q.answer)} `;
		const clash = (q: Candidate) => picked.some((p) => p.sents[0] === q.sents[0] && (key(p).includes(key(q)) || key(q).includes(key(p))));
		const extra = lenient.filter((q) => !have.has(q.prompt) && !facts.has(q.fact) && !clash(q));
		const floor = picked.length ? picked[picked.length - 1].score : 1;
		picked = [...picked, ...extra.slice(0, wanted - picked.length).map((q) => ({ ...q, score: Math.min(q.score, floor) }))];
	}
	return { title: a.title || opts.title || 'Untitled article', questions: picked.map((c, i) => toQuestion(c, i)) };
}

export function allCandidates(a: Article, seed: number | string, count = Infinity): (Candidate & { score: number })[] {
	const memo = new Map<number, SentenceView>();
	const views: (SentenceView | null)[] = a.sentences.map((s) => viewSentence(a, s.index, memo));
	const centrality = sentenceCentrality(a);
	saveDescriptions(a, views);
	saveReferenceCounts(a, views);
	const gapsBySent: Gap[][] = a.sentences.map((s) => (views[s.index]?.ok ? findGaps(a, s.index) : []));
	const pool = gapsBySent.flat();
	const out: Candidate[] = [];
	// Sentences are asked about most central first. For a short list, the rest are left out
	// once they cannot score as high as plenty of questions already made: no question of a
	// sentence scores above half its centrality plus half the best quality.
	const order = a.sentences.map((s) => s.index).sort((x, y) => centrality[y] - centrality[x] || x - y);
	const scoreOf = (c: Candidate) => 0.5 * Math.max(...c.sents.map((si) => centrality[si] ?? 0)) + 0.5 * c.quality - c.penalty;
	const enough = Number.isFinite(count) ? Math.max(60, count * 4) : Infinity;
	const made: number[] = [];
	for (const si of order) {
		if (made.length >= enough) {
			made.sort((x, y) => y - x);
			if (made[enough - 1] > 0.5 * centrality[si] + 0.55) break;
		}
		const before = out.length;
		const s = a.sentences[si];
		const view = views[s.index];
		if (!view?.ok) {
			// a sentence whose main clause cannot stand alone may hold a clause that can
			const clause = (view?.reason?.startsWith('unresolved') ? standaloneClause(a, s.index) : null) ?? (view ? narrowAroundReference(a, s.index, view) : null);
			if (clause) out.push(...questionsFromGaps(clause.article, s.index, clause.view, findGaps(clause.article, s.index), pool, seed).map((q) => wholeSentence(a, q)));
			for (let k = before; k < out.length; k++) made.push(scoreOf(out[k]));
			continue;
		}
		const clauses = semicolonClauses(a, s.index);
		if (clauses.length) {
			for (const c of clauses) {
				const qs = c.view
					? questionsFromGaps(c.article, s.index, c.view, findGaps(c.article, s.index), pool, seed)
					: questionsFromGaps(a, s.index, view, gapsBySent[s.index].filter((g) => g.first >= c.first && g.last <= c.last), pool, seed);
				// a question asked within the whole sentence shows every clause, so it takes the whole sentence
				for (const q of qs) out.push(c.view ? { ...wholeSentence(a, q), clause: c.unit } : q);
			}
			for (let k = before; k < out.length; k++) made.push(scoreOf(out[k]));
			continue;
		}
		out.push(...questionsFromGaps(a, s.index, view, gapsBySent[s.index], pool, seed));
		for (let k = before; k < out.length; k++) made.push(scoreOf(out[k]));
	}
	out.push(...whoSaidQuestions(a, seed));
	out.push(...orderingQuestions(a, views, centrality, seed));
	out.push(...definitionQuestions(a, views, seed));
	out.push(...nativeNameQuestions(a, views));
	out.push(...predicateQuestions(a, views, seed));
	// the terms the article defines or names, as wrong choices for one another
	const terms = pool.filter((g) => g.kind === 'term' && g.quality >= 0.85 && !/[“”"]/.test(g.answer) && !a.quotations.some((q) => q.first <= g.first && g.last <= q.last)).map((g) => g.answer);
	out.push(...namingQuestions(a, views, seed, terms));
	// (a list of the article's terms may take any of its terms as a wrong item)
	const allTerms = [...new Set(pool.filter((g) => (g.kind === 'term' || (g.kind === 'phrase' && /\s/.test(g.answer))) && !/[“”"]/.test(g.answer)).map((g) => g.answer))];
	out.push(...listQuestions(a, views, seed, allTerms));
	const scored = out.map((c) => {
		const central = Math.max(...c.sents.map((si) => centrality[si] ?? 0));
		const score = Math.max(0, Math.min(1, 0.5 * central + 0.5 * c.quality - c.penalty));
		return { ...c, score: Math.round(score * 1000) / 1000 };
	});
	// a statement to judge is asked of a sentence only where no better question is: it never
	// outranks a question on its own sentence
	const best = new Map<number, number>();
	for (const c of scored) if (c.type !== 'true_false') best.set(c.sents[0], Math.max(best.get(c.sents[0]) ?? 0, c.score));
	return scored.map((c) => (c.type === 'true_false' && best.has(c.sents[0]) ? { ...c, score: Math.min(c.score, Math.round((best.get(c.sents[0])! - 0.1) * 1000) / 1000) } : c));
}

/**
 * A question asked of one clause still points to, and explains with, the whole
 * sentence: that is what a reader sees highlighted and what the card's back shows.
 */
function wholeSentence(a: Article, q: Candidate): Candidate {
	const s = a.sentences[q.sents[0]];
	const source = { start: s.start, end: s.end, text: a.text.slice(s.start, s.end) };
	const part = q.sources[0].text.replace(/\s+/g, ' ').trim();
	const full = source.text.replace(/\s+/g, ' ').trim();
	return {
		...q,
		sources: [source],
		explanation: q.explanation.replace(part, full),
		card: { front: q.card.front, back: q.card.back.replace(part, full) }
	};
}

function toQuestion(c: Candidate & { score: number }, i: number): GeneratedQuestion {
	const q: GeneratedQuestion = {
		id: `q${i + 1}`,
		type: c.type,
		prompt: c.prompt,
		answer: c.answer,
		options: c.options,
		accept: c.accept,
		explanation: c.explanation,
		sources: c.sources,
		score: c.score,
		card: c.card
	};
	if (c.type === 'numeric') {
		q.value = c.value;
		q.tolerance = c.tolerance;
		if (c.unit) q.unit = c.unit;
	}
	return q;
}
