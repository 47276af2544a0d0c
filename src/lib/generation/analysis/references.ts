import type { Article } from './article.js';
import type { Entity } from './entities.js';
import { mayBePerson, personBefore } from './antecedents.js';
import { agrees, demonymEpithet, nationalityOf, personNoun, pronounGender, type Gender } from './agreement.js';
import { LAW_HEADS, LEADING_CONNECTIVES, ORG_HEADS, PERSON_ROLES, PERSON_TITLES } from '../knowledge/lexicon.js';

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
	/** Where the reference that could not be resolved stands. */
	at?: number;
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

/** A group named as "they": "the Sons of Liberty", "the Keitas". */
export function pluralName(e: Entity): string {
	return (e.the || /s\b/.test(e.name) ? 'the ' : '') + e.name;
}

/**
 * The name standing for "this commission", "the act": with "the" when the name is a
 * titled institution or law ("the Royal Commission of Inquiry"), even if the article
 * first wrote it with "a".
 */
export function definiteName(e: Entity): string {
	if (e.the) return 'the ' + e.name;
	const titled = /^(org|law|event|polity)$/.test(e.cls) && (/\s(of|for)\s/.test(e.name) || ORG_HEADS.has(e.head) || LAW_HEADS.has(e.head));
	return (titled ? 'the ' : '') + e.name;
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
	const fail = (reason: string, at?: number): SentenceView => ({ ok: false, reason, edits, resolved: [...resolved], quoted, at });

	// a dateline: "LONDON —", "WASHINGTON (Reuters) -"
	let k = s.first;
	{
		let z = k;
		while (z < s.last && /^[\p{Lu}.,]+$/u.test(tokens[z].text) && /\p{Lu}{2}/u.test(tokens[z].text + 'AA') && z - k < 4) z++;
		if (tokens[z]?.text === '(' && tokens[z + 2]?.text === ')') z += 3;
		if (z > k && /^[—–-]$/.test(tokens[z]?.text ?? '') && tokens.slice(k, z).every((w) => w.text === w.text.toUpperCase())) {
			edits.push({ first: k, last: z + 1, text: '' });
			k = z + 1;
		}
	}
	for (let round = 0; round < 2; round++) {
		const match = CONNECTIVES.find((words) => words.every((w, n) => tokens[k + n]?.lower === w) && !inQuote(k));
		if (!match) break;
		let z = k + match.length;
		// "So far Hun Sen ...", "Now, ..." but not "First ruler ..." (an adjective, not a connective)
		const next = tokens[z];
		if (!next) break;
		if (next.text === ',') z++;
		else if (!/^(but|and|also|so far|yet|so)$/.test(match.join(' '))) break;
		edits.push({ first: k, last: z, text: '' });
		k = z;
	}
	// "A few decades later,", "For the same reason,", "In similar experiments,": an opening
	// phrase that only ties the sentence to the one before goes; the rest still holds. Where
	// it carries the statement ("There was also a surprise loss ...") the sentence is skipped
	const opener = anaphoricOpener(a, si, k, inQuote);
	if (opener === 'skip') return fail('opens with a reference back', k);
	if (opener > k) {
		edits.push({ first: k, last: opener, text: '' });
		k = opener;
	}
	const bodyStart = k;
	// "Some in London thought ...", "Many were ...": a quantifier standing for unnamed people
	if (tokens[bodyStart]?.lower === 'a' && /^(few|handful|number)$/.test(tokens[bodyStart + 1]?.lower ?? '') && /^(AUX|VERB)$/.test(tokens[bodyStart + 2]?.pos ?? '')) {
		return { ok: false, reason: 'unnamed subject', edits, resolved: [...resolved], quoted, at: bodyStart };
	}
	if (/^(some|many|most|others|few|several)$/.test(tokens[bodyStart]?.lower ?? '') && /^(ADP|AUX|VERB)$/.test(tokens[bodyStart + 1]?.pos ?? '') && tokens[bodyStart + 1]?.lower !== 'of') {
		// "Some were disguised as Mohawks." after "a group of Sons of Liberty ... approached the ships"
		const group = /^(some|many|most|few|several)$/.test(tokens[bodyStart].lower) && /^(AUX|VERB)$/.test(tokens[bodyStart + 1].pos) ? pluralAntecedent(a, si) : undefined;
		if (group === undefined) return { ok: false, reason: 'unnamed subject', edits, resolved: [...resolved], quoted, at: bodyStart };
		edits.push({ first: bodyStart, last: bodyStart + 1, text: `${tokens[bodyStart].text} of ${pluralName(entities[group])}` });
		resolved.add(group);
	}

	// "I" anywhere, or "we"/"you" as the main subject, speaks to the reader; a generic
	// "by which we measure values" inside a clause is fine
	const mainStart = mainClauseStart(a, si, bodyStart);
	const bracketed = bracketTokens(a, s.first, s.last);
	for (let x = s.first; x < s.last; x++) {
		if (inQuote(x) || bracketed.has(x)) continue;
		const w = tokens[x].lower;
		if (!FIRST_SECOND.has(w) || (tokens[x].pos !== 'PRON' && tokens[x].pos !== 'DET')) continue;
		// (the forgiving pass lets a general "we" or "us" stand, as in "what is known to us")
		if (/^(i|me|my)$/.test(w) || /^(you|your)$/.test(w) || (!a.lenient && (x === bodyStart || x === mainStart))) return fail('first or second person', x);
	}

	// demonstratives: "This Commission", "these particles", "This is ..."
	for (let x = bodyStart; x < s.last; x++) {
		const t = tokens[x];
		if (inQuote(x) || bracketed.has(x) || !/^(this|these|those|such|that)$/.test(t.lower)) continue;
		if (t.lower === 'that' && t.pos !== 'DET' && x !== bodyStart) continue;
		if (t.lower === 'such' && tokens[x + 1]?.lower === 'as') continue;
		// "those who lived ...", "those with irregular documents": people in general, not a reference
		if (t.lower === 'those' && /^(who|with|that|which|in|of|whose|living|born)$/.test(tokens[x + 1]?.lower ?? '')) continue;
		let noun = findNounAfter(a, x + 1, s.last);
		// "This act", "This Commission": the word after is the head of a name the article used
		// just before, whatever the tagger made of it
		const headWord = tokens[x + 1];
		if (headWord && /^\p{L}+$/u.test(headWord.text) && (noun === -1 || noun > x + 1) && entityByHead(a, si, headWord.lower, headWord.lower, /^(these|those)$/.test(t.lower)) !== undefined && /^(AUX|VERB|ADP|PUNCT|SCONJ|PRON|ADV)$/.test(tokens[x + 2]?.pos ?? 'PUNCT')) noun = x + 1;
		// "...; this is often called a shooting star", "meteors—those not associated with ...": the clause just before
		if (noun === -1 && x > bodyStart && /^[;,—–:]$/.test(tokens[x - 1].text) && t.lower !== 'such') continue;
		if (noun === -1) return fail(`"${t.text}" without a noun`, x);
		// "the Perseid swarm ... in that swarm": the noun was named earlier in the sentence
		if (t.lower !== 'such' && tokens.slice(s.first, x).some((w) => w.lemma === tokens[noun].lemma && w.pos === 'NOUN')) {
			edits.push({ first: x, last: x + 1, text: x === bodyStart ? 'The' : 'the' });
			continue;
		}
		const ent = entityByHead(a, si, tokens[noun].lemma, tokens[noun].lower, /^(these|those)$/.test(t.lower));
		if (ent !== undefined && noun - x <= 2) {
			edits.push({ first: x, last: noun + 1, text: definiteName(entities[ent]) });
			resolved.add(ent);
			continue;
		}
		if (tokens[noun].lemma === 'year' && /^(that|this)$/.test(t.lower) && noun === x + 1) {
			// "reached US$5.1 billion that year": the one year of the sentence before
			const prevYears = si > 0 ? a.quantitiesBySent[si - 1].filter((q) => q.kind === 'year' || (q.kind === 'date' && q.year)) : [];
			const years = [...new Set(prevYears.map((q) => q.year ?? q.value))];
			if (years.length === 1 && t.lower === 'that') {
				const inBefore = tokens[x - 1]?.lower === 'in';
				edits.push({ first: x, last: noun + 1, text: `${inBefore ? '' : 'in '}${years[0]}` });
				continue;
			}
		}
		if (/^(century|decade)$/.test(tokens[noun].lemma)) continue;
		// "the radiant. ... in which this radiant is located": the noun was named just before
		if (/^(this|that)$/.test(t.lower) && noun === x + 1 && si > 0) {
			let named = false;
			for (let p = si - 1; p >= Math.max(0, si - 3) && s.para - a.sentences[p].para <= 1; p--) {
				const prev = a.sentences[p];
				if (tokens.slice(prev.first, prev.last).some((w) => (p === si - 1 && w.lemma === tokens[noun].lemma && w.pos === 'NOUN') || (w.lower === tokens[noun].lower && (w.pos === 'NOUN' || w.pos === 'ADJ') && tokens[w.i - 1]?.lower === 'the'))) named = true;
			}
			if (named) {
				edits.push({ first: x, last: x + 1, text: x === bodyStart ? 'The' : 'the' });
				continue;
			}
		}
		// "these functions" in an article about the functions of money, "this imitative learning" in one
		// on observational learning: the article's own subject
		if (((/^(these|those)$/.test(t.lower) && tokens[noun].lemma !== tokens[noun].lower) || (t.lower === 'this' && x > bodyStart)) && noun - x <= 2 && (a.titleLemmas.has(tokens[noun].lemma) || (/^(these|those)$/.test(t.lower) && (a.lemmaCount.get(tokens[noun].lemma) ?? 0) >= 4))) {
			edits.push({ first: x, last: x + 1, text: x === bodyStart ? 'The' : 'the' });
			continue;
		}
		// for an article that gives few questions otherwise: "this threshold" → "the threshold"
		if (a.lenient && noun - x <= 2 && t.lower !== 'such') {
			edits.push({ first: x, last: x + 1, text: x === bodyStart ? (/^(these|those)$/.test(t.lower) ? 'The' : 'The') : 'the' });
			continue;
		}
		return fail(`"${t.text} ${tokens[noun].text}" refers back`, x);
	}

	// "Although the equation looks simple": a figure the text does not hold
	const pointer = pointsToFigure(a, si, bodyStart, inQuote);
	if (pointer) return fail(pointer);

	// "the premier", "the party", "The country's", "The Cambodian strongman"
	for (let x = bodyStart; x < s.last; x++) {
		const t = tokens[x];
		if (inQuote(x) || t.lower !== 'the') continue;
		const noun = findNounAfter(a, x + 1, Math.min(s.last, x + 4));
		if (noun === -1) continue;
		const after = tokens[noun + 1];
		if (after && (after.lower === 'of' || /^\p{Lu}/u.test(after.text))) continue;
		const mentionHere = a.mentionsBySent[si].some((m) => m.first <= noun && noun < m.last);
		if (mentionHere) continue;
		const lemma = tokens[noun].lemma;
		const two = `${tokens[noun - 1]?.lower} ${tokens[noun].lower}`;
		// superlatives and ordinals describe, they do not refer back: "the largest empire"
		if (tokens.slice(x + 1, noun).some((w) => /est$|^(most|first|last|only|same|other|next|main)$/.test(w.lower))) continue;
		let ent: number | undefined;
		if (PERSON_ROLES.has(tokens[noun].lower) || PERSON_TITLES.has(tokens[noun].lower) || ROLE_SYNONYMS[two]) {
			ent = personByRole(a, si, ROLE_SYNONYMS[two] ? two : tokens[noun].lower);
		} else if (x === bodyStart || x === mainStart) ent = entityByHead(a, si, lemma, tokens[noun].lower, tokens[noun].lower !== lemma);
		if (ent === undefined || a.mentionsBySent[si].some((m) => m.entity === ent && m.first < x)) continue;
		edits.push({ first: x, last: noun + 1, text: displayName(entities[ent]) });
		resolved.add(ent);
	}

	const epithet = resolveEpithets(a, si, bodyStart, inQuote, edits, resolved);
	if (epithet) return fail(epithet);

	// pronouns without an antecedent earlier in the sentence
	const done: Record<string, boolean> = {};
	for (let x = bodyStart; x < s.last; x++) {
		const t = tokens[x];
		if (inQuote(x) || t.pos !== 'PRON' && t.pos !== 'DET') continue;
		const lower = t.lower;
		const group = PERSON_PRON.has(lower) ? 'person' : THING_PRON.has(lower) ? 'thing' : PLURAL_PRON.has(lower) ? 'plural' : null;
		const gender = pronounGender(lower);
		if (!group || done[group + (gender ?? '')]) continue;
		done[group + (gender ?? '')] = true;
		// "It was during Suleyman's reign that Ibn Battuta visited Mali": a cleft, not a reference
		// "it has become clear to researchers that ...", "it would be safe to say that ...": "it" stands for what follows
		if (lower === 'it' && /^(is|was|has|had|would|will|seems|seemed|became|becomes)$/.test(tokens[x + 1]?.lower ?? '') && tokens.slice(x + 1, Math.min(s.last, x + 8)).some((w) => /^(clear|safe|possible|impossible|likely|unlikely|important|necessary|difficult|easy|unclear|obvious|true|evident|hard|known|apparent|certain|surprising|interesting)$/.test(w.lower)) && tokens.slice(x + 2, Math.min(s.last, x + 12)).some((w) => /^(that|to|whether|how|why)$/.test(w.lower))) continue;
		// ("It was an empire that expanded ..." is no cleft: "it" is the empire)
		if (lower === 'it' && x === bodyStart && /^(is|was)$/.test(tokens[x + 1]?.lower ?? '') && !/^(a|an)$/.test(tokens[x + 2]?.lower ?? '') && tokens.slice(x + 2, s.last).some((w) => w.lower === 'that')) continue;
		if (group === 'person') {
			// a subject before it in the sentence is what "he"/"her" stands for; a person named
			// only as an object ("a loss to Gustavo Kuerten ..., and Roland Garros will be his
			// main target") competes with the person the text was about before: ambiguous
			const here = personInSentence(a, si, x, edits, gender);
			if (here === 'subject') continue;
			if (here === 'other') {
				const back = personAntecedent(a, si, gender);
				if (back !== undefined && !a.mentionsBySent[si].some((m) => m.entity === back && m.first < x)) return fail(`ambiguous "${t.text}"`, x);
				continue;
			}
			// "After his defeat, Federer ...": the subject the opening phrase leads up to
			if (x < mainStart && /^(his|her|him)$/.test(lower) && subjectAt(a, si, mainStart, gender) !== undefined) continue;
			// "as when Ben stood up on his surfboard": a name of unknown kind before the pronoun may be
			// the person it means; a name from an earlier sentence would be a guess
			if (a.mentionsBySent[si].some((m) => m.last <= x && a.entities[m.entity].cls === 'name')) return fail(`unclear "${t.text}"`, x);
			// "Her daughter viewed Claire's aggressive behavior": the person may be named after the pronoun
			if (a.mentionsBySent[si].some((m) => m.first > x && a.entities[m.entity].cls === 'person' && agrees(a, m.entity, gender))) return fail(`unclear "${t.text}"`, x);
		} else if (hasAntecedentBefore(a, si, Math.max(mainClauseStart(a, si, bodyStart), x), x, group, edits)) continue;
		// "When the Dartmouth sailed into Boston Harbor ..., it had twenty days": the subject of the opening clause
		if (x === mainStart && x > bodyStart && /^(SCONJ)$/.test(tokens[bodyStart].pos) || (x === mainStart && /^(when|after|before|once|while|although|though|because|since|as|if)$/.test(tokens[bodyStart].lower))) {
			const subj = a.mentionsBySent[si].find((m) => m.first > bodyStart && m.first <= bodyStart + 3);
			const ok = subj && (group === 'person' ? a.entities[subj.entity].cls === 'person' && agrees(a, subj.entity, gender) : group === 'thing' ? !['person', 'group'].includes(a.entities[subj.entity].cls) : false);
			if (ok) continue;
			// "If a particle the size of a golf ball strikes our atmosphere, it produces ...": a common noun subject
			const lead = tokens.slice(bodyStart + 1, mainStart).find((w) => w.pos === 'NOUN');
			if (!subj && lead && group !== 'person') {
				const plural = lead.lemma !== lead.lower;
				if ((group === 'thing' && !plural) || (group === 'plural' && plural)) continue;
			}
		}
		// a possessive or object pronoun ("His victory", "taking her") has no subject position to go by
		const ent = group === 'person' ? personAntecedent(a, si, gender, !/^(he|she)$/.test(lower) || x !== bodyStart) : group === 'thing' ? thingAntecedent(a, si, memo) : pluralAntecedent(a, si);
		if (ent === undefined) return fail(`unresolved "${t.text}"`, x);
		const name = group === 'plural' ? pluralName(entities[ent]) : displayName(entities[ent]);
		const isPossessive = lower === 'his' || lower === 'its' || lower === 'their' || (lower === 'her' && /^(NOUN|ADJ|PROPN|NUM)$/.test(tokens[x + 1]?.pos ?? ''));
		edits.push({ first: x, last: x + 1, text: isPossessive ? possessive(name, apostrophe) : name });
		resolved.add(ent);
	}
	return { ok: true, edits: edits.sort((p, q) => p.first - q.first), resolved: [...resolved], quoted };
}

