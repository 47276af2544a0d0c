import type { Article } from '../analysis/article.js';
import type { Entity } from '../analysis/entities.js';
import { formatLike, type Quantity } from '../analysis/numbers.js';
import { KNOWN_ORGS, lookupOrg, lookupPlace, placesOfKind, prominence, type PlaceInfo } from '../knowledge/gazetteer.js';
import { MONTHS, ORG_HEADS } from '../knowledge/lexicon.js';
import { isFirstName } from '../knowledge/names.js';
import { entityIsSubject, wordGivesAway } from './giveaway.js';
import { genericName } from './gaps.js';
import { shuffle, type Random } from '../random.js';
import { normalize } from './render.js';
import type { Gap } from './gaps.js';
import { conceptKey, contextGender, gapIsPlural, gapWordClass, historicalSetting, withinBounds, yearBounds } from './fit.js';
import { genderOf } from '../analysis/agreement.js';
import { canBePerson } from '../analysis/entities.js';

const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'and', 'to', 'for', 'by', 'with', 'at', 'as', 'is', 'was', 'were', 'are', 'be', 'been', 'that', 'this', 'it', 'its', 'his', 'her', 'their', 'from', 'which', 'who', 'has', 'had', 'have']);

// Per-article caches: the "also true" check looks at every sentence for every choice.
const sentenceCache = new WeakMap<object, { norm: string[]; lemmas: Set<string>[]; containing: Map<string, number[]> }>();
function sentenceInfo(a: Article) {
	let c = sentenceCache.get(a.tokens);
	if (!c) {
		c = { norm: a.sentences.map((s) => ` ${normalize(a.text.slice(s.start, s.end))} `), lemmas: a.sentences.map((s) => contentLemmas(a, s.index)), containing: new Map() };
		sentenceCache.set(a.tokens, c);
	}
	return c;
}

const gapLemmas = new WeakMap<Gap, Set<string>>();

function contentLemmas(a: Article, si: number, skip?: [number, number]): Set<string> {
	const s = a.sentences[si];
	const out = new Set<string>();
	for (let k = s.first; k < s.last; k++) {
		if (skip && k >= skip[0] && k < skip[1]) continue;
		const t = a.tokens[k];
		if (/\p{L}|\d/u.test(t.text) && !STOP.has(t.lower)) out.add(t.lemma);
	}
	return out;
}

/**
 * True when the article itself says the candidate in the same relation as the key:
 * another sentence holds the candidate and most of this sentence's other words.
 */
export function alsoTrue(a: Article, gap: Gap, candidate: string): boolean {
	const c = normalize(candidate);
	if (!c) return false;
	const info = sentenceInfo(a);
	let mine: Set<string> | null = gapLemmas.get(gap) ?? null;
	let where = info.containing.get(c);
	if (!where) {
		where = [];
		for (let k = 0; k < info.norm.length; k++) if (info.norm[k].includes(` ${c} `)) where.push(k);
		info.containing.set(c, where);
	}
	for (const si of where) {
		if (si === gap.si) continue;
		if (!mine) {
			mine = contentLemmas(a, gap.si, [gap.first, gap.last]);
			gapLemmas.set(gap, mine);
		}
		const theirs = info.lemmas[si];
		let shared = 0;
		for (const l of mine) if (theirs.has(l)) shared++;
		if (mine.size && shared / mine.size >= 0.5) return true;
	}
	return false;
}

function sameKind(key: Entity, e: Entity): number {
	if (e.id === key.id || !e.mentions.length) return 0;
	if (key.cls === 'place' && e.cls === 'place') {
		const kk = placeType(key);
		const ek = placeType(e);
		if (kk === ek) return kk === 'place' ? 1 : 3;
		// a country among cities or a river among regions is the wrong kind
		return 0;
	}
	if ((key.cls === 'polity' && e.cls === 'place' && e.placeKind === 'country') || (key.cls === 'place' && key.placeKind === 'country' && e.cls === 'polity')) return 1;
	if (key.cls !== e.cls) return 0;
	if (key.cls === 'org') {
		// a party among parties, a company among companies; generic institutions never
		if (!/\s/.test(e.name) && ORG_HEADS.has(e.name.toLowerCase())) return 0;
		if (e.head === key.head) return 3;
		return ORG_HEADS.has(key.head) || ORG_HEADS.has(e.head) ? 0 : 2;
	}
	if (key.cls === 'law' || key.cls === 'event' || key.cls === 'polity') return e.head === key.head ? 3 : 2;
	if (key.cls === 'person') {
		const shared = key.roles.some((r) => e.roles.includes(r));
		return shared ? 3 : 2;
	}
	return 2;
}

