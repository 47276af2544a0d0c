import type { Token, TokenizedDoc } from './tokens.js';
import { APPROX, MONTHS, NUMBER_WORDS, SCALE_WORDS, TIME_UNITS, UNITS } from '../knowledge/lexicon.js';

export type QuantityKind = 'year' | 'date' | 'decade' | 'century' | 'year_range' | 'money' | 'percent' | 'measure' | 'count' | 'number';

export interface Quantity {
	kind: QuantityKind;
	/** Token range [first, last) of the answer: the number with its currency, scale and unit. */
	first: number;
	last: number;
	start: number;
	end: number;
	sent: number;
	/** The answer as written ("US$4.8 billion", "70.72 teraflops", "1979", "830,000"). */
	text: string;
	value: number;
	/** Upper end of a range. */
	value2?: number;
	decimals: number;
	prefix?: string;
	scale?: string;
	unit?: string;
	/** What is counted, left in the prompt ("tourists"). */
	noun?: string;
	/** Modifier written before the number ("about", "more than", "c."), left in the prompt. */
	approx?: string;
	month?: number;
	day?: number;
	year?: number;
	/** Written in words ("four measures"). */
	words?: boolean;
	/** Inside brackets, usually a conversion of the number before it. */
	bracketed?: boolean;
}

const CURRENCY_WORDS = new Set(['dollar', 'dollars', 'euro', 'euros', 'pound', 'pounds', 'yen', 'yuan', 'rupees', 'rupee', 'francs', 'marks', 'riel', 'dong', 'pesos', 'won', 'baht', 'ringgit', 'shillings', 'guineas', 'crowns']);
const NOT_COUNTED = new Set(['times', 'percent', 'and', 'or', 'to', 'of', 'per', 'each', 'a', 'the', 'in', 'on', 'at', 'by']);

const isNum = (t: Token | undefined) => !!t && /^\d[\d,]*(\.\d+)?$/.test(t.text);
const parseNum = (s: string) => Number(s.replace(/,/g, ''));
const decimalsOf = (s: string) => (s.includes('.') ? s.split('.')[1].length : 0);
const isYear = (t: Token | undefined) => !!t && /^\d{4}$/.test(t.text) && +t.text >= 1000 && +t.text <= 2100;
const monthOf = (t: Token | undefined) => (t ? MONTHS.indexOf(t.lower) + 1 : 0);

export function findQuantities(doc: TokenizedDoc): Quantity[] {
	const { tokens, sentences } = doc;
	const out: Quantity[] = [];
	for (const s of sentences) {
		// bracket depth of every token of the sentence
		const depth = new Map<number, number>();
		let d = 0;
		for (let k = s.first; k < s.last; k++) {
			if (tokens[k].text === '(' || tokens[k].text === '[') d++;
			depth.set(k, d);
			if ((tokens[k].text === ')' || tokens[k].text === ']') && d > 0) d--;
		}
		let i = s.first;
		while (i < s.last) {
			const q = readQuantity(tokens, i, s.last);
			if (q) {
				q.sent = s.index;
				q.start = tokens[q.first].start;
				q.end = tokens[q.last - 1].end;
				q.text = surface(tokens, q.first, q.last);
				q.bracketed = (depth.get(q.first) ?? 0) > 0;
				out.push(q);
				i = q.last;
			} else i++;
		}
	}
	return out;
}

function surface(tokens: Token[], a: number, z: number): string {
	let s = '';
	for (let k = a; k < z; k++) s += (k > a && tokens[k].space ? ' ' : '') + tokens[k].text;
	return s;
}

function approxBefore(tokens: Token[], i: number, floor: number): string | undefined {
	for (const phrase of APPROX) {
		const words = phrase.split(' ');
		const from = i - words.length;
		if (from < floor) continue;
		if (words.every((w, k) => tokens[from + k].lower === w)) return surface(tokens, from, i);
	}
	return undefined;
}

