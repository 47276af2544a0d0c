import type { Entity, Mention } from './entities.js';
import type { Sentence, Token } from './tokens.js';
import { FEMALE_WORDS, MALE_WORDS, genderOfFirstName } from '../knowledge/names.js';
import { isDemonymWord, placeOfDemonym } from '../knowledge/demonyms.js';
import { PERSON_ROLES } from '../knowledge/lexicon.js';

/**
 * Agreement of pronouns and epithets with the people they may stand for: "her" is
 * never Albert Bandura, "the Briton" is the one person the article calls British.
 * A wrong antecedent turns a true sentence into a false one, so every binding of a
 * pronoun to a name goes through here.
 */

export type Gender = 'm' | 'f';

interface Doc {
	tokens: Token[];
	sentences: Sentence[];
	entities: Entity[];
	mentionsBySent: Mention[][];
}

const MALE_PRON = /^(he|him|his|himself)$/;
const FEMALE_PRON = /^(she|her|hers|herself)$/;

/** The gender a personal pronoun asks for, if any. */
export function pronounGender(word: string): Gender | undefined {
	const w = word.toLowerCase();
	return MALE_PRON.test(w) ? 'm' : FEMALE_PRON.test(w) ? 'f' : undefined;
}

/** Gender of a noun or title ("Mrs", "queen", "actress", "son"), if it has one. */
export function wordGender(word: string): Gender | undefined {
	const w = word.toLowerCase();
	return MALE_WORDS.has(w) ? 'm' : FEMALE_WORDS.has(w) ? 'f' : undefined;
}

const cache = new WeakMap<Entity[], Map<number, Gender | null>>();

/**
 * A person's gender from what the article itself shows: a title or role ("Mrs",
 * "King", "his son"), a first name of known gender, or, failing both, the pronouns
 * of the sentences where the person is the only one named. Undefined when unknown
 * or when the evidence disagrees.
 */
export function genderOf(a: Doc, id: number): Gender | undefined {
	let m = cache.get(a.entities);
	if (!m) cache.set(a.entities, (m = new Map()));
	const hit = m.get(id);
	if (hit !== undefined) return hit ?? undefined;
	const g = computeGender(a, id);
	m.set(id, g ?? null);
	return g;
}