function placeType(e: Entity): string {
	if (isWater(e.name)) return 'ocean';
	if (/^lake\s/i.test(e.name)) return 'water';
	if (e.placeKind) return e.placeKind === 'continent' ? 'region' : e.placeKind;
	// "Valley of Mexico" is a valley, not a Mexico
	const of = / of /i.test(e.name) ? e.name.split(/ of /i)[0].split(/\s+/).pop()!.toLowerCase() : '';
	if (of) return placeType({ ...e, name: of, head: of, placeKind: undefined });
	if (/^(pacific|atlantic|indian|arctic|mediterranean|caribbean|baltic)$/.test(e.head)) return 'water';
	if (/^(river|sea|ocean|lake|bay|gulf|strait|straits|channel|canal|harbor|harbour|sound)$/.test(e.head)) return 'water';
	if (/^(island|islands|isles)$/.test(e.head)) return 'island';
	if (/^(mountains|mountain|alps|range|hills|highlands|plateau|volcano|glacier)$/.test(e.head)) return 'mountain';
	if (/^(region|coast|desert|valley|peninsula|basin|plain|plains|forest|district|county|province|delta)$/.test(e.head)) return 'region';
	if (/^(house|hall|palace|castle|cathedral|temple|mosque|tower|bridge|airport|station|square|street|avenue|road|park)$/.test(e.head)) return 'building';
	return 'place';
}

// The article's names of the same kind as each key, best first: the same for every gap on that name.
const sameKindCache = new WeakMap<object, Map<number, { e: Entity; kind: number }[]>>();