function readQuantity(tokens: Token[], i: number, end: number): Quantity | null {
	const t = tokens[i];
	const base = { sent: -1, start: 0, end: 0, text: '', decimals: 0 } as const;
	const floor = Math.max(0, i - 3);

	// dates: "January 24", "June 15, 2016", "November 1773", "24 January 1979"
	const month = monthOf(t);
	if (month && (t.lower !== 'may' || isNum(tokens[i + 1]))) {
		const d = tokens[i + 1];
		if (isNum(d) && !isYear(d) && +d!.text >= 1 && +d!.text <= 31 && d!.text.length <= 2) {
			let z = i + 2;
			let year: number | undefined;
			if (tokens[z]?.text === ',' && isYear(tokens[z + 1]) && z + 1 < end) {
				year = +tokens[z + 1].text;
				z += 2;
			} else if (isYear(tokens[z]) && z < end) {
				year = +tokens[z].text;
				z += 1;
			}
			return { ...base, kind: 'date', first: i, last: z, value: year ?? 0, month, day: +d!.text, year };
		}
		if (isYear(d) && i + 1 < end) return { ...base, kind: 'date', first: i, last: i + 2, value: +d!.text, month, year: +d!.text };
		return null;
	}
	if (isNum(t) && +t.text >= 1 && +t.text <= 31 && t.text.length <= 2 && monthOf(tokens[i + 1]) && isYear(tokens[i + 2])) {
		return { ...base, kind: 'date', first: i, last: i + 3, value: +tokens[i + 2].text, month: monthOf(tokens[i + 1]), day: +t.text, year: +tokens[i + 2].text };
	}
	// decades and centuries
	if (t.type === 'decade' || /^\d{4}s$/.test(t.text)) return { ...base, kind: 'decade', first: i, last: i + 1, value: parseInt(t.text, 10) };
	if (t.type === 'ordinal' && /^\d+(st|nd|rd|th)$/.test(t.text) && /^centur(y|ies)$/.test(tokens[i + 1]?.lower ?? '') && tokens[i + 1].lower === 'century') {
		return { ...base, kind: 'century', first: i, last: i + 2, value: parseInt(t.text, 10) };
	}

	// currency first: "US$4.8 billion", "$100", "£3m"
	let prefix: string | undefined;
	let n = i;
	if (t.type === 'currency' || /^(US\$|\$|£|€|¥|A\$|NZ\$|C\$|HK\$|S\$)$/.test(t.text)) {
		if (!isNum(tokens[n + 1])) return null;
		prefix = t.text;
		n++;
	}
	const numTok = tokens[n];
	let words = false;
	let value: number;
	if (isNum(numTok)) value = parseNum(numTok.text);
	else if (!prefix && numTok && NUMBER_WORDS[numTok.lower] !== undefined && numTok.pos === 'NUM' && !/^(several|few|many|a|hundreds|thousands)$/.test(tokens[n - 1]?.lower ?? '')) {
		value = NUMBER_WORDS[numTok.lower];
		words = true;
	} else return null;
	const approx = prefix ? approxBefore(tokens, i, floor) : approxBefore(tokens, n, floor);
	const circa = approx === 'c.' || approx === 'circa' || approx === 'ca.';
	let z = n + 1;

	// "264 BCE", "80 CE": a year of an era, whatever its digits
	if (!prefix && !words && /^\d{1,4}$/.test(numTok.text) && /^(BCE|BC|CE|AD|B\.C\.E?\.?|A\.D\.?|C\.E\.?)$/.test(tokens[z]?.text ?? '') && z < end) {
		return { ...base, kind: 'year', first: n, last: z + 1, value, approx, year: value };
	}
	// years and year ranges
	if (!prefix && !words && isYear(numTok) && !numTok.text.includes(',')) {
		const dash = tokens[z];
		const between = tokens[n - 1]?.lower === 'between';
		if (dash && (/^(to|–|-|—|until)$/.test(dash.lower) || (between && dash.lower === 'and'))) {
			let k = z + 1;
			if (/^(c\.|circa)$/.test(tokens[k]?.lower ?? '')) k++;
			if (isYear(tokens[k]) && +tokens[k].text > value && k < end) {
				return { ...base, kind: 'year_range', first: between ? n - 1 : i, last: k + 1, value, value2: +tokens[k].text, approx, decimals: 0 };
			}
		}
		const next = tokens[z];
		const countLike = next && next.pos === 'NOUN' && /s$/.test(next.lower) && !TIME_UNITS.has(next.lower) && next.space;
		if (!countLike || circa) return { ...base, kind: 'year', first: n, last: z, value, approx, year: value };
	}

	// scale word: "4.8 billion", "25 million"
	let scale: string | undefined;
	if (tokens[z] && SCALE_WORDS[tokens[z].lower] !== undefined && z < end && (tokens[z].lower.length > 2 || !tokens[z].space)) {
		scale = tokens[z].text;
		z++;
	}
	const decimals = words ? 0 : decimalsOf(numTok.text);
	const first = prefix ? i : n;

	// ranges: "between 80 and 130 kilometers", "80 to 130 km"
	if (!prefix && !words && tokens[z] && /^(and|to|–|-)$/.test(tokens[z].lower) && isNum(tokens[z + 1]) && (tokens[z].lower !== 'and' || tokens[n - 1]?.lower === 'between')) {
		const hi = tokens[z + 1];
		const u = readUnit(tokens, z + 2, end);
		if (u) {
			const from = tokens[n - 1]?.lower === 'between' ? n - 1 : n;
			return { ...base, kind: 'measure', first: from, last: u.last, value, value2: parseNum(hi.text), decimals, unit: u.unit, approx };
		}
	}
	if (prefix) return { ...base, kind: 'money', first, last: z, value, decimals, prefix, scale, approx };
	if (tokens[z] && (tokens[z].text === '%' || tokens[z].lower === 'percent')) return { ...base, kind: 'percent', first, last: z + 1, value, decimals, unit: '%', approx };
	if (tokens[z]?.lower === 'per' && tokens[z + 1]?.lower === 'cent') return { ...base, kind: 'percent', first, last: z + 2, value, decimals, unit: '%', approx };
	if (tokens[z] && CURRENCY_WORDS.has(tokens[z].lower)) return { ...base, kind: 'money', first, last: z + 1, value, decimals, scale, unit: tokens[z].text, approx };
	const u = readUnit(tokens, z, end);
	if (u && !(words && TIME_UNITS.has(u.unit))) return { ...base, kind: 'measure', first, last: u.last, value, decimals, scale, unit: u.unit, approx, words };
	// counts: "830,000 tourists", "600 smaller islands", "four measures"
	let k = z;
	while (k < end && k < z + 2 && tokens[k].pos === 'ADJ') k++;
	const noun = tokens[k];
	if (noun && noun.pos === 'NOUN' && !NOT_COUNTED.has(noun.lower) && (value !== 1 || words === false)) {
		return { ...base, kind: 'count', first, last: z, value, decimals, scale, noun: surface(tokens, z, k + 1), approx, words };
	}
	if (words) return null;
	return { ...base, kind: 'number', first, last: z, value, decimals, scale, approx };
}

