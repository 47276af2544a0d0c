import { nlp } from './nlp.js';
import type { Block } from './clean.js';

export interface Token {
	/** Index in the document's token array. */
	i: number;
	text: string;
	lower: string;
	lemma: string;
	/** Universal POS tag from wink (NOUN, PROPN, VERB, ...). */
	pos: string;
	/** wink token type: word, number, punctuation, currency, ordinal, decade, ... */
	type: string;
	start: number;
	end: number;
	/** Whether whitespace separates this token from the previous one. */
	space: boolean;
	sent: number;
}

export interface Sentence {
	index: number;
	block: number;
	para: number;
	/** Token range [first, last). */
	first: number;
	last: number;
	start: number;
	end: number;
}

export interface TokenizedDoc {
	tokens: Token[];
	sentences: Sentence[];
}

/** Tokenises and tags each body block, keeping offsets into the original text. */
export function tokenize(text: string, blocks: Block[]): TokenizedDoc {
	const { its } = nlp();
	const tokens: Token[] = [];
	const sentences: Sentence[] = [];
	blocks.forEach((block, b) => {
		if (block.kind !== 'body') return;
		const source = text.slice(block.start, block.end);
		// wink splits words at letters with diacritics ("Māori" → "M", "ā", "ori"); give it
		// the plain letters, one for one, so offsets stay the same
		const doc = nlp().readDoc(foldDiacritics(source));
		const tk = doc.tokens();
		const values = tk.out() as string[];
		const pos = tk.out(its.pos) as string[];
		const types = tk.out(its.type) as string[];
		// wink's typings declare its.lemma with the model-addon signature out() does not accept
		const lemmas = (tk.out as (f: unknown) => string[])(its.lemma);
		const base = tokens.length;
		const folded = foldDiacritics(source);
		let cursor = 0;
		const local: Token[] = [];
		for (let k = 0; k < values.length; k++) {
			const v = values[k];
			if (types[k] === 'tabCRLF' || !v.trim()) {
				local.push(placeholder());
				continue;
			}
			let at = folded.indexOf(v, cursor);
			// wink normalises a few tokens; fall back to the next non-space character
			if (at < 0 || at - cursor > 40) {
				at = cursor;
				while (at < source.length && /\s/.test(source[at])) at++;
			}
			const end = Math.min(source.length, at + v.length);
			local.push({
				i: 0,
				text: source.slice(at, end),
				lower: source.slice(at, end).toLowerCase(),
				lemma: lemmas[k] ?? v.toLowerCase(),
				pos: pos[k],
				type: types[k],
				start: block.start + at,
				end: block.start + end,
				space: at > 0 && /\s/.test(source[at - 1]),
				sent: -1
			});
			cursor = end;
		}
		// keep only real tokens, remember the mapping for sentence spans
		const map: number[] = [];
		for (const t of local) {
			map.push(tokens.length);
			if (t.start >= 0) {
				t.i = tokens.length;
				tokens.push(t);
			}
		}
		map.push(tokens.length);
		const spans: [number, number][] = [];
		doc.sentences().each((s: { out: (x: unknown) => unknown }) => {
			const [a, z] = s.out(its.span) as [number, number];
			let first = map[a];
			const last = map[z + 1] ?? tokens.length;
			while (first < last && tokens[first].start < 0) first++;
			if (last <= first) return;
			spans.push([first, last]);
		});
		for (const [first, last] of joinFalseBreaks(tokens, splitAfterUnits(tokens, spans))) {
			const index = sentences.length;
			for (let t = first; t < last; t++) tokens[t].sent = index;
			sentences.push({ index, block: b, para: block.para, first, last, start: tokens[first].start, end: tokens[last - 1].end });
		}
		void base;
	});
	return { tokens, sentences };
}

// Abbreviations after which a full stop does not end a sentence ("Michael Shadlen, Ph.D., of ...").
// Only words that never end a sentence: "in the U.S. The ..." may well end one.
const ABBREVIATIONS = new Set(['ph', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'rev', 'gov', 'sen', 'rep', 'no', 'vs', 'e.g', 'i.e', 'approx', 'ca', 'c', 'fig', 'vol', 'mt']);