/** Names of the same kind as the key: from the article first, then from built-in lists. */
export function entityDistractors(a: Article, gap: Gap, prompt: string, rand: Random, want = 3): string[] {
	if (gap.entity === undefined) return [];
	const key = a.entities[gap.entity];
	const taken = new Set([normalize(key.name), ...key.aliases.map(normalize), normalize(gap.answer)]);
	const ok = (name: string) => {
		const n = normalize(name);
		if (!n || taken.has(n)) return false;
		if (` ${normalize(prompt)} `.includes(` ${n} `)) return false;
		// "National Aeronautics and Space Administration" when the prompt says "NASA"
		const abbr = lookupOrg(name)?.abbr;
		if (abbr && ` ${normalize(prompt)} `.includes(` ${normalize(abbr)} `)) return false;
		// "Mali Empire" as a choice when the prompt speaks of "Mali's borders"
		const p = ` ${normalize(prompt)} `;
		if (name.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && w.length >= 4 && p.includes(` ${normalize(w)} `) && !/^(the|of)$/i.test(w))) return false;
		// one name inside the other ("Blue Gene" and "Blue Gene/L") is not a fair choice
		for (const t of taken) if (t.includes(n) || n.includes(t)) return false;
		// "Boston Committee of Correspondence" beside "Committees of Correspondence": too close to be wrong
		const stem = (w: string) => w.toLowerCase().replace(/(es|s)$/, '');
		const kw = new Set(key.name.split(/\s+/).filter((w) => w.length > 3).map(stem));
		const nw = name.split(/\s+/).filter((w) => w.length > 3).map(stem);
		const shared = nw.filter((w) => kw.has(w)).length;
		if (key.cls !== 'place' && shared && shared / Math.min(kw.size || 1, nw.length || 1) >= 0.5) return false;
		// "to win three _____": a count before the blank asks for a plural ("Grand Slams", not "French Open")
		if (countBefore && !/s$/.test(name)) return false;
		const other = a.entities.find((x) => x.name === name);
		// the article's own subject is no wrong answer to anything it says ("Kingdom of Denmark" for
		// "Denmark lost the _____"), nor is a name the prompt already points to ("Danish Realm" there)
		if (other && other.id !== key.id && entityIsSubject(a, other.id)) return false;
		// ("Grand Slam", which the article writes "a Grand Slam", is a kind of event, no rival of the Davis Cup)
		if (other && genericName(a, other)) return false;
		// "the _____, which was won by Spain": one thing among single things, "Grand Slams" is several
		if (key.cls !== 'place' && key.cls !== 'person' && pluralName(name) !== pluralName(key.name)) return false;
		if (wordGivesAway(prompt, name)) return false;
		// "Claire", "Ben": the people of a teaching story are no fair choices beside real people, nor the other way round
		if (key.cls === 'person' && other && storyPerson(a, other) !== storyPerson(a, key)) return false;
		// "United Kingdom" for "Great Britain": another name of the same country
		const kp = lookupPlace(key.name);
		const np = lookupPlace(name);
		if (kp && np && kp.canonical && kp.canonical === np.canonical) return false;
		// "Basin of Mexico" for "Valley of Mexico", "Danish Realm" for "Kingdom of Denmark": the key again
		if (keyConcepts.has(conceptKey(name))) return false;
		// "Another major trophy that looks beyond Federer is the _____": what the sentences
		// just before named may be the first such trophy, so also true
		if (another && nearBefore.has(normalize(name))) return false;
		return !alsoTrue(a, gap, name);
	};
	const before = a.tokens[gap.first - 1];
	const countBefore = !!before && (/^(two|three|four|five|six|seven|eight|nine|ten|several|many|both)$/i.test(before.text) || /^\d+$/.test(before.text) && before.text !== '1');
	const keyConcepts = new Set([key.name, gap.answer, ...key.aliases].map(conceptKey));
	const another = /\b(another|also|too|as well|other)\b/i.test(prompt);
	const nearBefore = new Set<string>();
	if (another) {
		for (let k = Math.max(0, gap.si - 3); k < gap.si; k++) for (const m of a.mentionsBySent[k]) nearBefore.add(normalize(a.entities[m.entity].name));
	}
	// a person among people of the gender the prompt gives the blank ("the first man since ...", "... as she battled")
	const gender = key.cls === 'person' ? (genderOf(a, key.id) ?? contextGender(prompt)) : undefined;
	const sameGender = (e: Entity) => (gender && genderOf(a, e.id) === gender ? 1 : 0);
	const fits = (e: Entity) => key.cls !== 'person' || (canBePerson(e.name) && (!gender || genderOf(a, e.id) !== (gender === 'm' ? 'f' : 'm')));
	// "Parliament", "Cabinet": an institution named by its common noun has no fair rivals
	if (key.cls === 'org' && !/\s/.test(key.name) && ORG_HEADS.has(key.name.toLowerCase())) return [];
	let byKey = sameKindCache.get(a.tokens);
	if (!byKey) sameKindCache.set(a.tokens, (byKey = new Map()));
	let sorted = byKey.get(key.id);
	if (!sorted) {
		sorted = a.entities
			.map((e) => ({ e, kind: sameKind(key, e) }))
			.filter((x) => x.kind > 0)
			.sort((p, q) => q.kind - p.kind || q.e.mentions.length - p.e.mentions.length || p.e.id - q.e.id);
		byKey.set(key.id, sorted);
	}
	// people known to share the blank's gender before people of unknown gender (a stable sort
	// keeps the order by mentions within each)
	const scored = sorted.filter((x) => fits(x.e)).sort((p, q) => q.kind - p.kind || sameGender(q.e) - sameGender(p.e));
	const out: string[] = [];
	for (const { e } of scored) {
		if (out.length >= want) break;
		if (ok(e.name)) {
			out.push(e.name);
			taken.add(normalize(e.name));
		}
	}
	// an article set in the past gets no choices from today's map or institutions: no Beijing
	// for Tenochtitlan (the oceans are as old as the past)
	if (out.length < want && !(historicalSetting(a) && !isWater(key.name))) {
		for (const name of builtInNames(key, rand)) {
			if (out.length >= want) break;
			if (ok(name)) {
				out.push(name);
				taken.add(normalize(name));
			}
		}
	}
	return out;
}

