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
		const blockStart = sentences.length;
		doc.sentences().each((s: { out: (x: unknown) => unknown }) => {
			const [a, z] = s.out(its.span) as [number, number];
			let first = map[a];
			const last = map[z + 1] ?? tokens.length;
			while (first < last && tokens[first].start < 0) first++;
			if (last <= first) return;
			const prev = sentences.length > blockStart ? sentences[sentences.length - 1] : undefined;
			// "Michael Shadlen, Ph. | D., of Columbia", "that "a-ha!" | moment occur?": not a new sentence
			if (prev && continues(tokens, prev.last, first)) {
				prev.last = last;
				prev.end = tokens[last - 1].end;
				return;
			}
			const index = sentences.length;
			sentences.push({ index, block: b, para: block.para, first, last, start: tokens[first].start, end: tokens[last - 1].end });
		});
		for (let k = blockStart; k < sentences.length; k++) for (let t = sentences[k].first; t < sentences[k].last; t++) tokens[t].sent = k;
		void base;
	});
	return { tokens, sentences };
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = /^(ph|dr|mr|mrs|ms|st|jr|sr|prof|gen|lt|col|sgt|capt|gov|sen|rep|rev|mt|no|vs|etc|e\.g|i\.e|u\.s|u\.k|inc|ltd|co|corp|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|fig|vol|ed|eds|approx|dept|univ|ave|blvd|ft|est)$/i;

/** True when the sentence the tagger starts at `next` goes on the one that ends before `end`. */
function continues(tokens: Token[], end: number, next: number): boolean {
	const first = tokens[next];
	const last = tokens[end - 1];
	if (!first || !last) return false;
	// a sentence never starts with a small letter ("moment occur?") or with "D., of ..."
	if (/^\p{Ll}/u.test(first.text)) return true;
	if (/^\p{Lu}\.$/u.test(first.text) && tokens[next + 1]?.text === ',') return true;
	const stop = last.text === '.' ? tokens[end - 2] : last;
	const word = (last.text === '.' ? stop?.text : last.text.replace(/\.$/, '')) ?? '';
	if (!/\.$/.test(last.text)) return false;
	// an initial ("Mortimer B. Zuckerman") or an abbreviation ("Ph.", "Dr.")
	return /^\p{Lu}$/u.test(word) || ABBREVIATIONS.test(word);
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