/**
 * Joins sentences the tagger split at a full stop that does not end one: after an
 * abbreviation or an initial ("Ph.D., of ...", "Mortimer B. Zuckerman"), or at a "!" or
 * "?" inside a quotation that the sentence goes on after ("that "a-ha!" moment occur?").
 */
export function joinFalseBreaks(tokens: Token[], spans: [number, number][]): [number, number][] {
	const out: [number, number][] = [];
	for (const span of spans) {
		const prev = out[out.length - 1];
		if (prev && continues(tokens, prev[0], prev[1], span[0])) prev[1] = span[1];
		else out.push([span[0], span[1]]);
	}
	return out;
}

/**
 * Splits where a unit symbol with a full stop ends a sentence the tagger ran on:
 * "... 1.6 × 10⁻¹⁹ C. Millikan concluded ..." ("C." is coulombs, not an initial).
 */
function splitAfterUnits(tokens: Token[], spans: [number, number][]): [number, number][] {
	const out: [number, number][] = [];
	for (const [first, last] of spans) {
		let from = first;
		for (let k = first + 1; k < last - 1; k++) {
			const t = tokens[k];
			if (/^\p{Lu}\.$/u.test(t.text) && /[\d⁰¹²³⁴⁵⁶⁷⁸⁹]$/.test(tokens[k - 1].text) && /^\p{Lu}\p{Ll}/u.test(tokens[k + 1].text)) {
				out.push([from, k + 1]);
				from = k + 1;
			}
		}
		out.push([from, last]);
	}
	return out;
}

function continues(tokens: Token[], prevFirst: number, prevLast: number, next: number): boolean {
	const head = tokens[next];
	if (!head) return false;
	// the next part starts with a lower-case word: "moment occur?", "and left."
	if (/^\p{Ll}/u.test(head.text) && head.type === 'word') return true;
	// "D., of Columbia University": the rest of "Ph.D."
	if (/^\p{Lu}\.$/u.test(head.text) && /^[,;:)]$/.test(tokens[next + 1]?.text ?? '')) return true;
	const end = tokens[prevLast - 1];
	const word = end?.text === '.' ? tokens[prevLast - 2] : end;
	if (!word || prevLast - prevFirst < 2) return false;
	const bare = word.text.replace(/\.$/, '').toLowerCase();
	if (end.text === '.' || /\.$/.test(word.text)) {
		// "No. 5", "c. 1255": only before a number
		if (ABBREVIATIONS.has(bare) && (!/^(no|c|ca|fig|vol)$/.test(bare) || /^\d/.test(head.text))) return true;
		// an initial inside a name: "Mortimer B. Zuckerman"
		const before = tokens[word.i - 1];
		if (/^\p{Lu}$/u.test(bare.toUpperCase()) && /^\p{Lu}$/u.test(word.text.replace(/\.$/, '')) && before && /^\p{Lu}\p{Ll}+$/u.test(before.text) && /^\p{Lu}\p{Ll}/u.test(head.text) && tokens[next + 1] && /^(\p{Lu}|\p{Ll})/u.test(tokens[next + 1].text)) return true;
	}
	return false;
}

const foldCache = new Map<string, string>();

/** Replaces each accented letter by its base letter when that keeps the length. */
export function foldDiacritics(s: string): string {
	if (!/[\u00c0-\u024f\u1e00-\u1eff]/.test(s)) return s;
	let out = '';
	for (const ch of s) {
		let f = foldCache.get(ch);
		if (f === undefined) {
			const base = ch.normalize('NFD')[0];
			f = base.length === ch.length && /[a-zA-Z]/.test(base) && /[\u00c0-\u024f\u1e00-\u1eff]/.test(ch) ? base : ch;
			foldCache.set(ch, f);
		}
		out += f;
	}
	return out;
}

function placeholder(): Token {
	return { i: -1, text: '', lower: '', lemma: '', pos: 'SPACE', type: 'space', start: -1, end: -1, space: false, sent: -1 };
}
