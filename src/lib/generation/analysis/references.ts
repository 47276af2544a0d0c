import type { Article } from './article.js';
import type { Entity } from './entities.js';
import { LEADING_CONNECTIVES, PERSON_ROLES, PERSON_TITLES } from '../knowledge/lexicon.js';

/** Replace tokens [first, last) by `text` ('' deletes them). */
export interface Edit {
	first: number;
	last: number;
	text: string;
}

export interface SentenceView {
	/** False when the sentence keeps a reference the reader cannot resolve. */
	ok: boolean;
	reason?: string;
	edits: Edit[];
	/** Entities the sentence is about after resolution (for "also true" checks and scoring). */
	resolved: number[];
	/** Token ranges inside quotation marks. */
	quoted: [number, number][];
}

const PERSON_PRON = new Set(['he', 'him', 'his', 'she', 'her', 'hers']);
const THING_PRON = new Set(['it', 'its']);
const PLURAL_PRON = new Set(['they', 'them', 'their', 'theirs']);
const FIRST_SECOND = new Set(['i', 'me', 'my', 'we', 'us', 'our', 'ours', 'you', 'your', 'yours']);
const CONNECTIVES = LEADING_CONNECTIVES.map((c) => c.split(' ')).sort((a, b) => b.length - a.length);
const ROLE_SYNONYMS: Record<string, string[]> = {
	premier: ['prime minister', 'premier'],
	leader: ['prime minister', 'president', 'leader', 'king', 'queen', 'emperor', 'chancellor'],
	strongman: ['prime minister', 'president', 'leader', 'dictator'],
	'prime minister': ['prime minister', 'premier'],
	president: ['president'],
	king: ['king'],
	queen: ['queen'],
	emperor: ['emperor'],
	governor: ['governor']
};
const PLACE_NOUNS: Record<string, string[]> = {
	country: ['country', 'polity'],
	nation: ['country', 'polity'],
	empire: ['polity'],
	kingdom: ['polity'],
	state: ['country', 'polity'],
	city: ['city'],
	capital: ['city'],
	island: ['island'],
	islands: ['island']
};

export function displayName(e: Entity): string {
	return (e.the ? 'the ' : '') + e.name;
}

export function possessive(name: string, apostrophe: string): string {
	return /s$/.test(name) ? `${name}${apostrophe}` : `${name}${apostrophe}s`;
}

/** Works out how to show one sentence on its own: connectives dropped, references named. */
export function viewSentence(a: Article, si: number, memo: Map<number, SentenceView>): SentenceView {
	const hit = memo.get(si);
	if (hit) return hit;
	const view = compute(a, si, memo);
	memo.set(si, view);
	return view;
}

