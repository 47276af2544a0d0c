import type { Article } from '../analysis/article.js';
import type { SentenceView } from '../analysis/references.js';
import { randomFor, shuffle } from '../random.js';
import type { Candidate } from './candidate.js';
import { sentenceSpan } from './candidate.js';
import { nounPhraseEnd } from './gaps.js';
import { givesAway, normalize, renderTokens } from './render.js';

interface Definition {
	term: string;
	definition: string;
	si: number;
	/** The words of the article the definition is built from, when it is not copied whole. */
	stated?: string;
}

/**
 * Definitions written as a noun phrase, which textbooks test most:
 * "Commodity-backed currencies are dollar bills or other currencies with values backed up by gold ...",
 * "a double coincidence of wants, a situation in which two people each want ...",
 * "Barter—literally trading one good or service for another—is ...".
 */
export function findDefinitions(a: Article, views: (SentenceView | null)[]): Definition[] {
	const out: Definition[] = [];
	const { tokens } = a;
	for (const s of a.sentences) {
		const view = views[s.index];
		if (!view?.ok) continue;
		let k = s.first;
		for (const e of view.edits) if (e.first === k && !e.text) k = e.last;
		const named = (from: number, to: number) => a.mentionsBySent[s.index].some((m) => m.first < to && from < m.last);
		// "T is/are D"
		{
			let from = k;
			if (/^(a|an)$/.test(tokens[from]?.lower ?? '')) from++;
			const to = nounPhraseEnd(tokens, from, s.last);
			const verb = tokens[to];
			const next = tokens[to + 1];
			if (to - from >= 2 && to - from <= 5 && verb && /^(is|are)$/.test(verb.lower) && next && !named(from, to) && /^(DET|ADJ|NOUN)$/.test(next.pos) && !/^(the|this|that|these|those|not)$/.test(next.lower)) {
				// the definition ends where a second clause begins
				let end = to + 1;
				while (end < s.last && !/^[;.]$/.test(tokens[end].text) && !(tokens[end].text === ',' && /^(and|but|while|which)$/.test(tokens[end + 1]?.lower ?? '')) && !(tokens[end].lower === 'and' && /^(the|it|they)$/.test(tokens[end + 1]?.lower ?? ''))) end++;
				const def = renderTokens(a, to + 1, end, view.edits).replace(/[.!]+$/, '');
				add(out, a.text.slice(tokens[from].start, tokens[to - 1].end), def, s.index);
			}
			// "Fiat money has no intrinsic value, but is declared ...": a term of a heading, said what it has
			// or does → "money that has no intrinsic value, but is declared ..."
			const term = to > from ? a.text.slice(tokens[from].start, tokens[to - 1].end) : '';
			if (to - from >= 2 && to - from <= 4 && verb && /^(has|have|means|refers|consists|describes)$/.test(verb.lower) && !named(from, to) && headingTerm(a, term)) {
				let end = to + 1;
				while (end < s.last && !/^[;.]$/.test(tokens[end].text) && !(tokens[end].text === ',' && /^(and|which|while)$/.test(tokens[end + 1]?.lower ?? ''))) end++;
				const head = tokens[to - 1].lower;
				const pred = renderTokens(a, to, end, view.edits).replace(/[.!]+$/, '');
				add(out, term, `${head} that ${pred.charAt(0).toLowerCase()}${pred.slice(1)}`, s.index, pred.charAt(0).toLowerCase() + pred.slice(1));
			}
		}
		for (let x = s.first + 1; x < s.last - 3; x++) {
			const t = tokens[x];
			// "T, a situation in which ..."
			if (t.text === ',' && /^(a|an)$/.test(tokens[x + 1].lower)) {
				let rel = -1;
				for (let z = x + 2; z < Math.min(s.last - 1, x + 7); z++) {
					if ((/^(in|by|of)$/.test(tokens[z].lower) && tokens[z + 1]?.lower === 'which') || (/^(that|which|where|whereby)$/.test(tokens[z].lower) && tokens[z - 1].pos === 'NOUN')) {
						rel = z;
						break;
					}
					if (tokens[z].text === ',') break;
				}
				if (rel < 0) continue;
				let from = x;
				// "double coincidence of wants" ("wants" is tagged as a verb)
				if (tokens[x - 1].pos === 'VERB' && tokens[x - 2]?.lower === 'of') from = x - 1;
				while (from > s.first && (/^(ADJ|NOUN)$/.test(tokens[from - 1].pos) || (tokens[from - 1].lower === 'of' && tokens[from - 2]?.pos === 'NOUN'))) from--;
				if (from === x || named(from, x)) continue;
				let end = rel;
				while (end < s.last && !/^[;.]$/.test(tokens[end].text) && !(tokens[end].text === ',' && /^(and|but|while)$/.test(tokens[end + 1]?.lower ?? ''))) end++;
				add(out, a.text.slice(tokens[from].start, tokens[x - 1].end), renderTokens(a, x + 1, end, view.edits).replace(/[.!]+$/, ''), s.index);
			}
			// "T—literally D—"
			if (/^[—–]$/.test(t.text) && tokens[x + 1].lower === 'literally') {
				let end = x + 2;
				while (end < s.last && !/^[—–]$/.test(tokens[end].text)) end++;
				let from = x;
				while (from > s.first && /^(ADJ|NOUN|PROPN)$/.test(tokens[from - 1].pos)) from--;
				if (from < x && end < s.last) add(out, a.text.slice(tokens[from].start, tokens[x - 1].end), renderTokens(a, x + 2, end, []), s.index);
			}
		}
	}
	return out;
}

