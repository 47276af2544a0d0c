import type { Article } from '../analysis/article.js';
import { pronounGender, type Gender } from '../analysis/agreement.js';
import { placeOfDemonym, synonymKey } from '../knowledge/demonyms.js';
import type { Gap } from './gaps.js';
import { stem } from './giveaway.js';
import { BLANK, normalize } from './render.js';

/**
 * Checks that a choice fits where the key stands: the gender the prompt gives the
 * blank, the dates around it, the number of the key's noun, the period the article is
 * set in, and that it is not the key under another name.
 */

/**
 * The gender the prompt gives the person in the blank: "the first man since ...",
 * "as _____ captivated SW19, ... as she battled". Pronouns in quotations and
 * pronouns of both genders tell nothing.
 */
export function contextGender(prompt: string): Gender | undefined {
	const bare = prompt.replace(/[“"][^”"]*[”"]/g, ' ');
	const words = bare.toLowerCase().match(/[\p{L}’']+/gu) ?? [];
	const g = new Set<Gender>();
	for (const w of words) {
		const p = pronounGender(w);
		if (p) g.add(p);
	}
	const text = ` ${bare.toLowerCase()} `;
	// "Mr. _____", "Mrs _____"
	if (/\bmr\.? _____/.test(text)) g.add('m');
	if (/\b(mrs|ms|miss)\.? _____/.test(text)) g.add('f');
	if (/\b(first|only|last) (man|men)\b|\bmen['’]s\b|\bhimself\b/.test(text)) g.add('m');
	if (/\b(first|only|last) (woman|women)\b|\bwomen['’]s\b|\bherself\b/.test(text)) g.add('f');
	return g.size === 1 ? [...g][0] : undefined;
}

/**
 * Bounds the other dates of the prompt put on a year in the blank: "from _____ until
 * May 1945" (before 1945), "from 1952 until _____" (after 1952), "launched in 2021,
 * with ... due to follow in _____" (after 2021).
 */
export function yearBounds(prompt: string): { min?: number; max?: number } {
	const at = prompt.indexOf(BLANK);
	if (at < 0) return {};
	const before = prompt.slice(0, at);
	const after = prompt.slice(at + BLANK.length);
	const years = (s: string) => [...s.matchAll(/\b(1\d{3}|20\d{2})\b/g)].map((m) => Number(m[1]));
	const out: { min?: number; max?: number } = {};
	// "from _____ until/to/till ... 1945", "between _____ and 1945", "_____–1945"
	if (/\b(from|between)\s*$/i.test(before) || /^\s*[–-]\s*\d/.test(after)) {
		const m = /^\s*(?:[^.;]{0,30}?\b(?:until|till|to|through|and)\b|[–-])\s*(?:\w+\s+){0,2}?(1\d{3}|20\d{2})\b/i.exec(after);
		if (m) out.max = Number(m[1]);
	}
	// "from 1952 until _____", "between 1940 and _____", "1940–_____"
	const m2 = /\b(?:from|between|since)\s+(?:\w+\s+){0,2}?(1\d{3}|20\d{2})\b[^.;]{0,30}?\b(?:until|till|to|through|and)\s*$/i.exec(before) ?? /\b(1\d{3}|20\d{2})\s*[–-]\s*$/.exec(before);
	if (m2) out.min = Number(m2[1]);
	// "... in 2021, with X due to follow in _____": later than the dates before it
	if (/\b(follow|follows|followed|later|afterwards|subsequently|succeeded|next)\b[^.;]{0,40}$/i.test(before)) {
		const ys = years(before);
		if (ys.length) out.min = Math.max(out.min ?? -Infinity, ...ys);
	}
	// "completed 30 years of operation in April 2020 and is predicted to last until _____": after every year before it
	if (/\b(until|till|by|through)\s*$/i.test(before)) {
		const ys = years(before);
		if (ys.length) out.min = Math.max(out.min ?? -Infinity, ...ys);
	}
	// "_____, until the German surrender in 1945" is still before 1945
	if (out.max === undefined && /^\s*(?:\w+\s+){0,4}?(?:until|before)\b[^.;]{0,40}?\b(1\d{3}|20\d{2})\b/i.test(after) && /\bfrom\s*$/i.test(before)) {
		out.max = years(after)[0];
	}
	return out;
}

/** Whether a year (or the year of a date) keeps to the bounds. */
export function withinBounds(text: string, b: { min?: number; max?: number }): boolean {
	const y = /\b(1\d{3}|20\d{2})\b/.exec(text);
	if (!y) return true;
	const v = Number(y[1]);
	return (b.min === undefined || v > b.min) && (b.max === undefined || v < b.max);
}

const settingCache = new WeakMap<object, boolean>();

/**
 * Whether the article is set before the modern world: its dates are mostly before
 * 1700 or counted in BCE/CE. Today's countries and capitals are then no fair choices
 * for its places.
 */
export function historicalSetting(a: Article): boolean {
	const hit = settingCache.get(a.tokens);
	if (hit !== undefined) return hit;
	const years: number[] = [];
	for (const q of a.quantities) {
		if (q.kind === 'year' || q.kind === 'year_range') years.push(q.value);
		else if (q.kind === 'date' && q.year) years.push(q.year);
		else if (q.kind === 'decade') years.push(q.value);
		else if (q.kind === 'century') years.push((q.value - 1) * 100 + 50);
	}
	const era = a.tokens.filter((t) => /^(BCE|BC|B\.C\.|B\.C\.E\.)$/.test(t.text)).length;
	years.sort((x, y) => x - y);
	const median = years.length ? years[Math.floor(years.length / 2)] : Infinity;
	const out = era > 0 || median < 1700;
	settingCache.set(a.tokens, out);
	return out;
}

const STOP = new Set(['the', 'of', 'and', 'a', 'an', 'in', 'de', 'la']);

/**
 * A name reduced to what it means: demonyms to their country, heads to their synonym
 * group ("Danish Realm" and "Kingdom of Denmark" → "denmark realm"; "Valley of Mexico"
 * and "Basin of Mexico" → "mexico valley"). Equal keys name the same thing.
 */
const conceptCache = new Map<string, string>();
export function conceptKey(name: string): string {
	let hit = conceptCache.get(name);
	if (hit !== undefined) return hit;
	const ws = normalize(name).split(' ').filter((w) => w && !STOP.has(w));
	hit = ws
		.map((w) => placeOfDemonym(w) ?? synonymKey(stem(w)))
		.sort()
		.join(' ');
	if (conceptCache.size > 5000) conceptCache.clear();
	conceptCache.set(name, hit);
	return hit;
}

/** Whether the key's head noun is plural ("photoautotrophs") — choices should agree. */
export function gapIsPlural(a: Article, g: Gap): boolean | undefined {
	const { tokens } = a;
	let head = g.last - 1;
	for (let k = g.first + 1; k < g.last; k++) {
		if (/^(of|in|on|for|with|to|from)$/.test(tokens[k].lower)) {
			head = k - 1;
			break;
		}
	}
	const t = tokens[head];
	if (!t || (t.pos !== 'NOUN' && t.pos !== 'PROPN')) return undefined;
	if (/^\p{Lu}/u.test(t.text) && t.pos === 'PROPN') return undefined;
	if (/(ss|us|is)$/.test(t.lower)) return false;
	// (an unknown word's lemma is itself: "photoautotrophs")
	return /s$/.test(t.lower) || /^(stomata|data|criteria|phenomena|bacteria|people|children|men|women|mice|teeth|feet|alumni|fungi|nuclei)$/.test(t.lower);
}

/** The part of speech of the gap's first word, as a coarse class: adjective or noun. */
export function gapWordClass(a: Article, g: Gap): 'adj' | 'noun' {
	const toks = a.tokens.slice(g.first, g.last);
	return toks.every((t) => t.pos === 'ADJ' || t.pos === 'ADV') ? 'adj' : 'noun';
}