function readUnit(tokens: Token[], z: number, end: number): { unit: string; last: number } | null {
	const a = tokens[z];
	if (!a || z >= end) return null;
	// "square kilometres", "sq mi", "cubic metres", "g/cm3"
	if (/^(square|cubic|sq)$/.test(a.lower) && tokens[z + 1] && UNITS.has(tokens[z + 1].lower)) {
		return { unit: `${a.text} ${tokens[z + 1].text}`, last: z + 2 };
	}
	if (UNITS.has(a.lower) && !/^(square|cubic|sq|second|minute)$/.test(a.lower)) {
		if (tokens[z + 1]?.text === '/' && !tokens[z + 1].space && tokens[z + 2] && !tokens[z + 2].space) {
			return { unit: `${a.text}/${tokens[z + 2].text}`, last: z + 3 };
		}
		// one-letter units only when glued or clearly a unit ("1 g" is fine, "1 m" is too risky)
		if (a.text.length === 1 && !/^[gK]$/.test(a.text)) return null;
		return { unit: a.text, last: z + 1 };
	}
	return null;
}

/** A number formatted like the key: same decimals and thousands separators. */
export function formatLike(q: Pick<Quantity, 'decimals' | 'text'>, v: number): string {
	const grouped = /\d,\d{3}/.test(q.text);
	const fixed = v.toFixed(q.decimals);
	if (!grouped) return fixed;
	const [int, frac] = fixed.split('.');
	return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '');
}