/** The term is what a heading of the article names ("Commodity versus Fiat Money"). */
function headingTerm(a: Article, term: string): boolean {
	const t = normalize(term);
	return a.blocks.some((b) => b.kind === 'heading' && ` ${normalize(a.text.slice(b.start, b.end))} `.includes(` ${t} `));
}

function add(out: Definition[], term: string, definition: string, si: number, stated?: string) {
	const words = definition.split(/\s+/).length;
	if (words < 4 || words > 26) return;
	if (givesAway(definition, [term])) return;
	if (out.some((d) => normalize(d.term) === normalize(term))) return;
	out.push({ term, definition: definition.charAt(0).toLowerCase() + definition.slice(1), si, stated });
}

/** "What is meant by “fiat money”?" with the article's other definitions as choices. */
export function definitionQuestions(a: Article, views: (SentenceView | null)[], seed: number | string): Candidate[] {
	const defs = definitionsOf.get(a.tokens) ?? findDefinitions(a, views);
	if (defs.length < 3) return [];
	const out: Candidate[] = [];
	for (const d of defs) {
		const others = defs.filter((o) => o !== d && !givesAway(o.definition, [d.term])).map((o) => o.definition);
		if (others.length < 2) continue;
		const rand = randomFor(seed, `def:${d.si}`);
		const chosen = shuffle(others, rand).slice(0, 3);
		const options = shuffle([d.definition, ...chosen], rand);
		const term = /^\p{Lu}\p{Ll}/u.test(d.term) && !a.mentions.some((m) => a.text.slice(m.start, m.end) === d.term) ? d.term.charAt(0).toLowerCase() + d.term.slice(1) : d.term;
		const prompt = `What is meant by “${term}”?`;
		const s = a.sentences[d.si];
		const source = sentenceSpan(a.text, s.start, s.end);
		const original = source.text.replace(/\s+/g, ' ').trim();
		out.push({
			type: 'multiple_choice',
			prompt,
			answer: d.definition,
			options,
			// (the article's own words, for a definition put together from them)
			accept: d.stated ? [d.stated] : [],
			explanation: `The article says: “${original}”`,
			sources: [source],
			sents: [d.si],
			fact: `${d.si}:def`,
			quality: 0.88 * (chosen.length >= 3 ? 1 : 0.9),
			penalty: 0,
			card: { front: prompt, back: `${d.definition}\n\n${original}` }
		});
	}
	return out;
}

const definitionsOf = new WeakMap<object, Definition[]>();

/** Finds the article's definitions once: their descriptions are also wrong choices for other long answers. */
export function saveDescriptions(a: Article, views: (SentenceView | null)[]): void {
	definitionsOf.set(a.tokens, findDefinitions(a, views));
}

/** The descriptions kept for this article (none before `saveDescriptions`). */
export function savedDescriptions(a: Article): string[] {
	return (definitionsOf.get(a.tokens) ?? []).map((d) => d.definition);
}