const OCEANS = ['Pacific', 'Atlantic', 'Indian Ocean', 'Arctic', 'Southern Ocean'];
const isWater = (name: string) => OCEANS.some((o) => o.toLowerCase() === name.toLowerCase() || `${o} ocean`.toLowerCase() === name.toLowerCase());

const storyCache = new WeakMap<object, Set<number>>();

/**
 * A person of a teaching story: known by one name only, and told of with family words
 * or to the reader ("Claire's nine-year-old son, Jay", "After their mother left the room,
 * Allison ..."), or beside another such person ("as when Ben stood up on his surfboard so
 * that Julian could see"). Augustus or Spartacus, named alone in a history, are not.
 */
export function storyPerson(a: Article, e: Entity): boolean {
	let set = storyCache.get(a.entities);
	if (!set) storyCache.set(a.entities, (set = storyPeople(a)));
	return set.has(e.id);
}

function storyPeople(a: Article): Set<number> {
	const out = new Set<number>();
	const single = (e: Entity) =>
		(e.cls === 'person' || e.cls === 'name') && !e.name.includes(' ') && /^\p{Lu}\p{Ll}+$/u.test(e.name) && e.roles.every((r) => STORY_WORDS.test(r)) && (e.cls === 'person' || isFirstName(e.name) || e.mentions.some((mn) => followedByPronoun(a, mn)));
	// (a story is told to the reader: its paragraph says "you", "imagine", "consider", "for example")
	const paraAddresses = new Map<number, boolean>();
	const addresses = (para: number) => {
		let v = paraAddresses.get(para);
		if (v === undefined) {
			v = a.sentences.some((x) => x.para === para && a.tokens.slice(x.first, x.last).some((t) => READER_WORDS.test(t.lower) && (t.lower !== 'example' || a.tokens[t.i - 1]?.lower === 'for')));
			paraAddresses.set(para, v);
		}
		return v;
	};
	const storySentence = (si: number) => addresses(a.sentences[si].para) && a.tokens.slice(a.sentences[si].first, a.sentences[si].last).some((t) => STORY_WORDS.test(t.lower));
	const candidates = a.entities.filter((e) => e.mentions.length && single(e));
	for (const e of candidates) if ((e.cls === 'person' ? isFirstName(e.name) || e.roles.length > 0 : true) && e.mentions.some((mn) => storySentence(mn.sent))) out.add(e.id);
	// a first name beside a story's person belongs to the story too
	for (const e of candidates) {
		if (out.has(e.id) || !isFirstName(e.name)) continue;
		if (e.mentions.some((mn) => a.mentionsBySent[mn.sent].some((o) => o.entity !== e.id && out.has(o.entity)))) out.add(e.id);
	}
	return out;
}

/** "Allison was tempted ..., but she did not": a "he" or "she" later in the sentence. */
function followedByPronoun(a: Article, mn: { sent: number; last: number }): boolean {
	const s = a.sentences[mn.sent];
	return a.tokens.slice(mn.last, s.last).some((t) => /^(he|she|his|her)$/.test(t.lower));
}

const READER_WORDS = /^(you|your|imagine|suppose|consider|remember|example)$/;
const STORY_WORDS = /^(son|daughter|mother|father|brother|sister|brothers|sisters|mom|dad|wife|husband|aunt|uncle|grandmother|grandfather|cousin|friend|you|your|imagine|suppose|consider|remember)$/;

