import type { Entity, Mention } from './entities.js';
import type { Sentence } from './tokens.js';

/**
 * The person a "he" or "she" at the start of sentence `si` refers to: the only person
 * of the nearest earlier sentence that names one, or its subject when it names several.
 * Undefined when that is not clear; the caller then skips the sentence.
 */
export function personBefore(a: { sentences: Sentence[]; mentionsBySent: Mention[][]; entities: Entity[] }, si: number): number | undefined {
	const para = a.sentences[si].para;
	for (let k = si - 1; k >= Math.max(0, si - 4); k--) {
		if (para - a.sentences[k].para > 1) return undefined;
		const persons = a.mentionsBySent[k].filter((m) => a.entities[m.entity].cls === 'person');
		if (!persons.length) continue;
		const distinct = new Set(persons.map((m) => m.entity));
		if (distinct.size === 1) return persons[0].entity;
		const first = a.mentionsBySent[k].find((m) => a.entities[m.entity].cls !== 'group');
		if (first && a.entities[first.entity].cls === 'person' && first.first - a.sentences[k].first <= 6) return first.entity;
		return undefined;
	}
	return undefined;
}
