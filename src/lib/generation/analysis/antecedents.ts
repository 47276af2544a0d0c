import type { Entity, Mention } from './entities.js';
import type { Sentence, Token } from './tokens.js';
import { agrees, demonymEpithet, personNoun, type Gender } from './agreement.js';
import { canBePerson } from './entities.js';

/**
 * The person a "he" or "she" at the start of sentence `si` refers to: the only person
 * of the nearest earlier sentence that names one, or its subject when it names several.
 * With a gender, only people who may be called so count, and a sentence naming only
 * people of the other gender is passed over ("her behavior" is never Albert Bandura's).
 * With `unique`, a sentence naming anyone else who may be a person is no help either.
 * Undefined when that is not clear; the caller then skips the sentence.
 */
export function personBefore(a: { tokens: Token[]; sentences: Sentence[]; mentionsBySent: Mention[][]; entities: Entity[] }, si: number, gender?: Gender, unique = false): number | undefined {
	const para = a.sentences[si].para;
	const ok = (id: number) => agrees(a, id, gender);
	for (let k = si - 1; k >= Math.max(0, si - 4); k--) {
		if (para - a.sentences[k].para > 1) return undefined;
		const all = a.mentionsBySent[k].filter((m) => a.entities[m.entity].cls === 'person');
		// "The teacher was scolded. She ...", "The Swiss sounded warning ... He ...": the person
		// the text was about is one it did not name; looking further back would find someone else
		if (unnamedPerson(a, k, gender)) return undefined;
		if (!all.length) continue;
		const persons = all.filter((m) => ok(m.entity));
		if (!persons.length) continue;
		const distinct = new Set(persons.map((m) => m.entity));
		// a name of unknown kind beside the person may be the one meant ("Henin-Hardenne")
		const maybe = a.mentionsBySent[k].some((m) => a.entities[m.entity].cls === 'name' && mayBePerson(a.entities[m.entity]));
		// "Federer again got the better of Hewitt": a capitalised subject the tagger did not take for a name
		const lead = a.tokens[a.sentences[k].first];
		const untagged = !!lead && lead.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(lead.text) && !a.mentionsBySent[k].some((m) => m.first === lead.i);
		if (distinct.size === 1 && !maybe && !(unique && untagged)) return persons[0].entity;
		// "Federer again got the better of Hewitt. His victory in Houston ...": whose, is a guess
		if (unique) return undefined;
		const first = a.mentionsBySent[k].find((m) => a.entities[m.entity].cls !== 'group');
		if (first && a.entities[first.entity].cls === 'person' && ok(first.entity) && first.first - a.sentences[k].first <= 6) return first.entity;
		return undefined;
	}
	return undefined;
}

/** A name the recogniser could not place that may still be a person's: one or two capitalised words, no known place. */
export function mayBePerson(e: Entity): boolean {
	const words = e.name.split(/\s+/);
	return words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) && canBePerson(e.name) && !e.placeKind;
}

/** Whether sentence `k` speaks of a person it does not name: a common noun or an epithet as a subject. */
function unnamedPerson(a: { tokens: Token[]; sentences: Sentence[] }, k: number, gender?: Gender): boolean {
	const s = a.sentences[k];
	for (let x = s.first; x < s.last; x++) {
		const t = a.tokens[x];
		if (demonymEpithet(a.tokens, x, s.last)) return true;
		const pn = personNoun(t);
		if (!pn || (gender && pn.gender && pn.gender !== gender)) continue;
		// the subject: the noun of the sentence's first phrase, followed by its verb
		const next = a.tokens[x + 1];
		if (x - s.first <= 3 && next && /^(VERB|AUX)$/.test(next.pos) && /^(the|a|an|this|that|his|her|their)$/.test(a.tokens[x - 1]?.lower ?? '')) return true;
	}
	return false;
}