function builtInNames(key: Entity, rand: Random): string[] {
	// "from the _____ to the Atlantic oceans": the other oceans
	if (isWater(key.name)) return shuffle(OCEANS.filter((o) => !key.name.toLowerCase().startsWith(o.toLowerCase())), rand);
	if (key.cls === 'place') {
		const info = lookupPlace(key.name);
		if (info?.kind === 'country' || info?.kind === 'city') {
			// well-known places of the same kind, nearest first: capitals for a capital
			const sameSort = (p: PlaceInfo) => (info.kind === 'country' || !!p.capitalOf === !!info.capitalOf) && (!info.subregion || p.subregion === info.subregion);
			// the best-known places first, so the choices are ones a student has heard of
			const rank = (p: PlaceInfo) => prominence(p.kind === 'country' ? (p.canonical ?? p.name) : (p.capitalOf ?? p.name));
			const byFame = (xs: PlaceInfo[]) => xs.sort((x, y) => rank(x) - rank(y)).map((p) => p.name);
			// only places of the same part of the world: "Templo Mayor in Beijing" is no fair choice
			const near = byFame(placesOfKind(info.kind, info.continent, true).filter(sameSort));
			return [...shuffle(near.slice(0, 6), rand), ...near.slice(6)];
		}
		if (info?.kind === 'region') {
			const words = key.name.split(' ');
			const regions = placesOfKind('region').map((p) => p.name);
			// "West Africa" → other parts of Africa before anything else
			const related = regions.filter((r) => r.split(' ').some((w) => words.includes(w) && w.length > 4));
			// (only regions that share a word with the key: "Kashmir" is no choice for "New England")
			return shuffle(related, rand);
		}
		if (info?.kind === 'continent') return shuffle(['Africa', 'Asia', 'Europe', 'North America', 'South America', 'Oceania', 'Antarctica'], rand);
		if (info?.kind === 'state') return shuffle(placesOfKind('state').map((p) => p.name), rand);
		return [];
	}
	if (key.cls === 'org') {
		const intl = KNOWN_ORGS.find((o) => o.name.toLowerCase() === key.name.toLowerCase() || key.aliases.some((x) => x.toLowerCase() === o.abbr.toLowerCase()));
		if (intl) return shuffle(KNOWN_ORGS.filter((o) => o.kind === intl.kind).map((o) => o.name), rand);
	}
	return [];
}

function nearBounds(text: string, b: { min?: number; max?: number }): boolean {
	const y = /\b(1\d{3}|20\d{2})\b/.exec(text);
	if (!y) return true;
	const v = Number(y[1]);
	return (b.max === undefined || b.max - v <= 20) && (b.min === undefined || v - b.min <= 20);
}

