import type { Article } from '../analysis/article.js';
import { isAbbreviationOf } from '../analysis/entities.js';
import { lookupOrg } from '../knowledge/gazetteer.js';
import { adjectiveOf } from '../knowledge/demonyms.js';
import { PERSON_TITLES } from '../knowledge/lexicon.js';
import type { Gap } from './gaps.js';
import { normalize } from './render.js';

/**
 * Other answers a teacher would accept for a typed answer: a person's surname
 * ("Hewitt" for "Lleyton Hewitt"), the abbreviation or other name the article gives
 * ("ESA", "Fed" for "Federal Reserve"), the noun itself for "carbohydrate molecules"
 * ("carbohydrates"), and the singular or plural of a common noun.
 */
const typedCache = new WeakMap<object, Map<string, string[]>>();

export function typedAnswers(a: Article, gap: Gap): string[] {
	// (the same for every gap on one name or phrase)
	let m = typedCache.get(a.tokens);
	if (!m) typedCache.set(a.tokens, (m = new Map()));
	const key = `${gap.entity ?? ''}|${gap.kind}|${gap.answer}`;
	let hit = m.get(key);
	if (!hit) m.set(key, (hit = computeTyped(a, gap)));
	return hit;
}

function computeTyped(a: Article, gap: Gap): string[] {
	const out: string[] = [];
	const e = gap.entity !== undefined ? a.entities[gap.entity] : undefined;
	if (e) {
		out.push(...e.aliases);
		if (e.cls === 'person') out.push(...personForms(a, gap.entity!));
		if (e.cls === 'org' || e.cls === 'polity' || e.cls === 'name') {
			// "European Space Agency" → "ESA"; "European Economic Community" → "EEC"
			const known = lookupOrg(e.name)?.abbr;
			if (known) out.push(known);
			const initials = initialsOf(e.name);
			if (initials && e.cls === 'org') out.push(initials);
			out.push(...otherNames(a, gap.entity!));
		}
		// "Constitution of Denmark" → "Danish Constitution"
		const of = /^(.+) of (\p{Lu}[\p{L} ]+)$/u.exec(e.name);
		const adj = of ? adjectiveOf(of[2]) : undefined;
		if (of && adj && /^(law|org|polity|event)$/.test(e.cls)) out.push(`${adj} ${of[1].toLowerCase()}`);
		return unique(out, gap.answer);
	}
	if (gap.kind === 'quantity') return [];
	out.push(...headForms(gap.answer));
	return unique(out, gap.answer);
}

/** "Robert A. Millikan" → "Millikan", "Robert Millikan"; only when no other person of the article shares the surname. */
function personForms(a: Article, id: number): string[] {
	const e = a.entities[id];
	const all = e.name.split(/\s+/);
	// "Queen Elizabeth II" → "Elizabeth II", never "Elizabeth"; "King George III" → "George III"
	if (all.length >= 2 && PERSON_TITLES.has(all[0].toLowerCase())) {
		const rest = all.slice(1).join(' ');
		const forms = [rest, ...e.mentions.map((m) => a.text.slice(m.start, m.end))];
		return /\b(I{1,3}|IV|V|VI{1,3}|IX|X)$/.test(rest) || all.length === 2 ? forms : [...forms, all[all.length - 1]];
	}
	const words = all.filter((w) => !/^(jr\.?|sr\.?|i{1,3}|iv|v)$/i.test(w));
	if (words.length < 2) return [];
	const last = words[words.length - 1];
	const shared = a.entities.some((x) => x.id !== id && x.cls === 'person' && x.mentions.length && x.name.split(/\s+/).some((w) => w === last));
	const out: string[] = [];
	if (!shared && last.length >= 3) out.push(last);
	// the surface forms the article uses for this person
	for (const m of e.mentions) out.push(a.text.slice(m.start, m.end));
	if (words.length >= 3) out.push(`${words[0]} ${last}`);
	// "von Humboldt", "de Gaulle": a particle goes with the surname
	const particle = words.findIndex((w, k) => k > 0 && /^(von|van|de|da|di|del|der|du|la|le|al|bin|ibn)$/.test(w));
	if (particle > 0) out.push(words.slice(particle).join(' '));
	return out;
}

