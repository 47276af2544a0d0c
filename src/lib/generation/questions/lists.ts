import type { Article } from '../analysis/article.js';
import type { SentenceView } from '../analysis/references.js';
import type { Token } from '../analysis/tokens.js';
import { randomFor, shuffle } from '../random.js';
import type { Candidate } from './candidate.js';
import { sentenceSpan } from './candidate.js';
import { isArticleSubject, wordGivesAway } from './giveaway.js';
import { asStatement, BLANK, normalize, renderTokens } from './render.js';
import { trimAround } from './trim.js';

/** One item of an enumeration: tokens [first, last), its text without brackets. */
interface Item {
	first: number;
	last: number;
	text: string;
	/** The entity the item names, when it is one name. */
	entity?: number;
}

/** "English, Māori, and New Zealand Sign Language": the items and the words between them. */
export interface Enumeration {
	si: number;
	first: number;
	last: number;
	items: Item[];
	/** The words that join the last item ("and", "or", "and even"). */
	joiner: string;
}

const DET = /^(a|an|the)$/;

/**
 * Enumerations a teacher asks for as a whole ("What are the official languages?"): three
 * or more short noun phrases, or two after "two", that complete a clause (after "are",
 * "include", a colon or a dash, or as a verb's object) rather than sit inside a longer phrase.
 */
export function findEnumerations(a: Article, views: (SentenceView | null)[]): Enumeration[] {
	const out: Enumeration[] = [];
	const { tokens } = a;
	for (const s of a.sentences) {
		if (!views[s.index]?.ok) continue;
		for (let k = s.first + 1; k < s.last - 4; k++) {
			const lead = tokens[k - 1];
			// the list completes what comes before: a verb, "is a", a colon or a dash
			const opens = /^(VERB|AUX)$/.test(lead.pos) || /^[:—–]$/.test(lead.text) || (DET.test(lead.lower) && /^(is|are|was|were)$/.test(tokens[k - 2]?.lower ?? ''));
			if (!opens || out.some((e) => e.si === s.index && k < e.last)) continue;
			if (a.quotations.some((q) => q.first <= k && k < q.last)) continue;
			const e = enumerationAt(a, s.index, k);
			if (e) {
				out.push(e);
				k = e.last;
			}
		}
	}
	return out;
}

function enumerationAt(a: Article, si: number, start: number): Enumeration | null {
	const { tokens } = a;
	const s = a.sentences[si];
	const items: Item[] = [];
	let k = start;
	let joiner = '';
	for (let guard = 0; guard < 10; guard++) {
		const end = itemEnd(tokens, k, s.last);
		if (end <= k) return null;
		items.push(item(a, si, k, end));
		let z = end;
		if (tokens[z]?.text === ',') z++;
		// "and", "or", "and even"
		const j = z;
		if (/^(and|or)$/.test(tokens[z]?.lower ?? '')) {
			z++;
			if (/^(even|also|finally)$/.test(tokens[z]?.lower ?? '')) z++;
			joiner = a.text.slice(tokens[j].start, tokens[z - 1].end);
			const lastEnd = itemEnd(tokens, z, s.last, true);
			if (lastEnd <= z) return null;
			items.push(item(a, si, z, lastEnd));
			const after = tokens[lastEnd];
			// the list ends the clause: a full stop, a comma, a dash, or "as ..." / "with ..."
			if (after && !/^[.,;:—–)]$/.test(after.text) && !/^(as|with|in|to|for)$/.test(after.lower)) return null;
			break;
		}
		if (z === end || tokens[z - 1]?.text !== ',') return null;
		k = z;
	}
	if (!joiner) return null;
	const two = items.length === 2 && tokens.slice(s.first, start).some((t) => t.lower === 'two');
	if (items.length < 3 && !two) return null;
	// items of one kind: all names or all common noun phrases, of similar length
	const named = items.filter((x) => x.entity !== undefined).length;
	if (named > 0 && named < items.length) return null;
	// items of like length: "safety, security and reliability requirements" shares one head, it lists no things
	const lengths = items.map((x) => x.text.replace(/^(the|a|an|even)\s+/i, '').split(/\s+/).length);
	if (!named && (Math.max(...lengths) > 5 || Math.max(...lengths) > 2 * Math.min(...lengths) + 1)) return null;
	if (!named && /^(NOUN|PROPN)$/.test(tokens[items[items.length - 1].last]?.pos ?? '')) return null;
	if (items.some((x) => !/\p{L}{2}/u.test(x.text))) return null;
	return { si, first: start, last: items[items.length - 1].last, items, joiner };
}