function compute(a: Article, si: number, memo: Map<number, SentenceView>): SentenceView {
	const s = a.sentences[si];
	const { tokens, entities } = a;
	const edits: Edit[] = [];
	const quoted = quotedRanges(a, s.first, s.last);
	const inQuote = (k: number) => quoted.some(([x, y]) => k >= x && k < y);
	const apostrophe = a.text.includes('’s') ? '’' : "'";
	const resolved = new Set(a.mentionsBySent[si].map((m) => m.entity));
	const fail = (reason: string): SentenceView => ({ ok: false, reason, edits, resolved: [...resolved], quoted });

	// leading connectives: "However,", "But", "Also"
	let k = s.first;
	for (let round = 0; round < 2; round++) {
		const match = CONNECTIVES.find((words) => words.every((w, n) => tokens[k + n]?.lower === w) && !inQuote(k));
		if (!match) break;
		let z = k + match.length;
		// "So far Hun Sen ...", "Now, ..." but not "First ruler ..." (an adjective, not a connective)
		const next = tokens[z];
		if (!next) break;
		if (next.text === ',') z++;
		else if (!/^(however|but|and|also|so far|now|thus|yet|still|then|instead|meanwhile|moreover|finally|rather|indeed|nonetheless|nevertheless|so|today)$/.test(match.join(' '))) break;
		edits.push({ first: k, last: z, text: '' });
		k = z;
	}
	const bodyStart = k;

	for (let x = s.first; x < s.last; x++) {
		if (inQuote(x)) continue;
		if (FIRST_SECOND.has(tokens[x].lower) && tokens[x].pos === 'PRON') return fail('first or second person');
	}

	// demonstratives: "This Commission", "these particles", "This is ..."
	for (let x = bodyStart; x < s.last; x++) {
		const t = tokens[x];
		if (inQuote(x) || !/^(this|these|those|such|that)$/.test(t.lower)) continue;
		if (t.lower === 'that' && t.pos !== 'DET') continue;
		if (t.lower === 'such' && tokens[x + 1]?.lower === 'as') continue;
		const noun = findNounAfter(a, x + 1, s.last);
		if (noun === -1) return fail(`"${t.text}" without a noun`);
		const ent = entityByHead(a, si, tokens[noun].lemma, tokens[noun].lower);
		if (ent !== undefined && noun - x <= 2) {
			edits.push({ first: x, last: noun + 1, text: displayName(entities[ent]) });
			resolved.add(ent);
			continue;
		}
		if (/^(year|month|week|day|time|century|decade)$/.test(tokens[noun].lemma) && t.lower !== 'such') continue;
		return fail(`"${t.text} ${tokens[noun].text}" refers back`);
	}

	// "the premier", "the party", "The country's", "The Cambodian strongman"
	for (let x = bodyStart; x < s.last; x++) {
		const t = tokens[x];
		if (inQuote(x) || t.lower !== 'the') continue;
		const noun = findNounAfter(a, x + 1, Math.min(s.last, x + 4));
		if (noun === -1) continue;
		const after = tokens[noun + 1];
		if (after && (after.lower === 'of' || /^\p{Lu}/u.test(after.text))) continue;
		const mentionHere = a.mentionsBySent[si].some((m) => m.first === x + 1 || (m.first <= noun && noun < m.last));
		if (mentionHere) continue;
		const lemma = tokens[noun].lemma;
		const two = `${tokens[noun - 1]?.lower} ${tokens[noun].lower}`;
		let ent: number | undefined;
		if (PERSON_ROLES.has(tokens[noun].lower) || PERSON_TITLES.has(tokens[noun].lower) || ROLE_SYNONYMS[two]) {
			ent = personByRole(a, si, ROLE_SYNONYMS[two] ? two : tokens[noun].lower);
		} else ent = entityByHead(a, si, lemma, tokens[noun].lower);
		if (ent === undefined || a.mentionsBySent[si].some((m) => m.entity === ent && m.first < x)) continue;
		edits.push({ first: x, last: noun + 1, text: displayName(entities[ent]) });
		resolved.add(ent);
	}

	// pronouns without an antecedent earlier in the sentence
	const done = { person: false, thing: false, plural: false };
	for (let x = bodyStart; x < s.last; x++) {
		const t = tokens[x];
		if (inQuote(x) || t.pos !== 'PRON' && t.pos !== 'DET') continue;
		const lower = t.lower;
		const group = PERSON_PRON.has(lower) ? 'person' : THING_PRON.has(lower) ? 'thing' : PLURAL_PRON.has(lower) ? 'plural' : null;
		if (!group || done[group]) continue;
		done[group] = true;
		if (hasAntecedentBefore(a, si, x, group, edits)) continue;
		const ent = group === 'person' ? personAntecedent(a, si) : group === 'thing' ? thingAntecedent(a, si, memo) : pluralAntecedent(a, si);
		if (ent === undefined) return fail(`unresolved "${t.text}"`);
		const name = displayName(entities[ent]);
		const isPossessive = lower === 'his' || lower === 'its' || lower === 'their' || (lower === 'her' && /^(NOUN|ADJ|PROPN|NUM)$/.test(tokens[x + 1]?.pos ?? ''));
		edits.push({ first: x, last: x + 1, text: isPossessive ? possessive(name, apostrophe) : name });
		resolved.add(ent);
	}
	return { ok: true, edits: edits.sort((p, q) => p.first - q.first), resolved: [...resolved], quoted };
}

function quotedRanges(a: Article, first: number, last: number): [number, number][] {
	const out: [number, number][] = [];
	for (const q of a.quotations) if (q.first < last && q.last > first) out.push([q.first - 1, q.last + 1]);
	return out;
}

function findNounAfter(a: Article, from: number, to: number): number {
	for (let x = from; x < Math.min(to, from + 4); x++) {
		const t = a.tokens[x];
		if (t.pos === 'NOUN' || (t.pos === 'PROPN' && /^\p{Ll}/u.test(t.text))) {
			// the last noun of a compound: "the border marker"
			let z = x;
			while (z + 1 < to && a.tokens[z + 1].pos === 'NOUN') z++;
			return z;
		}
		if (!/^(ADJ|ADV|NUM|PROPN)$/.test(t.pos) && t.text !== '-') return -1;
	}
	return -1;
}