function bracketTokens(a: Article, first: number, last: number): Set<number> {
	const out = new Set<number>();
	let depth = 0;
	for (let k = first; k < last; k++) {
		if (a.tokens[k].text === '(') depth++;
		if (depth > 0) out.add(k);
		if (a.tokens[k].text === ')' && depth > 0) depth--;
	}
	return out;
}

function quotedRanges(a: Article, first: number, last: number): [number, number][] {
	const out: [number, number][] = [];
	for (const q of a.quotations) if (q.first < last && q.last > first) out.push([q.first - 1, q.last + 1]);
	return out;
}

function findNounAfter(a: Article, from: number, to: number): number {
	for (let x = from; x < Math.min(to, from + 4); x++) {
		const t = a.tokens[x];
		const roleWord = (PERSON_ROLES.has(t.lower) || PERSON_TITLES.has(t.lower)) && a.tokens[x + 1]?.pos !== 'NOUN';
		const headBeforeVerb = t.pos === 'ADJ' && x > from - 1 && /^(AUX|VERB)$/.test(a.tokens[x + 1]?.pos ?? '') && !/^(ADJ|NOUN)$/.test(a.tokens[x + 1]?.pos ?? '');
		if (t.pos === 'NOUN' || roleWord || headBeforeVerb || (t.pos === 'PROPN' && /^\p{Ll}/u.test(t.text))) {
			// the last noun of a compound: "the border marker"
			let z = x;
			while (z + 1 < to && a.tokens[z + 1].pos === 'NOUN') z++;
			return z;
		}
		if (!/^(ADJ|ADV|NUM|PROPN)$/.test(t.pos) && t.text !== '-') return -1;
	}
	return -1;
}

