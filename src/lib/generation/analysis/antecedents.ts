import type { Entity, Mention } from './entities.js';
import type { Sentence, Token } from './tokens.js';

export type Gender = 'm' | 'f';

/** The gender a personal pronoun speaks of, if any. */
export function pronounGender(word: string): Gender | undefined {
	if (/^(he|him|his|himself)$/i.test(word)) return 'm';
	if (/^(she|her|hers|herself)$/i.test(word)) return 'f';
	return undefined;
}

/**
 * The person a "he" or "she" at the start of sentence `si` refers to: the only person
 * of the nearest earlier sentence that names one, or its subject when it names several.
 * A person the article calls by the other pronoun is never the answer ("her behavior"
 * is not Albert Bandura's). Undefined when that is not clear; the caller then skips the
 * sentence.
 */
export function personBefore(a: { sentences: Sentence[]; mentionsBySent: Mention[][]; entities: Entity[]; tokens?: Token[] }, si: number, gender?: Gender, unique = false): number | undefined {
	const para = a.sentences[si].para;
	const fits = (id: number) => !gender || !a.entities[id].gender || a.entities[id].gender === gender;
	for (let k = si - 1; k >= Math.max(0, si - 4); k--) {
		if (para - a.sentences[k].para > 1) return undefined;
		const persons = a.mentionsBySent[k].filter((m) => a.entities[m.entity].cls === 'person' && fits(m.entity));
		if (!persons.length) continue;
		const distinct = new Set(persons.map((m) => m.entity));
		// (a name of unknown kind beside the one person may be another person: "Federer ... Hewitt")
		const others = a.mentionsBySent[k].filter((m) => a.entities[m.entity].cls === 'name' && /^\p{Lu}\p{Ll}+$/u.test(a.entities[m.entity].name));
		// ("Federer again got the better of Hewitt": a capitalised subject the tagger did not take for a name)
		const lead = a.tokens?.[a.sentences[k].first];
		if (lead && lead.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(lead.text) && !a.mentionsBySent[k].some((m) => m.first === lead.i)) others.push(persons[0]);
		if (distinct.size === 1 && !(unique && others.length)) return persons[0].entity;
		// "Federer again got the better of Hewitt. His victory in Houston ...": whose, is a guess
		if (unique) return undefined;
		const first = a.mentionsBySent[k].find((m) => a.entities[m.entity].cls !== 'group');
		if (first && a.entities[first.entity].cls === 'person' && fits(first.entity) && first.first - a.sentences[k].first <= 6) return first.entity;
		return undefined;
	}
	return undefined;
}

const MALE_ROLES = /^(mr|mr\.|sir|lord|king|prince|emperor|duke|earl|baron|count|sultan|pharaoh|tsar|czar|shah|caliph|father|son|brother|uncle|nephew|husband|monk|businessman|chairman|congressman|spokesman|frenchman|englishman|dutchman)$/;
const FEMALE_ROLES = /^(mrs|mrs\.|ms|ms\.|miss|lady|dame|queen|princess|empress|duchess|mother|daughter|sister|wife|aunt|niece|nun|actress|businesswoman|chairwoman|congresswoman|spokeswoman)$/;

/**
 * Works out who is a man and who a woman from titles ("Queen", "Mr") and from the
 * pronouns the article uses right after naming only that person.
 */
export function assignGenders(tokens: Token[], sentences: Sentence[], mentionsBySent: Mention[][], entities: Entity[], quoted: (k: number) => boolean): void {
	const votes = new Map<number, { m: number; f: number }>();
	const vote = (id: number, g: Gender, n = 1) => {
		const v = votes.get(id) ?? { m: 0, f: 0 };
		v[g] += n;
		votes.set(id, v);
	};
	for (const e of entities) {
		if (e.cls !== 'person') continue;
		for (const r of e.roles) {
			if (MALE_ROLES.test(r)) vote(e.id, 'm', 2);
			if (FEMALE_ROLES.test(r)) vote(e.id, 'f', 2);
		}
	}
	for (const s of sentences) {
		for (let k = s.first; k < s.last; k++) {
			const g = pronounGender(tokens[k].lower);
			if (!g || quoted(k) || (tokens[k].pos !== 'PRON' && tokens[k].pos !== 'DET')) continue;
			const before = mentionsBySent[s.index].filter((m) => m.last <= k && entities[m.entity].cls === 'person');
			let ids = new Set(before.map((m) => m.entity));
			if (!ids.size && s.index > 0 && sentences[s.index - 1].para === s.para) ids = new Set(mentionsBySent[s.index - 1].filter((m) => entities[m.entity].cls === 'person').map((m) => m.entity));
			if (ids.size === 1) vote([...ids][0], g);
			break;
		}
	}
	for (const [id, v] of votes) if (v.m !== v.f) entities[id].gender = v.m > v.f ? 'm' : 'f';
}