/** Numbers of the same kind, unit and format as the key, none stated for this fact. */
export function quantityDistractors(a: Article, gap: Gap, prompt: string, rand: Random, want = 3): string[] {
	const q = gap.quantity;
	if (!q) return [];
	const taken = new Set([normalize(q.text)]);
	const out: string[] = [];
	// "from _____ until May 1945": only years before 1945
	const bounds = q.kind === 'year' || q.kind === 'date' || q.kind === 'year_range' ? yearBounds(prompt) : {};
	const bounded = withinBounds(q.text, bounds);
	const push = (s: string | null) => {
		if (!s || out.length >= want) return;
		const n = normalize(s);
		if (bounded && !withinBounds(s, bounds)) return;
		// "from _____ until May 1945": a year near the bound, not 1864
		if (bounded && !nearBounds(s, bounds)) return;
		// "$1000 billion" is written "$1 trillion": past the next scale word is a different format
		if (q.scale && /^(thousand|million|billion)$/i.test(q.scale) && (parseFloat((numberIn(s) ?? '0').replace(/,/g, '')) >= 1000) !== q.value >= 1000) return;
		if (taken.has(n) || ` ${normalize(prompt)} `.includes(` ${n} `) || alsoTrue(a, gap, s)) return;
		taken.add(n);
		out.push(s);
	};
	// same kind and surface format from the article
	for (const o of a.quantities) {
		if (o === q || o.kind !== q.kind || o.bracketed) continue;
		if (o.prefix !== q.prefix || o.scale?.toLowerCase() !== q.scale?.toLowerCase() || (o.unit ?? '').toLowerCase() !== (q.unit ?? '').toLowerCase()) continue;
		if ((q.kind === 'date') !== (o.kind === 'date') || (q.kind === 'date' && (!!o.day !== !!q.day || !!o.year !== !!q.year))) continue;
		if (q.kind === 'year' && Math.abs(o.value - q.value) > 80) continue;
		if (q.kind === 'count' && (o.noun ?? '') !== (q.noun ?? '')) continue;
		if (o.value2 !== undefined || q.value2 !== undefined) continue;
		// "to 3.1 percent" among "50 percent": a share of another order is no rival
		if ((q.kind === 'percent' && (o.value > q.value * 4 || o.value * 4 < q.value)) || (q.kind === 'money' && (o.value > q.value * 10 || o.value * 10 < q.value))) continue;
		if (out.length < 2) push(o.text);
	}
	for (const v of syntheticValues(q, rand)) push(v);
	return out;
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

function syntheticValues(q: Quantity, rand: Random): string[] {
	const pick = (xs: number[]) => shuffle(xs, rand);
	const maxYear = Math.max(2025, q.value);
	switch (q.kind) {
		case 'year': {
			const circa = q.text.match(/^(c\.|circa)\s*/)?.[0] ?? '';
			// "71 BCE" among "68 BCE", "80 BCE": the era goes with every choice
			const era = q.text.match(/\s+(BCE|BC|CE|AD|B\.C\.E?\.?|A\.D\.?|C\.E\.?)$/)?.[0] ?? '';
			return pick([-12, -8, -5, -3, 4, 6, 9, 14, -20, 21])
				.map((d) => q.value + d)
				.filter((y) => (era ? true : y <= maxYear) && y > 0)
				.map((y) => circa + String(y) + era);
		}
		case 'decade':
			return pick([-30, -20, -10, 10, 20, 30]).map((d) => `${q.value + d}s`).filter((s) => parseInt(s, 10) <= maxYear);
		case 'century':
			return pick([-2, -1, 1, 2]).filter((d) => q.value + d > 0 && q.value + d <= 21).map((d) => q.text.replace(/^\d+(st|nd|rd|th)/, ordinal(q.value + d)));
		case 'year_range': {
			const len = (q.value2 ?? q.value) - q.value;
			return pick([-15, -9, -5, 6, 10, 14])
				.map((d) => [q.value + d, q.value + d + Math.max(1, Math.round(len * (0.7 + rand() * 0.6)))])
				.filter(([x, y]) => y <= maxYear && x > 0)
				.map(([x, y]) => q.text.replace(String(q.value), String(x)).replace(String(q.value2), String(y)));
		}
		case 'date': {
			const name = (m: number) => {
				const s = MONTHS[(m + 12) % 12];
				return s[0].toUpperCase() + s.slice(1);
			};
			const m0 = (q.month ?? 1) - 1;
			const out: string[] = [];
			for (const d of pick([-4, -2, 1, 3, 5, -6])) {
				const m = m0 + d;
				if (q.day) out.push(`${name(m)} ${Math.min(q.day + (d % 3) * 3 > 0 ? q.day + (d % 3) * 3 : q.day, 28)}${q.year ? `, ${q.year}` : ''}`);
				else if (q.year) out.push(`${name(m)} ${q.year + (d > 3 ? 1 : d < -3 ? -1 : 0)}`);
			}
			// keep the key's own layout ("June 15, 2016" vs "15 June 2016")
			if (q.day && /^\d/.test(q.text)) return out.map((s) => s.replace(/^(\w+) (\d+)(, )?/, '$2 $1 ').replace(/\s+$/, '').replace(/ {2,}/g, ' '));
			if (q.day && q.year && !q.text.includes(',')) return out.map((s) => s.replace(',', ''));
			return out;
		}
		default: {
			if (q.words) {
				// "four measures": other small numbers, written in words too
				const names = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
				return pick([-2, -1, 1, 2, 3])
					.map((d) => q.value + d)
					.filter((v) => v >= 2 && v <= 12)
					.map((v) => (/^\p{Lu}/u.test(q.text) ? names[v - 1][0].toUpperCase() + names[v - 1].slice(1) : names[v - 1]));
			}
			const factors = q.kind === 'percent' ? [0.5, 0.7, 1.4, 1.8, 2.5, 0.3] : [0.5, 0.7, 1.3, 1.6, 2, 2.5, 0.4, 3];
			const values = pick(factors)
				.map((f) => roundLike(q, q.value * f))
				.filter((v) => v > 0 && v !== q.value && (q.kind !== 'percent' || v <= 100 || q.value > 100));
			return values.map((v) => {
				let s = q.text.replace(numberIn(q.text) ?? String(q.value), formatLike(q, v));
				if (q.value2 !== undefined) s = s.replace(new RegExp(`\\b${escape(formatLike(q, q.value2))}\\b`), formatLike(q, roundLike(q, (q.value2 * v) / q.value)));
				return s;
			});
		}
	}
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function numberIn(text: string): string | null {
	return text.match(/\d[\d,]*(\.\d+)?/)?.[0] ?? null;
}

/** Rounds a made-up value to the precision the key is written with. */
function roundLike(q: Quantity, v: number): number {
	if (q.decimals > 0) return Number(v.toFixed(q.decimals));
	const digits = String(Math.round(q.value)).replace(/0+$/, '').length;
	const mag = Math.pow(10, Math.max(0, String(Math.round(v)).length - Math.max(1, digits)));
	return Math.max(1, Math.round(v / mag) * mag);
}

/** Other key phrases of the article with the same shape, for terms and complements. */
export function phraseDistractors(a: Article, gap: Gap, pool: Gap[], prompt: string, want = 3): string[] {
	const words = (s: string) => s.split(/\s+/).length;
	const n = words(gap.answer);
	const hasOf = / of /.test(gap.answer);
	const key = normalize(gap.answer);
	const out: string[] = [];
	const seen = new Set([key]);
	const keyPlural = gapIsPlural(a, gap);
	const keyClass = gapWordClass(a, gap);
	const kinds = ['term'];
	const candidates = pool
		.filter((g) => kinds.includes(g.kind) && g.si !== gap.si && !/\d/.test(g.answer) && !a.quotations.some((q) => q.first <= g.first && g.last <= q.last))
		.filter((g) => (n <= 2 ? words(g.answer) === n : Math.abs(words(g.answer) - n) <= 1) && / of /.test(g.answer) === hasOf)
		// "photoautotrophs" among plurals, an adjective among adjectives ("a _____" takes
		// "shooting star", not "meteor showers")
		.filter((g) => {
			const p = gapIsPlural(a, g);
			return (p === undefined || keyPlural === undefined || p === keyPlural) && gapWordClass(a, g) === keyClass;
		})
		.sort((p, q) => (q.kind === 'term' ? 1 : 0) - (p.kind === 'term' ? 1 : 0) || q.quality - p.quality || p.first - q.first);
	for (const g of candidates) {
		if (out.length >= want) break;
		const c = normalize(g.answer);
		if (seen.has(c) || key.includes(c) || c.includes(key)) continue;
		if (` ${normalize(prompt)} `.includes(` ${c} `) || alsoTrue(a, gap, g.answer)) continue;
		// lower-case phrases only among lower-case phrases
		if (/^\p{Lu}/u.test(g.answer) !== /^\p{Lu}/u.test(gap.answer) && g.first !== a.sentences[g.si].first && gap.first !== a.sentences[gap.si].first) continue;
		seen.add(c);
		out.push(g.first === a.sentences[g.si].first ? g.answer[0].toLowerCase() + g.answer.slice(1) : g.answer);
	}
	return out;
}

/** A name whose last word is a plural ("Grand Slams", "Coercive Acts"; not "Davis Cup", "Texas"). */
function pluralName(name: string): boolean {
	const last = name.split(/\s+/).pop() ?? '';
	return /^\p{Lu}/u.test(last) && /[^su]s$/.test(last) && name.includes(' ');
}