function hasAntecedentBefore(a: Article, si: number, x: number, group: 'person' | 'thing' | 'plural', edits: Edit[]): boolean {
	const s = a.sentences[si];
	const ms = a.mentionsBySent[si].filter((m) => m.last <= x);
	if (group === 'person') return ms.some((m) => a.entities[m.entity].cls === 'person') || edits.some((e) => e.first < x && e.text);
	if (group === 'plural') {
		for (let k = s.first; k < x; k++) {
			const t = a.tokens[k];
			if (t.pos === 'NOUN' && t.lemma !== t.lower) return true;
		}
		return ms.some((m) => ['group', 'org'].includes(a.entities[m.entity].cls)) || edits.some((e) => e.first < x && e.text);
	}
	if (ms.length || edits.some((e) => e.first < x && e.text)) return true;
	for (let k = s.first; k < x; k++) if (a.tokens[k].pos === 'NOUN') return true;
	// "It was the first time ... that": an expletive subject, not a reference
	return false;
}

function recentMentions(a: Article, si: number, back: number) {
	const out = [];
	const para = a.sentences[si].para;
	for (let k = si - 1; k >= Math.max(0, si - back); k--) {
		if (para - a.sentences[k].para > 1) break;
		out.push(...a.mentionsBySent[k].slice().reverse());
	}
	return out;
}

function personAntecedent(a: Article, si: number): number | undefined {
	const para = a.sentences[si].para;
	for (let k = si - 1; k >= Math.max(0, si - 4); k--) {
		if (para - a.sentences[k].para > 1) return undefined;
		const persons = a.mentionsBySent[k].filter((m) => a.entities[m.entity].cls === 'person');
		if (!persons.length) continue;
		const distinct = new Set(persons.map((m) => m.entity));
		if (distinct.size === 1) return persons[0].entity;
		// several people: the subject, when a person opens the sentence
		const first = a.mentionsBySent[k][0];
		if (first && a.entities[first.entity].cls === 'person' && first.first - a.sentences[k].first <= 6) return first.entity;
		return undefined;
	}
	return undefined;
}

function thingAntecedent(a: Article, si: number, memo: Map<number, SentenceView>): number | undefined {
	const s = a.sentences[si];
	if (si === 0) return undefined;
	const prev = a.sentences[si - 1];
	if (s.para - prev.para > 1) return undefined;
	// the subject of the previous sentence, named or itself resolved
	const pv = viewSentence(a, si - 1, memo);
	const lead = pv.edits.find((e) => e.text && e.first - prev.first <= 4);
	if (lead) {
		const ent = pv.resolved.find((id) => lead.text.includes(a.entities[id].name));
		if (ent !== undefined && a.entities[ent].cls !== 'person') return ent;
	}
	const first = a.mentionsBySent[si - 1][0];
	if (first && first.first - prev.first <= 3 && !['person', 'group'].includes(a.entities[first.entity].cls)) return first.entity;
	return undefined;
}

function pluralAntecedent(a: Article, si: number): number | undefined {
	if (si === 0) return undefined;
	const prev = a.sentences[si - 1];
	const first = a.mentionsBySent[si - 1][0];
	if (first && first.first - prev.first <= 2 && a.entities[first.entity].cls === 'group') return first.entity;
	return undefined;
}

function entityByHead(a: Article, si: number, lemma: string, lower: string): number | undefined {
	const kinds = PLACE_NOUNS[lower];
	for (const m of recentMentions(a, si, 8)) {
		const e = a.entities[m.entity];
		if (e.head === lower || e.head === lemma || e.head === `${lemma}s`) return e.id;
	}
	if (kinds) {
		const topic = a.topic !== undefined ? a.entities[a.topic] : undefined;
		if (topic && (kinds.includes(topic.cls) || (topic.placeKind && kinds.includes(topic.placeKind)))) return topic.id;
		for (const m of recentMentions(a, si, 4)) {
			const e = a.entities[m.entity];
			if (kinds.includes(e.cls) || (e.placeKind && kinds.includes(e.placeKind))) return e.id;
		}
	}
	return undefined;
}

function personByRole(a: Article, si: number, role: string): number | undefined {
	const wanted = ROLE_SYNONYMS[role] ?? [role];
	for (const m of recentMentions(a, si, 8)) {
		const e = a.entities[m.entity];
		if (e.cls === 'person' && e.roles.some((r) => wanted.includes(r))) return e.id;
	}
	return undefined;
}
