import type { Token, TokenizedDoc } from './tokens.js';
import { EVENT_HEADS, LAW_HEADS, MONTHS, ORG_HEADS, PERSON_ROLES, PERSON_TITLES, PLACE_HEADS, PLACE_PREFIXES, POLITY_HEADS, SPEECH_VERBS } from '../knowledge/lexicon.js';
import { LANGUAGE_NAMES, lookupOrg, lookupPlace, type PlaceKind } from '../knowledge/gazetteer.js';
import { isFirstName, isFirstNameAlone } from '../knowledge/names.js';
import { isDemonymWord } from '../knowledge/demonyms.js';

export type EntityClass = 'person' | 'place' | 'org' | 'law' | 'event' | 'polity' | 'group' | 'language' | 'name';

export interface Mention {
	/** Token range [first, last). */
	first: number;
	last: number;
	start: number;
	end: number;
	sent: number;
	entity: number;
	/** Preceded by a definite article in the text. */
	the: boolean;
}

export interface Entity {
	id: number;
	/** Longest form seen, without a leading "the". */
	name: string;
	cls: EntityClass;
	placeKind?: PlaceKind;
	continent?: string;
	/** Other ways the article names it: abbreviations, short forms. */
	aliases: string[];
	/** Titles and role nouns seen before it ("Prime Minister", "explorer"). Lower-case. */
	roles: string[];
	mentions: Mention[];
	/** Lower-case last word of the name ("empire", "party"), used to resolve "the empire". */
	head: string;
	/** Usually written with "the". */
	the: boolean;
}