/** Where a noun phrase item starting at `k` ends: before a comma, "and"/"or", or the clause's end. */
function itemEnd(tokens: Token[], k: number, last: number, final = false): number {
	// an item is a noun phrase: "at Wimbledon", "used gold" start something else
	if (/^(ADP|VERB|AUX|SCONJ|CCONJ|PART)$/.test(tokens[k]?.pos ?? '')) return -1;
	let z = k;
	let depth = 0;
	while (z < last) {
		const t = tokens[z];
		if (t.text === '(') depth++;
		else if (t.text === ')') depth = Math.max(0, depth - 1);
		else if (!depth && (/^[,;:.—–]$/.test(t.text) || /^(and|or)$/.test(t.lower))) break;
		// "cocoa beans | as money": the last item ends where the clause goes on
		else if (!depth && final && z > k && /^(as|with|in|to|for|from|at|on|by)$/.test(t.lower)) break;
		// (a participle before its noun is part of the item: "deferred payment")
		else if (!depth && (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.pos === 'PRON') && !(t.pos === 'VERB' && /(ed|ing|en)$/.test(t.lower) && /^(NOUN|PROPN)$/.test(tokens[z + 1]?.pos ?? ''))) return -1;
		z++;
	}
	if (depth) return -1;
	const words = outsideBrackets(tokens, k, z);
	if (!words.some((t) => /^(NOUN|PROPN)$/.test(t.pos)) || words.length > 7) return -1;
	return z;
}

function outsideBrackets(tokens: Token[], first: number, last: number): Token[] {
	const out: Token[] = [];
	let depth = 0;
	for (let k = first; k < last; k++) {
		if (tokens[k].text === '(') depth++;
		else if (tokens[k].text === ')') depth = Math.max(0, depth - 1);
		else if (!depth) out.push(tokens[k]);
	}
	return out;
}

function item(a: Article, si: number, first: number, last: number): Item {
	// the words as written, without brackets ("the North Island (Te Ika-a-Māui)")
	const text = a.text.slice(a.tokens[first].start, a.tokens[last - 1].end).replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
	const m = a.mentionsBySent[si].find((x) => x.first <= first + 1 && x.last >= last - 0 && x.first >= first);
	const bare = DET.test(a.tokens[first].lower) ? first + 1 : first;
	const whole = a.mentionsBySent[si].find((x) => x.first === bare && (x.last === last || a.tokens[x.last]?.text === '('));
	return { first, last, text, entity: (whole ?? m)?.entity };
}

/**
 * "The official languages are _____." with the list as written and lists with one item
 * changed for another of the article's names or terms of the same kind as the wrong
 * choices. Asked only where such alternatives exist and none of them is also in the list.
 */
export function listQuestions(a: Article, views: (SentenceView | null)[], seed: number | string, terms: string[] = []): Candidate[] {
	const lists = findEnumerations(a, views);
	const out: Candidate[] = [];
	for (const e of lists) {
		const view = views[e.si]!;
		const s = a.sentences[e.si];
		const span = trimAround(a, e.si, view, e.first, e.last);
		const edits = [...view.edits, ...span.edits];
		const prompt = asStatement(renderTokens(a, span.first, span.last, [...edits, { first: e.first, last: e.last, text: BLANK }]));
		if (!prompt.includes(BLANK) || prompt.split(/\s+/).length < 5) continue;
		const answer = renderList(e.items.map((x) => x.text), e.joiner);
		if (e.items.some((x) => wordGivesAway(prompt, x.text))) continue;
		if (e.items.every((x) => x.entity !== undefined && isArticleSubject(a, { si: e.si, first: x.first, last: x.last, answer: x.text, kind: 'entity', entity: x.entity, accept: [], quality: 0 }))) continue;
		const rand = randomFor(seed, `list:${e.si}:${e.first}`);
		const swaps = alternatives(a, e, lists, terms);
		if (swaps.length < 2) continue;
		// each wrong list changes one item (a different one each time) for an alternative
		const wrong: string[] = [];
		const order = shuffle(e.items.map((_, i) => i), rand);
		const pool = shuffle(swaps, rand);
		for (let n = 0; n < 3 && n < pool.length; n++) {
			const texts = e.items.map((x) => x.text);
			texts[order[n % order.length]] = pool[n];
			const w = renderList(texts, e.joiner);
			if (!wrong.includes(w) && normalize(w) !== normalize(answer)) wrong.push(w);
		}
		if (wrong.length < 2) continue;
		const options = shuffle([answer, ...wrong], rand);
		const source = sentenceSpan(a.text, s.start, s.end);
		const original = source.text.replace(/\s+/g, ' ').trim();
		out.push({
			type: 'multiple_choice',
			prompt,
			answer,
			options,
			accept: [],
			explanation: `The article says: “${original}”`,
			sources: [source],
			sents: [e.si],
			fact: `${e.si}:list`,
			quality: 0.86 * (wrong.length >= 3 ? 1 : 0.92),
			penalty: Math.max(0, prompt.split(/\s+/).length - 24) * 0.006 + Math.max(0, answer.split(/\s+/).length - 12) * 0.01,
			card: { front: prompt, back: `${answer}\n\n${original}` }
		});
	}
	return out;
}