function computeGender(a: Doc, id: number): Gender | undefined {
	const e = a.entities[id];
	if (!e || e.cls !== 'person') return undefined;
	const votes = { m: 0, f: 0 };
	for (const r of e.roles) {
		const g = wordGender(r.split(' ')[0]);
		if (g) votes[g] += 2;
	}
	const first = e.name.split(/\s+/)[0];
	const byName = genderOfFirstName(first);
	if (byName) votes[byName] += 2;
	// "Claire's nine-year-old son, Jay": a gendered noun just before the name
	for (const mn of e.mentions) {
		for (let k = mn.first - 1; k >= Math.max(0, mn.first - 4); k--) {
			const t = a.tokens[k];
			if (t.sent !== mn.sent) break;
			const g = /^\p{Ll}/u.test(t.text) ? wordGender(t.lower) : undefined;
			if (g) {
				votes[g] += 2;
				break;
			}
			if (!/^(ADJ|NUM|PUNCT|PART|NOUN)$/.test(t.pos) || t.text === '.' || t.text === ';') break;
		}
	}
	if (votes.m !== votes.f) return votes.m > votes.f ? 'm' : 'f';
	if (votes.m > 0) return undefined;
	// the pronouns of sentences where this person is the only one named, and named first
	for (const mn of e.mentions) {
		const s = a.sentences[mn.sent];
		const persons = new Set(a.mentionsBySent[mn.sent].filter((x) => a.entities[x.entity].cls === 'person').map((x) => x.entity));
		if (persons.size !== 1) continue;
		let quote = false;
		for (let k = mn.last; k < s.last; k++) {
			const t = a.tokens[k];
			if (/^[“”"]$/.test(t.text)) quote = !quote;
			if (quote || t.pos !== 'PRON' && t.pos !== 'DET') continue;
			const g = pronounGender(t.lower);
			if (g) votes[g]++;
		}
	}
	if (votes.m && votes.f) return undefined;
	return votes.m ? 'm' : votes.f ? 'f' : undefined;
}

/** Whether a person may be called "he" (or "she"): unknown gender agrees with both. */
export function agrees(a: Doc, id: number, gender: Gender | undefined): boolean {
	if (!gender) return true;
	const g = genderOf(a, id);
	return !g || g === gender;
}

/** Nouns that stand for a person without naming one ("the teacher", "a child"). */
const PERSON_NOUNS = new Set(
	`person people man men woman women boy boys girl girls child children kid kids baby adult adults teacher teachers student students pupil
	pupils parent parents mother father son daughter wife husband brother sister friend model models participant participants subject
	subjects patient patients owner master slave servant worker workers player players fan fans viewer viewers reader readers observer
	learner learners individual individuals client clients customer customers citizen citizens soldier soldiers victim victims
	researcher researchers scientist scientists doctor doctors nurse king queen emperor ruler leader judge officer official champion
	winner loser opponent rival partner colleague boss manager employee author writer speaker listener user users voter voters`.split(/\s+/)
);

/** Whether token `t` is a common noun for a person, and which gender it gives (if any). */
export function personNoun(t: Token): { gender?: Gender } | null {
	if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return null;
	if (/^\p{Lu}/u.test(t.text) && t.pos === 'PROPN') return null;
	const w = t.lower;
	if (!PERSON_NOUNS.has(w) && !PERSON_ROLES.has(w) && !PERSON_ROLES.has(t.lemma) && !MALE_WORDS.has(w) && !FEMALE_WORDS.has(w)) return null;
	return { gender: wordGender(w) };
}

/** Whether a plural pronoun ("they", "their") can stand for this common noun. */
export function isPluralNoun(t: Token): boolean {
	return t.pos === 'NOUN' && t.lemma !== t.lower && /s$|^(people|children|men|women|data|media|criteria|phenomena)$/.test(t.lower);
}

/**
 * The nationality the article gives a person ("Briton Tim Henman", "Swiss Roger
 * Federer"): the place a demonym written just before one of the person's names stands for.
 */
export function nationalityOf(a: Doc, id: number): string | undefined {
	const e = a.entities[id];
	for (const mn of e.mentions) {
		const before = a.tokens[mn.first - 1];
		if (before && before.sent === mn.sent && /^\p{Lu}/u.test(before.text) && isDemonymWord(before.text)) return placeOfDemonym(before.text);
	}
	return undefined;
}

/**
 * "The Swiss", "the Briton", "the American": a demonym used as a noun for one person.
 * Returns the place it stands for, or undefined when the words at `x` are not one.
 */
export function demonymEpithet(tokens: Token[], x: number, end: number): { last: number; place: string } | null {
	if (tokens[x]?.lower !== 'the') return null;
	const d = tokens[x + 1];
	if (!d || x + 1 >= end || !/^\p{Lu}/u.test(d.text) || !isDemonymWord(d.text)) return null;
	const next = tokens[x + 2];
	// "the Swiss franc", "the British government": an adjective, not a person
	if (next && x + 2 < end && /^(NOUN|PROPN|ADJ|NUM)$/.test(next.pos) && !/^(’s|'s)$/.test(next.text) && !/^\p{Lu}/u.test(next.text)) return null;
	if (next && x + 2 < end && /^\p{Lu}/u.test(next.text) && next.pos === 'PROPN') return null;
	// "the Russians", "the Chinese", "the British": a people, not one person
	if (/(ese|ish|ch|sh)$/.test(d.lower) || (/s$/.test(d.lower) && !/ss$/.test(d.lower))) return null;
	// "the Swiss are ...": the people; "the Swiss sounded ...": may well be one player
	if (/ss$/.test(d.lower) && /^(are|were|have|do|themselves)$/.test(next?.lower ?? '')) return null;
	const place = placeOfDemonym(d.text);
	return place ? { last: x + 2, place } : null;
}