/**
 * Where the main clause starts: after an opening phrase such as "Protected by a crowd
 * of spectators," whose nouns cannot be what the subject pronoun refers to.
 */
function mainClauseStart(a: Article, si: number, bodyStart: number): number {
	const t = a.tokens[bodyStart];
	const s = a.sentences[si];
	// "Due next week, the Top 500 list ...", "Nationally, ...": a short phrase with no verb before a comma
	if (t && (/^(ADJ|ADV)$/.test(t.pos) || (t.pos === 'PROPN' && !a.mentionsBySent[si].some((m) => m.first === bodyStart)))) {
		for (let k = bodyStart + 1; k < Math.min(s.last, bodyStart + 6); k++) {
			if (/^(VERB|AUX)$/.test(a.tokens[k].pos)) break;
			if (a.tokens[k].text === ',') return k + 1;
		}
	}
	if (!t || !(/^(ADP|SCONJ|VERB|PART)$/.test(t.pos) || /^(because|although|though|while|when|after|before|since|as|if)$/.test(t.lower))) return bodyStart;
	for (let k = bodyStart + 1; k < Math.min(s.last, bodyStart + 18); k++) if (a.tokens[k].text === ',') return k + 1;
	return bodyStart;
}

function hasAntecedentBefore(a: Article, si: number, pos: number, x: number, group: 'thing' | 'plural', edits: Edit[]): boolean {
	const s = a.sentences[si];
	// the pronoun opens the main clause: nothing before it can be its antecedent
	if (pos === x && pos > s.first && a.tokens[pos - 1].text === ',') return edits.some((e) => e.first < x && e.text && e.first >= pos);
	const ms = a.mentionsBySent[si].filter((m) => m.last <= x);
	if (group === 'plural') {
		for (let k = s.first; k < x; k++) {
			const t = a.tokens[k];
			if (t.pos === 'NOUN' && t.lemma !== t.lower) return true;
		}
		// a people, a plural name ("the Sons of Liberty and their followers"), or an organisation
		// with a plural name ("the United Nations"); "The Congressional Budget Office estimated
		// that they would add ..." is not about the office
		return ms.some((m) => a.entities[m.entity].cls === 'group' || (a.entities[m.entity].cls === 'org' && /s$/.test(a.entities[m.entity].name)) || (a.entities[m.entity].cls === 'name' && /^\p{Lu}\p{Ll}+s\b/u.test(a.entities[m.entity].name))) || edits.some((e) => e.first < x && e.text);
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

export function personAntecedent(a: Article, si: number, gender?: Gender, unique = false): number | undefined {
	return personBefore(a, si, gender, unique);
}

/**
 * What before token `x` of the sentence a "he"/"she"/"his" can stand for: a named
 * person of that gender (or of unknown gender), a name that may be a person's, a person
 * named by an earlier edit, or a common noun for a person ("the teacher was punished
 * for her behavior"). 'subject' when one of them is the subject of a clause (or owns
 * it: "Leo Africanus's visit ..., his descriptions"), 'other' when they are only
 * objects, null when there is none: a pronoun that only a person of the other gender
 * precedes refers back beyond the sentence.
 */
function personInSentence(a: Article, si: number, x: number, edits: Edit[], gender: Gender | undefined): 'subject' | 'other' | null {
	const s = a.sentences[si];
	const { tokens } = a;
	let found: 'subject' | 'other' | null = null;
	const note = (first: number, last: number) => {
		if (found === 'subject') return;
		found = isSubjectAt(a, s.first, first, last) ? 'subject' : 'other';
	};
	for (const m of a.mentionsBySent[si]) {
		if (m.last > x) continue;
		const e = a.entities[m.entity];
		if ((e.cls === 'person' && agrees(a, m.entity, gender)) || (e.cls === 'name' && mayBePerson(e))) note(m.first, m.last);
	}
	for (const e of edits) {
		if (e.first >= x || !e.text) continue;
		const ent = a.entities.find((en) => en.cls === 'person' && e.text.replace(/[’']s?$/, '') === displayName(en));
		if (ent && agrees(a, ent.id, gender)) found = 'subject';
	}
	for (let k = s.first; k < x; k++) {
		const pn = personNoun(tokens[k]);
		if (pn && (!gender || !pn.gender || pn.gender === gender)) note(k, k + 1);
	}
	return found;
}

/** Whether the phrase [first, last) is the subject of a clause, or its owner ("X's"). */
function isSubjectAt(a: Article, sentFirst: number, first: number, last: number): boolean {
	const { tokens } = a;
	const next = tokens[last];
	if (next && /^(’s|'s|’|')$/.test(next.text)) return true;
	if (next && /^(VERB|AUX)$/.test(next.pos)) return true;
	// "Ben, a surfer, stood ...", "Davenport, hampered by injury, lost ..."
	if (next?.text === ',') {
		for (let k = last + 1; k < Math.min(a.sentences[tokens[first].sent].last, last + 10); k++) {
			if (tokens[k].text === ',') return /^(VERB|AUX)$/.test(tokens[k + 1]?.pos ?? '');
		}
	}
	// "the teacher was ...", "the young teacher ..." counted from the noun's phrase start
	void sentFirst;
	return false;
}

/** The person named as the subject where the main clause starts, if it may be called by this pronoun. */
function subjectAt(a: Article, si: number, mainStart: number, gender: Gender | undefined): number | undefined {
	const m = a.mentionsBySent[si].find((x) => x.first >= mainStart && x.first <= mainStart + 1);
	if (!m || a.entities[m.entity].cls !== 'person' || !agrees(a, m.entity, gender)) return undefined;
	return /^(VERB|AUX)$/.test(a.tokens[m.last]?.pos ?? '') ? m.entity : undefined;
}

/**
 * Epithets stand for a person named elsewhere: "the Briton's defeat", "The Swiss
 * sounded warning ...", "the latter". Named when the article makes it clear who is
 * meant; otherwise the sentence cannot stand alone (returns the reason).
 */
function resolveEpithets(a: Article, si: number, bodyStart: number, inQuote: (k: number) => boolean, edits: Edit[], resolved: Set<number>): string | null {
	const s = a.sentences[si];
	const { tokens } = a;
	for (let x = bodyStart; x < s.last; x++) {
		if (inQuote(x) || tokens[x].lower !== 'the') continue;
		const next = tokens[x + 1];
		// "the latter", "the former" need two things named before them in the sentence
		if (next && /^(latter|former)$/.test(next.lower) && !/^(NOUN|PROPN)$/.test(tokens[x + 2]?.pos ?? '')) {
			const before = new Set(a.mentionsBySent[si].filter((m) => m.last <= x).map((m) => m.entity));
			if (before.size < 2) return `"the ${next.text}" refers back`;
			continue;
		}
		const ep = demonymEpithet(tokens, x, s.last);
		if (!ep) continue;
		const hereBefore = a.mentionsBySent[si].some((m) => m.last <= x && a.entities[m.entity].cls === 'person' && nationalityOf(a, m.entity) === ep.place);
		if (hereBefore) continue;
		const people = a.entities.filter((e) => e.cls === 'person' && e.mentions.some((m) => m.sent <= si) && nationalityOf(a, e.id) === ep.place);
		if (people.length !== 1) return `unresolved "the ${tokens[x + 1].text}"`;
		edits.push({ first: x, last: ep.last, text: people[0].name });
		resolved.add(people[0].id);
		x = ep.last - 1;
	}
	return null;
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
		if (ent !== undefined && a.entities[ent].cls !== 'person' && (ent === a.topic || new Set(a.mentionsBySent[si - 1].map((m) => m.entity)).size <= 1)) return ent;
	}
	const pvStart = mainClauseStart(a, si - 1, prev.first);
	const first = a.mentionsBySent[si - 1].find((m) => m.first >= pvStart) ?? a.mentionsBySent[si - 1][0];
	if (!first || first.first - pvStart > 3 || ['person', 'group'].includes(a.entities[first.entity].cls)) return undefined;
	// "The Mexica were late-comers ...": a subject with a plural verb is no "it"
	if (/^(were|are|have|do)$/.test(a.tokens[first.last]?.lower ?? '')) return undefined;
	// "it" is clear only when the sentence before names one thing, or the article's subject
	const things = new Set(a.mentionsBySent[si - 1].filter((m) => !['person', 'group'].includes(a.entities[m.entity].cls)).map((m) => m.entity));
	if (things.size === 1 || first.entity === a.topic) return first.entity;
	// a named thing that is the subject ("The IBM Blue Gene/L is ..."), but not a country,
	// which is too often the setting rather than the thing
	const e = a.entities[first.entity];
	const isSubject = /^(VERB|AUX)$/.test(a.tokens[first.last]?.pos ?? '');
	if (isSubject && e.cls !== 'place' && e.cls !== 'polity') return first.entity;
	return undefined;
}

const QUANTIFIER_SUBJECT = /^(some|many|most|others|few|several|all)$/;

/**
 * The people a "they" (or a "Some ..." subject) stands for: a plural name that is the
 * subject of the sentence before ("The Keitas retreated ...", "a group of Sons of
 * Liberty ... approached ..."), looking past a sentence whose own subject is "Some" or
 * "they" and so speaks of the same people.
 */
export function pluralAntecedent(a: Article, si: number): number | undefined {
	const para = a.sentences[si].para;
	for (let p = si - 1; p >= Math.max(0, si - 2); p--) {
		const prev = a.sentences[p];
		if (prev.para !== para) return undefined;
		const start = mainClauseStart(a, p, prev.first);
		const lead = a.tokens[start];
		const passThrough = lead && (QUANTIFIER_SUBJECT.test(lead.lower) || lead.lower === 'they') && /^(VERB|AUX|ADV)$/.test(a.tokens[start + 1]?.pos ?? '');
		let k = start;
		if (a.tokens[k]?.lower === 'the') k++;
		// "a group of X", "members of X"
		if (/^(a|an)$/.test(a.tokens[k]?.lower ?? '') && a.tokens[k + 2]?.lower === 'of') k += 3;
		else if (/^(members|some|many|most)$/.test(a.tokens[k]?.lower ?? '') && a.tokens[k + 1]?.lower === 'of') k += a.tokens[k + 2]?.lower === 'the' ? 3 : 2;
		const first = a.mentionsBySent[p].find((m) => m.first === k);
		const e = first ? a.entities[first.entity] : undefined;
		const plural = e && (e.cls === 'group' || ((e.cls === 'name' || e.cls === 'org') && /^\p{Lu}\p{Ll}+s\b/u.test(e.name))) && /s\b/.test(e.name);
		if (first && plural) {
			let v = first.last;
			while (v < prev.last && v < first.last + 4 && !/^(VERB|AUX)$/.test(a.tokens[v].pos) && a.tokens[v].text !== ',') v++;
			if (/^(VERB|AUX)$/.test(a.tokens[v]?.pos ?? '')) return first.entity;
		}
		if (!passThrough) return undefined;
	}
	return undefined;
}

function entityByHead(a: Article, si: number, lemma: string, lower: string, plural?: boolean): number | undefined {
	const kinds = PLACE_NOUNS[lower];
	const topic = a.topic !== undefined ? a.entities[a.topic] : undefined;
	// "this act" is one act, "these acts" several: a singular word never names a plural name
	const fits = (e: Entity) => {
		const heads = entityHeads(e);
		if (plural === undefined) return heads.includes(lower) || heads.includes(lemma) || heads.includes(`${lemma}s`);
		return heads.includes(lower);
	};
	if (topic && fits(topic)) return topic.id;
	for (const m of recentMentions(a, si, 8)) {
		const e = a.entities[m.entity];
		if (fits(e)) return e.id;
	}
	if (kinds) {
		if (topic && (kinds.includes(topic.cls) || (topic.placeKind && kinds.includes(topic.placeKind)))) return topic.id;
		for (const m of recentMentions(a, si, 4)) {
			const e = a.entities[m.entity];
			if (kinds.includes(e.cls) || (e.placeKind && kinds.includes(e.placeKind))) return e.id;
		}
	}
	return undefined;
}

/** The head word of a name, and the institution or law word inside it ("Royal Commission of Inquiry" → inquiry, commission). */
function entityHeads(e: Entity): string[] {
	const words = e.name.toLowerCase().split(/\s+/);
	const inner = words.filter((w, i) => i < words.length - 1 && i > 0 && (ORG_HEADS.has(w) || LAW_HEADS.has(w)) && words[i + 1] === 'of');
	return [e.head, ...inner];
}

function personByRole(a: Article, si: number, role: string): number | undefined {
	const wanted = ROLE_SYNONYMS[role] ?? [role];
	for (const m of recentMentions(a, si, 8)) {
		const e = a.entities[m.entity];
		if (e.cls === 'person' && e.roles.some((r) => wanted.includes(r))) return e.id;
	}
	return undefined;
}

const SEPARABLE_OPENERS = [
	/^(a few|several|some|two|three|four|five|six|many|ten|twenty) (years|decades|centuries|months|weeks|days|generations) (later|earlier|afterwards|after that|before)$/,
	/^(for|by) (the same|this|that|similar) (reason|reasons|token)$/,
	/^(later|earlier) (that|the same) (year|decade|century|month|day)$/,
	/^(the following|the next) (year|decade|century|month|day|season)$/,
	/^(soon|shortly|not long|long) (after|afterwards|thereafter)$/,
	/^(soon|shortly|subsequently|afterwards|thereafter|eventually|at first|in time)$/
];
const CARRYING_OPENERS = /^(there (was|were|is|are) also|this (was|is) also|it (was|is) also)\b/;

/**
 * An opening phrase that points back: the token where the sentence's own statement
 * starts once it is dropped, `k` itself when there is none, or 'skip' when the phrase
 * carries the meaning. Dropped are the known separable openers ("A few decades later,",
 * "Soon after,") and any short phrase that only links to the sentence before: a relative
 * time ("Last year,", "Earlier this month,") or a preposition with a pointing word ("For
 * the same reason,", "In similar experiments,", "To answer this question,").
 */
function anaphoricOpener(a: Article, si: number, k: number, inQuote: (k: number) => boolean): number | 'skip' {
	const { tokens } = a;
	const last = a.sentences[si].last;
	const head = tokens.slice(k, Math.min(last, k + 5)).map((t) => t.lower).join(' ');
	if (CARRYING_OPENERS.test(head)) return 'skip';
	let c = k;
	while (c < Math.min(last, k + 8) && tokens[c].text !== ',' && !/^(VERB|AUX)$/.test(tokens[c].pos)) c++;
	if (tokens[c]?.text !== ',' || c === k || inQuote(k)) return k;
	const phrase = tokens.slice(k, c);
	if (SEPARABLE_OPENERS.some((re) => re.test(phrase.map((t) => t.lower).join(' ')))) return c + 1;
	const timeWord = phrase.some((w) => /^(later|earlier|afterwards|afterward|thereafter|previously|meanwhile)$/.test(w.lower)) || /^(last|next|this|earlier|yesterday|recently)$/.test(tokens[k].lower);
	const linking = timeWord || ((tokens[k].pos === 'ADP' || (tokens[k].lower === 'to' && tokens[k + 1]?.pos === 'VERB')) && phrase.some((w) => /^(same|similar|such|then|former|latter|this|that|these|those)$/.test(w.lower)));
	const named = a.mentionsBySent[si].some((m) => m.first >= k && m.first < c) || a.quantitiesBySent[si].some((q) => q.first >= k && q.first < c && /^(year|date|decade|century)$/.test(q.kind));
	if (c - k <= 6 && linking && !named && tokens[c + 1] && /^(DET|NOUN|PROPN|PRON|ADJ|NUM)$/.test(tokens[c + 1].pos) && !/^(which|who|that|whose)$/.test(tokens[c + 1].lower)) return c + 1;
	return k;
}

const FIGURE_NOUNS = /^(equation|figure|diagram|graph|chart|table|illustration|photo|photograph|picture|image|map|formula|video)$/;

/**
 * "the equation", "this diagram" for something shown beside the text: when the article
 * has not named it before, the reader of a question cannot see it.
 */
function pointsToFigure(a: Article, si: number, bodyStart: number, inQuote: (k: number) => boolean): string | null {
	const s = a.sentences[si];
	const { tokens } = a;
	for (let x = bodyStart; x < s.last - 1; x++) {
		if (inQuote(x) || !/^(the|this|that|these|those)$/.test(tokens[x].lower)) continue;
		const n = tokens[x + 1];
		if (!FIGURE_NOUNS.test(n.lemma) || n.pos !== 'NOUN' || tokens[x + 2]?.lower === 'of') continue;
		const before = tokens.slice(0, a.sentences[si].first).some((t) => t.lemma === n.lemma);
		if (!before) return `"${tokens[x].text} ${n.text}" is not in the text`;
	}
	return null;
}

const referenceCounts = new WeakMap<object, Map<number, number>>();

/** Counts, for each entity, the sentences that name it or refer to it ("he", "the act"), once the views are worked out. */
export function saveReferenceCounts(a: Article, views: (SentenceView | null)[]): void {
	const m = new Map<number, number>();
	for (const v of views) for (const id of new Set(v?.resolved ?? [])) m.set(id, (m.get(id) ?? 0) + 1);
	referenceCounts.set(a.tokens, m);
}

/** How many sentences speak of the entity, by name or by reference (its mentions, before the views are known). */
export function referenceCount(a: Article, id: number): number {
	return referenceCounts.get(a.tokens)?.get(id) ?? a.entities[id].mentions.length;
}
