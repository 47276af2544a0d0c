import type { Entity, Mention } from './entities.js';
import type { Sentence, Token } from './tokens.js';
import { agrees, type Gender } from './agreement.js';
import { canBePerson } from './entities.js';

/**
 * The person a "he" or "she" at the start of sentence `si` refers to: the only person
 * of the nearest earlier sentence that names one, or its subject when it names several.
 * With a gender, only people who may be called so count, and a sentence naming only
 * people of the other gender is passed over. Undefined when that is not clear; the
 * caller then skips the sentence.
 */
export function personBefore(a: { tokens: Token[]; sentences: Sentence[]; mentionsBySent: Mention[][]; entities: Entity[] }, si: number, gender?: Gender): number | undefined {
	const para = a.sentences[si].para;
	const ok = (id: number) => agrees(a, id, gender);
	for (let k = si - 1; k >= Math.max(0, si - 4); k--) {
		if (para - a.sentences[k].para > 1) return undefined;
		const all = a.mentionsBySent[k].filter((m) => a.entities[m.entity].cls === 'person');
		if (!all.length) continue;
		const persons = all.filter((m) => ok(m.entity));
		if (!persons.length) continue;
		const distinct = new Set(persons.map((m) => m.entity));
		// a name of unknown kind beside the person may be the one meant ("Henin-Hardenne")
		const maybe = a.mentionsBySent[k].some((m) => a.entities[m.entity].cls === 'name' && mayBePerson(a.entities[m.entity]));
		if (distinct.size === 1 && !maybe) return persons[0].entity;
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