const CONNECTORS = new Set(['of', 'de', 'da', 'van', 'von', 'der', 'del', 'di', 'al', 'bin', 'ibn', 'la', 'le', 'du', 'dos', 'das', 'y']);
const NOT_NAME = new Set([
	'i', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'you', 'his', 'her', 'its', 'their', 'our', 'my',
	'there', 'here', 'when', 'while', 'after', 'before', 'since', 'as', 'if', 'but', 'and', 'or', 'so', 'yet', 'for', 'in', 'on', 'at', 'by',
	'from', 'with', 'without', 'to', 'of', 'one', 'another', 'other', 'some', 'many', 'most', 'several', 'all', 'each', 'every', 'no', 'not',
	'what', 'which', 'who', 'whom', 'whose', 'how', 'why', 'where', 'however', 'although', 'though', 'because', 'despite', 'until', 'unless',
	'during', 'under', 'over', 'between', 'among', 'following', 'according', 'photo', 'today', 'yesterday', 'tomorrow', 'monday', 'tuesday',
	'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mr', 'mrs', 'ms', 'dr', 'meanwhile', 'now', 'then', 'thus', 'also', 'even',
	'both', 'either', 'neither', 'such', 'only', 'just', 'first', 'second', 'third', 'finally', 'once', 'upon', 'rather', 'instead', 'additionally',
	'moreover', 'interestingly', 'nationally', 'ultimately', 'sometime', 'sometimes', 'perhaps', 'much', 'more', 'any', 'few', 'again',
	'century', 'centuries', 'ce', 'bce', 'bc', 'ad', 'a.d.', 'b.c.', 'b.c.e.', 'c.e.', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'chapter', 'section', 'figure', 'table', 'page', 'part', 'unit', 'lesson'
]);
const NOBLE_TITLES = new Set(['lord', 'lady', 'sir', 'dame', 'king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'pope', 'saint', 'sultan', 'pharaoh', 'tsar', 'czar', 'shah', 'caliph', 'duke', 'duchess', 'earl', 'baron', 'count']);

export const isCap = (t: Token) => /^\p{Lu}/u.test(t.text) && /\p{L}/u.test(t.text);
const isAllCaps = (t: Token) => /^[\p{Lu}&.]{2,}$/u.test(t.text) || /^\p{Lu}[\p{Lu}\d]+$/u.test(t.text);

/** Finds people, places, organisations and other names, with their abbreviations and short forms. */
export function findEntities(doc: TokenizedDoc, title = ''): { entities: Entity[]; mentions: Mention[] } {
	const { tokens, sentences } = doc;
	// words that begin a longer name in the title ("Hubble" of "Hubble Space Telescope"): used
	// alone they may name that thing, not a person ("Federer" in "Federer joins all-time greats" may)
	const titleWords = new Set<string>();
	const tw = title.split(/[^\p{L}\d'’-]+/u).filter(Boolean);
	for (let k = 0; k < tw.length; k++) {
		let z = k;
		while (z < tw.length && /^\p{Lu}/u.test(tw[z])) z++;
		if (z - k >= 2 && tw[k].length >= 3 && !canBePerson(tw.slice(k, z).join(' '))) titleWords.add(tw[k].toLowerCase());
		k = Math.max(k, z - 1);
	}
	// words the article also writes in lower case are common words when they open a sentence
	const lowerSeen = new Set<string>();
	const capSeenMid = new Set<string>();
	for (const t of tokens) {
		if (/^\p{Ll}/u.test(t.text)) lowerSeen.add(t.lower);
		else if (isCap(t) && t.i > sentences[t.sent].first && !/^[“"‘'(—–-]$/.test(tokens[t.i - 1].text)) capSeenMid.add(t.lower);
	}

	const spans: { first: number; last: number; titleStart: number }[] = [];
	for (const s of sentences) {
		let i = s.first;
		while (i < s.last) {
			if (!startsName(tokens, i, s.first, lowerSeen, capSeenMid)) {
				i++;
				continue;
			}
			let j = i + 1;
			while (j < s.last) {
				const t = tokens[j];
				// "ASEAN Plus Six": a number word inside a name
				const numberWord = /^(two|three|four|five|six|seven|eight|nine|ten)$/.test(t.lower);
				if (t.space && isCap(t) && !isMonth(t, tokens[t.i + 1]) && (!NOT_NAME.has(t.lower) || numberWord) && t.type !== 'currency') {
					j++;
					continue;
				}
				// "Cambodia People’s Party": a possessive inside an organisation's name
				if (/^(’s|'s)$/.test(t.text) && j + 1 < s.last && isCap(tokens[j + 1])) {
					let k = j + 1;
					while (k < s.last && isCap(tokens[k]) && tokens[k].space) k++;
					if (ORG_HEADS.has(tokens[k - 1].lower) && k - j <= 3) {
						j = k;
						continue;
					}
				}
				// "Blue Gene/L", "Mekong-Lancang"
				if (!t.space && (t.text === '/' || t.text === '-') && j + 1 < s.last && !tokens[j + 1].space && /^[\p{Lu}\d]/u.test(tokens[j + 1].text)) {
					j += 2;
					continue;
				}
				// "Tarikh al-Sudan"
				if (CONNECTORS.has(t.lower) && tokens[j + 1]?.text === '-' && !tokens[j + 1].space && tokens[j + 2] && !tokens[j + 2].space && isCap(tokens[j + 2])) {
					j += 3;
					continue;
				}
				// "Bank of England", "Association of Southeast Asian Nations", "Treaty of Waitangi"
				const orgSoFar = tokens.slice(i, j).some((x) => ORG_HEADS.has(x.lower));
				// "Center on Poverty and Inequality", "Committee on Foreign Affairs"
				if (t.lower === 'on' && ORG_HEADS.has(tokens[j - 1].lower) && isCap(tokens[j + 1] ?? t) && j + 1 < s.last) {
					j += 2;
					while (j < s.last && (isCap(tokens[j]) || (tokens[j].lower === 'and' && isCap(tokens[j + 1] ?? t))) && tokens[j].space) j++;
					continue;
				}
				if ((CONNECTORS.has(t.lower) || (orgSoFar && (t.lower === 'for' || (t.lower === 'and' && tokens.slice(i, j).some((x) => x.lower === 'for'))))) && j + 1 < s.last) {
					let k = j + 1;
					if (tokens[k].lower === 'the' && k + 1 < s.last) k++;
					if (isCap(tokens[k]) && !isMonth(tokens[k], tokens[k + 1]) && !NOT_NAME.has(tokens[k].lower)) {
						j = k + 1;
						continue;
					}
				}
				// "Top 500", "Boeing 747": a number glued to the name, not a year
				if (t.type === 'number' && t.space && /^\d{1,3}$/.test(t.text) && j + 1 < s.last && !isCap(tokens[j + 1]) && tokens[j + 1].pos === 'NOUN' && !isMonth(tokens[i], tokens[i + 1])) {
					j++;
					break;
				}
				break;
			}
			// drop a trailing connector never closed
			spans.push({ first: i, last: j, titleStart: i });
			i = j;
		}
	}

	const raw: RawMention[] = [];
	for (const sp of spans) raw.push(...analyseSpan(tokens, sp.first, sp.last));

	// abbreviations written in brackets right after the full name
	const abbrOf = new Map<number, string>();
	for (let m = 0; m < raw.length; m++) {
		const r = raw[m];
		const open = tokens[r.last];
		const ab = tokens[r.last + 1];
		const close = tokens[r.last + 2];
		if (open?.text === '(' && close?.text === ')' && ab && isAbbreviationOf(ab.text, tokens.slice(r.first, r.last).map((t) => t.text))) {
			abbrOf.set(m, ab.text);
			const inner = raw.findIndex((x) => x.first === r.last + 1);
			if (inner >= 0) raw[inner].abbrFor = m;
		}
	}

	const entities: Entity[] = [];
	const byKey = new Map<string, number>();
	const mentions: Mention[] = [];
	const keyOf = (s: string) => s.toLowerCase().replace(/^the\s+/, '').replace(/[’']/g, "'");
	const entityFor = (name: string): Entity => {
		const key = keyOf(name);
		let id = byKey.get(key);
		if (id === undefined) {
			id = entities.length;
			byKey.set(key, id);
			entities.push({ id, name, cls: 'name', aliases: [], roles: [], mentions: [], head: name.split(/\s+/).pop()!.toLowerCase(), the: false });
		}
		return entities[id];
	};

	// full names first, so short forms can find them
	const order = raw.map((_, k) => k).sort((a, b) => raw[b].last - raw[b].first - (raw[a].last - raw[a].first) || a - b);
	const evidence = new Map<number, EntityClass[]>();
	for (const k of order) {
		const r = raw[k];
		if (r.abbrFor !== undefined) continue;
		const name = tokens.slice(r.first, r.last).map((t, n) => (n > 0 && t.space ? ' ' : '') + t.text).join('');
		let ent: Entity | undefined;
		const known = byKey.get(keyOf(name));
		if (known !== undefined) ent = entities[known];
		else ent = linkShortForm(entities, name, r, evidence, titleWords) ?? entityFor(name);
		if (r.roles.length) for (const role of r.roles) if (!ent.roles.includes(role)) ent.roles.push(role);
		const ev = evidence.get(ent.id) ?? [];
		ev.push(r.cls);
		evidence.set(ent.id, ev);
		const abbr = abbrOf.get(k);
		if (abbr && !ent.aliases.includes(abbr)) {
			ent.aliases.push(abbr);
			byKey.set(keyOf(abbr), ent.id);
		}
		const prev = tokens[r.first - 1];
		const m: Mention = { first: r.first, last: r.last, start: tokens[r.first].start, end: tokens[r.last - 1].end, sent: tokens[r.first].sent, entity: ent.id, the: prev?.lower === 'the' };
		ent.mentions.push(m);
		mentions.push(m);
	}
	// the abbreviations inside brackets are mentions too
	for (const r of raw) {
		if (r.abbrFor === undefined) continue;
		const id = byKey.get(keyOf(tokens[r.first].text));
		if (id === undefined) continue;
		const m: Mention = { first: r.first, last: r.last, start: tokens[r.first].start, end: tokens[r.last - 1].end, sent: tokens[r.first].sent, entity: id, the: false };
		entities[id].mentions.push(m);
		mentions.push(m);
	}
	// a bare abbreviation seen before its definition, or "Asean" for "ASEAN"
	for (const m of mentions) {
		const e = entities[m.entity];
		if (e.mentions.length === 1 && e.name.length <= 6) {
			const target = byKey.get(keyOf(e.name));
			if (target !== undefined && target !== e.id) m.entity = target;
		}
	}

	for (const e of entities) {
		const ev = evidence.get(e.id) ?? [];
		e.cls = decideClass(e, ev);
		const place = lookupPlace(e.name) ?? e.aliases.map(lookupPlace).find(Boolean);
		if (place && (e.cls === 'place' || e.cls === 'name')) {
			e.cls = 'place';
			e.placeKind = place.kind;
			e.continent = place.continent;
		}
		const theCount = e.mentions.filter((m) => m.the).length;
		e.the = theCount > 0 && theCount >= e.mentions.filter((m) => tokens[m.first - 1] && !['’s', "'s"].includes(tokens[m.last]?.text ?? '')).length / 2;
		e.mentions.sort((a, b) => a.start - b.start);
	}
	// "Mansa Musa took the throne. He made a pilgrimage ...": a name followed by "He" is a person
	for (const s of sentences) {
		let f = s.first;
		while (f < s.last - 1 && (tokens[f].pos === 'ADV' || tokens[f].pos === 'CCONJ' || tokens[f].text === ',')) f++;
		const t = tokens[f];
		if (!t || !/^(he|she|his|her)$/.test(t.lower) || s.index === 0) continue;
		const prev = sentences[s.index - 1];
		const cand = mentions.find((m) => m.sent === prev.index && entities[m.entity].cls === 'name');
		const first = mentions.find((m) => m.sent === prev.index);
		// only the subject of the sentence before, and only a name that can be a person's
		if (cand && (cand.first - prev.first > 2 || !canBePerson(entities[cand.entity].name))) continue;
		const otherPerson = mentions.some((m) => (m.sent === prev.index || m.sent === s.index) && (entities[m.entity].cls === 'person' || entities[m.entity].roles.length > 0));
		if (cand && first === cand && !otherPerson && entities[cand.entity].name.split(/\s+/).length >= 1) entities[cand.entity].cls = 'person';
	}
	for (const e of entities) if (!/\p{L}{2}/u.test(e.name)) e.mentions = [];
	// "House Republicans", "Young Turks": a plural is a group, not a person
	for (const e of entities) {
		if (e.cls !== 'person' || !e.name.includes(' ') || e.roles.length || /(ss|us|is)$/.test(e.name)) continue;
		// ("American Patriots": a nationality before a plural)
		const first = e.name.split(/\s+/)[0];
		if (/(ans|ists|crats|ites|ers)$/.test(e.name) || (/s$/.test(e.name) && /^\p{Lu}\p{Ll}+(an|ish|ese|ch|i)$/u.test(first))) e.cls = 'group';
	}
	// "Aztec culture", "Mesoamerican peoples": a name mostly written before a noun describes it
	for (const e of entities) {
		if (e.cls !== 'person' || e.mentions.length < 2) continue;
		const attributive = e.mentions.filter((m) => /^\p{Ll}/u.test(tokens[m.last]?.text ?? '') && tokens[m.last]?.pos === 'NOUN').length;
		if (attributive * 2 >= e.mentions.length) e.cls = e.name.includes(' ') ? 'name' : 'group';
	}
	notPersons(entities);
	// a lone common noun written with a capital ("Summit", "Party") is not a name
	for (const e of entities) {
		if (!/\s/.test(e.name) && lowerSeen.has(e.name.toLowerCase()) && !lookupPlace(e.name) && !lookupOrg(e.name) && e.cls !== 'person') e.mentions = [];
	}
	// "(Bandura, Ross, & Ross, 1961)": authors named only in a citation are no people of the text
	for (const e of entities) if (e.mentions.length && e.mentions.every((m) => inCitation(tokens, m.first))) e.mentions = [];
	mentions.sort((a, b) => a.start - b.start);
	return { entities, mentions: mentions.filter((m) => entities[m.entity].mentions.length > 0) };
}

/** Token `k` stands inside brackets that hold a year: a reference to a publication. */
function inCitation(tokens: Token[], k: number): boolean {
	let open = -1;
	for (let x = k - 1; x >= Math.max(0, k - 40) && tokens[x].sent === tokens[k].sent; x--) {
		if (tokens[x].text === ')') return false;
		if (tokens[x].text === '(') {
			open = x;
			break;
		}
	}
	if (open < 0) return false;
	for (let x = k; x < Math.min(tokens.length, k + 40) && tokens[x].sent === tokens[k].sent; x++) {
		if (tokens[x].text === ')') return tokens.slice(open, x).some((t) => /^(1[5-9]|20)\d\d[a-z]?$/.test(t.text));
		if (tokens[x].text === '(') return false;
	}
	return false;
}

interface RawMention {
	first: number;
	last: number;
	cls: EntityClass;
	roles: string[];
	abbrFor?: number;
}

function isMonth(t: Token, next?: Token): boolean {
	// "May" is a month only before a day or a year ("in May 1945"), a verb or a name otherwise
	return MONTHS.includes(t.lower) && (t.lower !== 'may' || (!!next && /^\d{1,4}$/.test(next.text)));
}

function startsName(tokens: Token[], i: number, sentFirst: number, lowerSeen: Set<string>, capSeenMid: Set<string>): boolean {
	const t = tokens[i];
	// "An-Nasir Muhammad": an Arabic article glued to the name
	if (isCap(t) && /^(an|al|el|ad|ar|as|at|az|ash|ibn|bin)$/.test(t.lower) && tokens[i + 1]?.text === '-' && !tokens[i + 1].space && isCap(tokens[i + 2] ?? t) && !tokens[i + 2]?.space) return true;
	if (!isCap(t) || NOT_NAME.has(t.lower) || isMonth(t, tokens[t.i + 1]) || t.type === 'currency') return false;
	if (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'ADP' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.pos === 'AUX') return false;
	let opening = i === sentFirst;
	if (!opening) {
		const prev = tokens[i - 1];
		opening = /^[“"‘'(—–-]$/.test(prev.text) && i - 1 === sentFirst;
	}
	if (!opening) return true;
	// at the start of a sentence a capital proves nothing
	if (isAllCaps(t)) return true;
	const next = tokens[i + 1];
	if (PERSON_TITLES.has(t.lower) || PERSON_ROLES.has(t.lower)) return true;
	if (capSeenMid.has(t.lower) || lookupPlace(t.text) || lookupOrg(t.text)) return true;
	if (lowerSeen.has(t.lower)) return false;
	if (next && isCap(next) && next.space && !NOT_NAME.has(next.lower)) return t.pos === 'PROPN' || t.pos === 'NOUN';
	return false;
}

/** Splits titles and demonyms off a capitalised run and guesses its class from its own words. */
function analyseSpan(tokens: Token[], first: number, last: number): RawMention[] {
	let a = first;
	const roles: string[] = [];
	let titled = false;
	let noble: number | null = null;
	// leading demonym ("Cambodian Prime Minister ...") and titles
	for (let guard = 0; guard < 6 && a < last - 1; guard++) {
		const two = `${tokens[a].lower} ${tokens[a + 1]?.lower ?? ''}`;
		if (a + 2 < last && PERSON_TITLES.has(two)) {
			roles.push(two);
			titled = true;
			a += 2;
			continue;
		}
		if (PERSON_TITLES.has(tokens[a].lower) || PERSON_ROLES.has(tokens[a].lower)) {
			roles.push(tokens[a].lower);
			titled = true;
			if (NOBLE_TITLES.has(tokens[a].lower)) noble = a;
			a++;
			// "Secretary of Energy Spencer Abraham"
			if (tokens[a]?.lower === 'of' && a + 2 < last) a += 2;
			continue;
		}
		if (isDemonym(tokens[a]) && a + 1 < last && (PERSON_TITLES.has(tokens[a + 1].lower) || PERSON_TITLES.has(`${tokens[a + 1].lower} ${tokens[a + 2]?.lower ?? ''}`))) {
			a++;
			continue;
		}
		// "Briton Tim Henman", "Russian Maria Sharapova": a nationality before a first and last name
		// ("Swiss Roger Federer" too: a demonym before a known first name)
		if (a === first && (isDemonym(tokens[a]) || NATIONALITY_NOUNS.has(tokens[a].lower)) && ((last - a === 3 && personLike(tokens, a + 1, last)) || (a + 2 <= last - 1 && isFirstName(tokens[a + 1].text)))) {
			roles.push(tokens[a].lower);
			titled = true;
			a++;
			continue;
		}
		if (a + 1 < last && a - first < 2 && PERSON_TITLES.has(tokens[a + 1].lower) && !PLACE_HEADS.has(tokens[a + 1].lower)) {
			a++;
			continue;
		}
		break;
	}
	if (noble !== null && a < last) a = noble; // keep "Lord North", "King George III" whole
	// a name never starts with a small word left over from a title ("CEO of Mozilla")
	while (a < last && /^\p{Ll}/u.test(tokens[a].text)) a++;
	if (a >= last) return [];
	// a trailing connector is not part of the name
	let z = last;
	// "Mitch McConnell of Kentucky": a person's name ends before the place they come from
	// (but "King George of England" is one name)
	if ((isFirstName(tokens[a]?.text ?? '') || titled) && noble === null) {
		for (let k = a + 2; k < z - 1; k++) {
			if (tokens[k].lower !== 'of') continue;
			const rest = tokens.slice(k + 1, z).map((t) => t.text).join(' ');
			if (lookupPlace(rest)) z = k;
			break;
		}
	}
	while (z > a && CONNECTORS.has(tokens[z - 1].lower)) z--;
	if (z <= a) return [];
	const words = tokens.slice(a, z);
	// a role noun written just before the run: "opposition leader Sam Rainsy" (but not "a
	// general Mesoamerican civilization", where the capitalised word describes a noun)
	const before = tokens[first - 1];
	const describesNoun = /^\p{Ll}/u.test(tokens[z]?.text ?? '') && tokens[z]?.pos === 'NOUN';
	if (before && /^\p{Ll}/u.test(before.text) && PERSON_ROLES.has(before.lower) && !AMBIGUOUS_TITLES.has(before.lower) && !describesNoun) {
		roles.push(before.lower);
		titled = true;
	}
	// "Mr. Warner", "Mrs Carter": the title is never part of the span
	if (before && /^(mr|mrs|ms|dr|miss|mr\.|mrs\.|ms\.|dr\.)$/.test(before.lower)) {
		roles.push(before.lower.replace(/\.$/, ''));
		titled = true;
	}
	if (before && /^\p{Ll}/u.test(before.text) && PERSON_TITLES.has(before.lower) && !AMBIGUOUS_TITLES.has(before.lower) && !describesNoun) {
		roles.push(before.lower);
		titled = true;
	}
	return [{ first: a, last: z, cls: classify(tokens, words, titled, a, z), roles }];
}

function classify(tokens: Token[], words: Token[], titled: boolean, a: number, z: number): EntityClass {
	const name = words.map((w) => w.text).join(' ');
	const head = words[words.length - 1].lower;
	const firstWord = words[0].lower;
	if (lookupOrg(name)) return 'org';
	if (words.length === 1 && LANGUAGE_NAMES.has(head) && !lookupPlace(name)) {
		const sent = tokens[a].sent;
		const talksOfLanguage = tokens.some((t) => t.sent === sent && /^(language|languages|spoken|speak|speaks|dialect|tongue)$/.test(t.lower));
		return talksOfLanguage ? 'language' : 'group';
	}
	if (words.length > 1 && head === 'language') return 'language';
	const ofHead = words.findIndex((w, k) => k > 0 && w.lower === 'of');
	const beforeOf = ofHead > 0 ? words[ofHead - 1].lower : '';
	if (ofHead > 0 && !lookupOrg(name)) {
		if (ORG_HEADS.has(beforeOf)) return 'org';
		if (LAW_HEADS.has(beforeOf)) return 'law';
		if (EVENT_HEADS.has(beforeOf)) return 'event';
		if (POLITY_HEADS.has(beforeOf)) return 'polity';
		if (PLACE_HEADS.has(beforeOf) || PLACE_PREFIXES.has(words[0].lower)) return 'place';
	}
	if (LAW_HEADS.has(head)) return 'law';
	if (ORG_HEADS.has(head)) return 'org';
	if (lookupPlace(name)) return 'place';
	if (POLITY_HEADS.has(head) && words.length > 1) return 'polity';
	if (EVENT_HEADS.has(head) && words.length > 1) return 'event';
	if ((PLACE_HEADS.has(head) && words.length > 1) || (PLACE_PREFIXES.has(firstWord) && words.length > 1)) return 'place';
	if (titled && words.length <= 4) return 'person';
	// ("Justine Henin-Hardenne": the hyphen is part of the surname)
	const nameWords = words.filter((w) => w.text !== '-');
	if (nameWords.length >= 2 && nameWords.length <= 4 && isFirstName(firstWord) && nameWords.every((w) => /^\p{Lu}/u.test(w.text)) && canBePerson(name)) return 'person';
	// "Ben stood up on his surfboard": a first name on its own
	// ("the Leonid storm" is no person: a name after "the" is a thing's)
	if (words.length === 1 && isFirstNameAlone(words[0].text) && !lookupPlace(name) && !lookupOrg(name) && tokens[z]?.pos !== 'NOUN' && !/^(the|a|an)$/.test(tokens[a - 1]?.lower ?? '')) return 'person';
	// "..., Keo Vanthan said" / "said Hun Sen"
	const after = tokens[z];
	const after2 = tokens[z + 1];
	const prev = tokens[a - 1];
	if ((after && SPEECH_VERBS.has(after.lower) && after.pos === 'VERB') || (prev && SPEECH_VERBS.has(prev.lower) && prev.pos === 'VERB' && words.length >= 2)) return 'person';
	if (after?.text === ',' && after2 && SPEECH_VERBS.has(after2.lower)) return 'person';
	// life dates: "Sundiata Keita (c. 1214 – c. 1255)", "Ambrose Bierce (1842–1914)"
	if (after?.text === '(' && tokens.slice(z + 1, z + 8).filter((t) => /^\d{3,4}$/.test(t.text)).length >= 2 && tokens.slice(z + 1, z + 8).some((t) => t.text === ')')) return 'person';
	// apposition: "Sakoura, a former royal court slave," / "Sundiata Keita, a warrior-prince of ..."
	if (after?.text === ',' && after2 && /^(a|an)$/.test(after2.lower)) {
		for (let k = z + 2; k < Math.min(tokens.length, z + 7); k++) {
			if (PERSON_ROLES.has(tokens[k].lower) || PERSON_TITLES.has(tokens[k].lower) || /^(slave|man|woman|boy|girl|child|merchant|farmer)$/.test(tokens[k].lower)) return 'person';
			if (tokens[k].text === ',' || tokens[k].pos === 'VERB') break;
		}
	}
	// "her nine-year-old son, Jem,": a kinship noun in apposition
	if (prev?.text === ',' && words.length <= 3 && /^(son|daughter|wife|husband|brother|sister|mother|father|uncle|aunt|nephew|niece|cousin|grandson|granddaughter|friend)$/.test(tokens[a - 2]?.lower ?? '')) return 'person';
	// "the king of the Sosso Empire, Soumaoro Kanté"
	if (prev?.text === ',' && words.length >= 2) {
		for (let k = a - 2; k >= Math.max(0, a - 7); k--) {
			if (tokens[k].text === ',' || tokens[k].pos === 'VERB') break;
			if (/^\p{Ll}/u.test(tokens[k].text) && (PERSON_ROLES.has(tokens[k].lower) || PERSON_TITLES.has(tokens[k].lower)) && tokens[k - 1]?.lower === 'the') return 'person';
		}
	}
	// "Rochester, Minnesota": a town followed by its state or country
	if (after?.text === ',' && after2 && words.length <= 3 && (lookupPlace(after2.text)?.kind === 'state' || lookupPlace(after2.text)?.kind === 'country')) return 'place';
	if (words.length === 1 && (isDemonym(words[0]) || (/[^su]s$/.test(words[0].lower) && !isAllCaps(words[0]) && words[0].pos !== 'VERB'))) return 'group';
	return 'name';
}

const NATIONALITY_NOUNS = new Set(['briton', 'swiss', 'scot', 'dane', 'swede', 'finn', 'pole', 'czech', 'thai', 'dutchman', 'frenchman', 'englishman', 'irishman', 'welshman', 'spaniard', 'turk', 'greek', 'kiwi', 'aussie']);

/** Two capitalised words that could be a first and a last name: no kind word at the end, no place. */
function personLike(tokens: Token[], a: number, z: number): boolean {
	const words = tokens.slice(a, z);
	if (words.some((w) => !/^\p{Lu}[\p{Ll}'’-]+$/u.test(w.text) || NOT_NAME.has(w.lower))) return false;
	const head = words[words.length - 1].lower;
	if (ORG_HEADS.has(head) || LAW_HEADS.has(head) || EVENT_HEADS.has(head) || POLITY_HEADS.has(head) || PLACE_HEADS.has(head)) return false;
	return !lookupPlace(words.map((w) => w.text).join(' ')) && !words.some((w) => lookupPlace(w.text));
}

function isDemonym(t: Token): boolean {
	if (isDemonymWord(t.text)) return true;
	// (a surname may end in "-an" too: "Millikan", "Henman")
	return /^\p{Lu}\p{Ll}+(ian|ese|ish|ch|i|ic)$/u.test(t.text) && (t.pos === 'ADJ' || t.pos === 'PROPN') && !lookupPlace(t.text) && !isFirstName(t.text);
}

function linkShortForm(entities: Entity[], name: string, r: RawMention, evidence: Map<number, EntityClass[]>, titleWords: Set<string>): Entity | undefined {
	const words = name.split(/\s+/);
	const lower = name.toLowerCase();
	// "Hubble" beside "Edwin Hubble" and "Hubble Space Telescope": it may be either
	const alsoThing = words.length === 1 && entities.some((e) => e.cls !== 'person' && e.name.toLowerCase().split(/\s+/)[0] === lower && /\s/.test(e.name));
	// a single word that ends exactly one person's name ("Vanthan" for "Keo Vanthan", "North" for "Lord North")
	if (words.length === 1 && !titleWords.has(lower)) {
		const personish = (e: Entity) => e.roles.length > 0 || (evidence.get(e.id) ?? []).includes('person') || r.cls === 'person';
		const hits = entities.filter((e) => personish(e) && e.name.split(/\s+/).length > 1 && e.name.toLowerCase().split(/\s+/).pop() === lower);
		if (hits.length === 1 && !alsoThing) return hits[0];
		const abbr = entities.filter((e) => e.aliases.some((a) => a.toLowerCase() === lower));
		if (abbr.length === 1) return abbr[0];
	}
	// "Hewitt" after "Lleyton Hewitt": a surname used alone is how articles name people
	// (but not "Hubble" in an article about the Hubble Space Telescope)
	if (words.length === 1 && /^\p{Lu}\p{Ll}{2,}$/u.test(name) && !lookupPlace(name) && !lookupOrg(name) && !titleWords.has(lower) && !alsoThing) {
		const hits = entities.filter((e) => {
			const ws = e.name.split(/\s+/);
			return ws.length === 2 && ws[1] === name && e.cls !== 'place' && e.cls !== 'org' && e.cls !== 'law' && e.cls !== 'event' && e.cls !== 'polity' && /^\p{Lu}\p{Ll}+$/u.test(ws[0]) && !lookupPlace(ws[0]);
		});
		if (hits.length === 1) {
			const ev = evidence.get(hits[0].id) ?? [];
			ev.push('person');
			evidence.set(hits[0].id, ev);
			return hits[0];
		}
	}
	// the tail of a longer name ("Earth Simulator" for "NEC Earth Simulator")
	if (words.length >= 2 && r.cls !== 'person' && !lookupPlace(name)) {
		const hits = entities.filter((e) => e.name.toLowerCase().endsWith(' ' + lower) && !/\b(of|for|and)\b/i.test(e.name) && e.cls !== 'person');
		if (hits.length === 1) return hits[0];
	}
	return undefined;
}

function decideClass(e: Entity, ev: EntityClass[]): EntityClass {
	const strong: EntityClass[] = ['org', 'law', 'event', 'polity', 'place', 'language'];
	for (const c of strong) if (ev.includes(c) && ev.filter((x) => x === c).length >= ev.filter((x) => x === 'person').length) return c;
	if (ev.includes('person')) return 'person';
	if (ev.includes('group')) return 'group';
	return 'name';
}

/**
 * True when `abbr` can be read as the initials of `words`: every letter comes from a
 * word, in order, each used word giving its first letter ("CNRP", "DOE", "Asean").
 */
export function isAbbreviationOf(abbr: string, words: string[]): boolean {
	const letters = abbr.replace(/[^\p{L}]/gu, '').toLowerCase();
	if (letters.length < 2 || letters.length > 8 || !/^\p{Lu}/u.test(abbr)) return false;
	const ws = words.map((w) => w.toLowerCase()).filter((w) => /\p{L}/u.test(w));
	if (!ws.length || ws[0][0] !== letters[0]) return false;
	const solve = (li: number, wi: number, pos: number): boolean => {
		if (li === letters.length) return true;
		// stay in the current word
		if (wi < ws.length && pos > 0) {
			const at = ws[wi].indexOf(letters[li], pos);
			if (at >= 0 && solve(li + 1, wi, at + 1)) return true;
		}
		// start a later word (skipping small ones is allowed)
		for (let w = wi + 1; w < ws.length; w++) {
			if (ws[w][0] === letters[li] && solve(li + 1, w, 1)) return true;
			if (!/^(of|the|and|for|de|du|la|in|on|&)$/.test(ws[w])) break;
		}
		return false;
	};
	if (!solve(1, 0, 1)) return false;
	// every significant word should contribute, or the match is a coincidence
	const significant = ws.filter((w) => !/^(of|the|and|for|de|du|la|in|on|&)$/.test(w)).length;
	return letters.length >= Math.min(significant, 2) && significant <= letters.length + 1;
}

/** Titles that, written in lower case before a name, are usually adjectives: "a general Mesoamerican civilization". */
const AMBIGUOUS_TITLES = new Set(['general', 'major', 'chief', 'head', 'justice', 'count', 'father', 'saint', 'marshal', 'captain', 'president', 'judge']);

/** Last words of things named after people: "James Webb Space Telescope", "Nobel Prize". */
const ARTEFACT_HEADS = /^(telescope|observatory|prize|award|medal|trophy|cup|bridge|building|tower|station|satellite|probe|rover|ship|airport|stadium|museum|memorial|hall|library|school|college|university|institute|center|centre|foundation|hospital|park|street|avenue|road|square|highway|lecture|lectures|theorem|law|effect|equation|constant|doll|test|scale|model|method|experiment|experiments|open|games|league|series|act|plan|doctrine|award)$/i;

/** Whether a name could be a person's: not "Mesoamerican", "CE", "Australian Open", "Hubble Space Telescope". */
export function canBePerson(name: string): boolean {
	const words = name.split(/\s+/);
	const head = words[words.length - 1];
	if (ERA.test(name)) return false;
	if (words.length === 1 && isDemonymWord(name)) return false;
	// "the Virginia Democrat": a party member described, not named
	if (/^(democrats?|republicans?|conservatives?|liberals?|socialists?|communists?|tories|tory|whigs?|federalists?|loyalists?|patriots?)$/i.test(head)) return false;
	// "Roman Catholics", "Native Americans": a people, not a person
	if (words.length > 1 && isDemonymWord(words[0]) && !isFirstName(words[1])) return false;
	if (/^(catholics|protestants|muslims|christians|jews|hindus|buddhists|quakers|puritans|anglicans|methodists|baptists|mormons|sikhs|pagans|americans|indians)$/i.test(head)) return false;
	// "Virginia", "Georgia", "Victoria" first in a name are as likely the place
	if (words.length > 1 && lookupPlace(words[0]) && !isFirstNameAlone(words[0])) return false;
	if (words.length > 1 && (ARTEFACT_HEADS.test(head) || EVENT_HEADS.has(head.toLowerCase()) || ORG_HEADS.has(head.toLowerCase()) || PLACE_HEADS.has(head.toLowerCase()) || POLITY_HEADS.has(head.toLowerCase()) || LAW_HEADS.has(head.toLowerCase()))) return false;
	return true;
}

const ERA = /^(CE|BCE|BC|AD|B\.C\.?|A\.D\.?|B\.C\.E\.?|C\.E\.?)$/;

/**
 * Era markers are no names at all ("264 BCE"), and adjectives, tournaments and things
 * named after people are no persons, whatever cue made them look like one.
 */
function notPersons(entities: Entity[]) {
	for (const e of entities) {
		if (ERA.test(e.name)) {
			e.mentions = [];
			continue;
		}
		if (e.cls !== 'person' || canBePerson(e.name)) continue;
		const head = e.name.split(/\s+/).pop()!.toLowerCase();
		e.cls = e.name.split(/\s+/).length === 1 ? 'group' : EVENT_HEADS.has(head) || /^(open|games|series|league)$/.test(head) ? 'event' : 'name';
	}
}