function initialsOf(name: string): string | null {
	const words = name.split(/\s+/).filter((w) => !/^(of|the|and|for|de|du|la|in|on|&)$/i.test(w));
	// two letters are too short to be a name anyone uses unless the article does ("CU", "KU")
	if (words.length < 3 || words.length > 5 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
	const abbr = words.map((w) => w[0]).join('').toUpperCase();
	return isAbbreviationOf(abbr, name.split(/\s+/)) ? abbr : null;
}

/**
 * Names the article gives the same thing: "Fed" and "Federal Reserve" (a short form
 * that begins the full name's first word), "the EEC (now the EU)".
 */
function otherNames(a: Article, id: number): string[] {
	const e = a.entities[id];
	const out: string[] = [];
	const first = (n: string) => n.split(/\s+/)[0].toLowerCase();
	for (const x of a.entities) {
		if (x.id === id || !x.mentions.length || x.cls === 'person') continue;
		// a clipped word ("Fed", not "Cambodia" for "Cambodian Interior Ministry")
		const clipped = (w: string, full: string) => !/\s/.test(w) && w.length >= 3 && w.length <= 5 && /\s/.test(full) && first(full).startsWith(w.toLowerCase()) && first(full).length >= w.length + 3;
		const institution = (c: string) => c === 'org' || c === 'name';
		const short = clipped(e.name, x.name) && institution(x.cls) && institution(e.cls);
		const long = clipped(x.name, e.name) && institution(e.cls) && institution(x.cls);
		if (short || long) out.push(x.name);
	}
	// "the European Economic Community (now the EU)"
	for (const m of e.mentions) {
		const t = a.tokens;
		if (t[m.last]?.text !== '(' || t[m.last + 1]?.lower !== 'now') continue;
		let k = m.last + 2;
		if (t[k]?.lower === 'the') k++;
		const alias = a.mentions.find((x) => x.first === k);
		if (alias && t[alias.last]?.text === ')') out.push(a.entities[alias.entity].name);
	}
	return out;
}

/** Heads that only say what kind of thing the answer is: "carbohydrate molecules" is "carbohydrates". */
const EMPTY_HEADS = /^(molecules?|compounds?|substances?|materials?)$/i;

function headForms(answer: string): string[] {
	const bare = answer.replace(/^(the|a|an)\s+/i, '');
	const words = bare.split(/\s+/);
	const out: string[] = [];
	if (words.length === 2 && EMPTY_HEADS.test(words[1]) && /^\p{Ll}/u.test(words[0])) {
		out.push(pluralOf(words[0]), words[0]);
	}
	// "the process of photosynthesis" → "photosynthesis"
	const of = /^(process|type|kind|form|act|practice|idea|concept|study|use) of (.+)$/i.exec(bare);
	if (of) out.push(of[2]);
	// the singular of a plural common noun ("models" → "model"); a singular's plural is
	// often no word at all ("social learnings")
	if (words.length <= 3 && words.every((w) => /^\p{Ll}/u.test(w))) {
		const last = words[words.length - 1];
		if (/[^s]s$/.test(last) && !/(us|is)$/.test(last)) out.push([...words.slice(0, -1), singularOf(last)].join(' '));
	}
	return out;
}

function pluralOf(w: string): string {
	if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
	if (/(s|x|z|ch|sh)$/.test(w)) return w + 'es';
	return w + 's';
}

function singularOf(w: string): string {
	if (/ies$/.test(w)) return w.slice(0, -3) + 'y';
	if (/(ses|xes|zes|ches|shes)$/.test(w)) return w.slice(0, -2);
	return w.slice(0, -1);
}

function unique(xs: string[], answer: string): string[] {
	const seen = new Set([normalize(answer), normalize(answer.replace(/^(the|a|an)\s+/i, ''))]);
	const out: string[] = [];
	for (const x of xs) {
		const n = normalize(x);
		if (!n || seen.has(n)) continue;
		seen.add(n);
		out.push(x);
	}
	return out;
}

/**
 * A typed answer of three or more words that a student could write in other words as
 * well ("Joan Mary Anderson", "Constitution of Denmark", "European Economic Community"):
 * better asked with choices.
 */
export function betterWithChoices(a: Article, gap: Gap): boolean {
	const words = gap.answer.replace(/^(the|a|an)\s+/i, '').split(/\s+/).length;
	if (words < 3 || gap.kind === 'quantity') return false;
	if (gap.entity !== undefined) return true;
	return / of /.test(gap.answer) || words >= 4;
}