const COMMON_LANGUAGES = ['French', 'Spanish', 'German', 'Portuguese', 'Arabic', 'Mandarin', 'Russian', 'Italian', 'Dutch', 'Hindi', 'Japanese', 'Swahili'];

function renderList(items: string[], joiner: string): string {
	if (items.length === 2) return `${items[0]} ${joiner} ${items[1]}`;
	return `${items.slice(0, -1).join(', ')}, ${joiner} ${items[items.length - 1]}`;
}

/**
 * Items of the same kind the article names elsewhere and this list does not hold: names
 * of the same class, or the items of its other lists and its key terms for a list of terms.
 */
function alternatives(a: Article, e: Enumeration, lists: Enumeration[], terms: string[]): string[] {
	const inList = new Set(e.items.map((x) => normalize(x.text.replace(/^(the|a|an|even)\s+/i, ''))));
	const sentence = ` ${normalize(a.text.slice(a.sentences[e.si].start, a.sentences[e.si].end))} `;
	const out = new Map<string, string>();
	const add = (text: string) => {
		const n = normalize(text.replace(/^(the|a|an|even)\s+/i, ''));
		if (!n || inList.has(n) || sentence.includes(` ${n} `) || out.has(n)) return;
		// ("function of money" among the functions of money the sentence speaks of)
		if (wordGivesAway(sentence, text)) return;
		// one item inside another ("Island" and "North Island") would be no fair change
		for (const x of inList) if (x.includes(n) || n.includes(x)) return;
		out.set(n, text);
	};
	const named = e.items.every((x) => x.entity !== undefined);
	// languages among languages: the world's best-known ones when the article names no others
	if (named && e.items.every((x) => a.entities[x.entity!].cls === 'language')) for (const l of COMMON_LANGUAGES) add(l);
	if (named) {
		const classes = new Set(e.items.map((x) => a.entities[x.entity!].cls));
		const kindOf = (en: { placeKind?: string; head: string }) => en.placeKind ?? en.head.toLowerCase().replace(/s$/, '');
		const kinds = new Set(e.items.map((x) => kindOf(a.entities[x.entity!])));
		for (const en of a.entities) {
			if (!en.mentions.length || !classes.has(en.cls) || e.items.some((x) => x.entity === en.id)) continue;
			// a place among places of its kind: islands among islands, languages among languages
			if (en.cls === 'place' && !kinds.has(kindOf(en))) continue;
			if (!/\s/.test(en.name) && en.mentions.length < 1) continue;
			const withThe = e.items.every((x) => /^the\s/i.test(x.text)) && !/^the\s/i.test(en.name) ? `the ${en.name}` : en.name;
			add(withThe);
		}
	} else {
		const len = (t: string) => t.split(/\s+/).length;
		const lengths = e.items.map((x) => len(x.text.replace(/^(the|a|an|even)\s+/i, '')));
		const lo = Math.min(...lengths);
		const hi = Math.max(...lengths);
		// the article's key terms, for a list of its terms ("medium of exchange, store of value, ..."):
		// a list of other things ("gold, silver, cowrie shells") has no fair rivals among them
		const termSet = new Set(terms.map((t) => normalize(t.replace(/^(the|a|an)\s+/i, ''))));
		const minLen = Math.max(2, lo - 1);
		if (e.items.filter((x) => termSet.has(normalize(x.text.replace(/^(the|a|an|even)\s+/i, '')))).length * 2 >= e.items.length) {
			for (const t of terms) if (len(t) >= minLen && len(t) <= hi + 1 && /^\p{Ll}/u.test(t)) add(t);
			return [...out.values()];
		}
		// a list of plain things ("sunlight, carbon dioxide, and water") has no fair rivals without
		// knowing what kind of things they are: other nouns of the article make absurd choices
		return [];
	}
	return [...out.values()];
}
