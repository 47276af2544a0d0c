import type { Article } from '../analysis/article.js';
import type { SentenceView } from '../analysis/references.js';
import { randomFor, shuffle } from '../random.js';
import type { Candidate } from './candidate.js';
import { sentenceSpan } from './candidate.js';
import { asStatement, BLANK, givesAway, normalize, renderTokens } from './render.js';
import { subjectStems, wordGivesAway } from './giveaway.js';

/** "A stack of thylakoids | is called | a granum": what a text names, and what it calls it. */
export interface Naming {
	si: number;
	/** The sentence the description comes from, when it is the one before ("This is known as ..."). */
	contextSi?: number;
	/** The thing described, as a noun phrase ("a stack of thylakoids"), or a whole statement for "This ...". */
	described: string;
	/** True when `described` is a statement ("If the model is rewarded, ...") rather than a noun phrase. */
	statement: boolean;
	term: string;
	plural: boolean;
	past: boolean;
	verb: string;
}

const NAMING = /^(called|termed|named|dubbed)$/;
const ADVERB = /^(often|also|sometimes|commonly|usually|properly|generally|now|still|collectively|simply|formally|technically|informally)$/;

/**
 * The namings of an article: "X is called T" (X a plain description), "This is known as
 * T" after a sentence that says what "this" is, and "...; such an event is called T".
 */
export function findNamings(a: Article, views: (SentenceView | null)[]): Naming[] {
	const out: Naming[] = [];
	const { tokens } = a;
	for (const s of a.sentences) {
		const view = views[s.index];
		// "this is often called a shooting star, but it is properly known as a meteor": two names for one thing
		const triggers = a.tokens.slice(s.first, s.last).filter((t, i, arr) => NAMING.test(t.lower) || (t.lower === 'known' && arr[i + 1]?.lower === 'as')).length;
		if (triggers > 1 && a.tokens.slice(s.first, s.last).some((t, i, arr) => /^(it|they)$/.test(t.lower) && /^(is|are|was|were)$/.test(arr[i + 1]?.lower ?? ''))) continue;
		let k = s.first;
		for (const e of view?.edits ?? []) if (e.first === k && !e.text) k = e.last;
		for (let c = s.first; c < s.last - 2; c++) {
			// "is (often) called", "are known as", "was also termed"
			if (!/^(is|are|was|were)$/.test(tokens[c].lower)) continue;
			let t = c + 1;
			while (ADVERB.test(tokens[t]?.lower ?? '')) t++;
			let verb = '';
			if (NAMING.test(tokens[t]?.lower ?? '')) verb = tokens[t].lower;
			else if (tokens[t]?.lower === 'known' && tokens[t + 1]?.lower === 'as') verb = 'known as';
			else if (tokens[t]?.lower === 'referred' && tokens[t + 1]?.lower === 'to' && tokens[t + 2]?.lower === 'as') verb = 'referred to as';
			if (!verb) continue;
			let from = t + verb.split(' ').length;
			if (/^(a|an|the)$/.test(tokens[from]?.lower ?? '')) from++;
			// the term runs to the end of its clause: "called a granum," / "known as vicarious reinforcement."
			// (taggers often take the last word of a term for a verb: "a meteor shower")
			let to = from;
			while (to < s.last && to - from < 5 && (/^[\p{L}][\p{L}'’-]*$/u.test(tokens[to].text) || (tokens[to].text === '-' && !tokens[to].space)) && !/^(and|but|or|which|that|who|because|after|before|when|in|on|at|by|for|with|from|of)$/.test(tokens[to].lower)) to++;
			if (to <= from || to - from > 4) continue;
			if (to < s.last && !/^[.,;:—–(]$/.test(tokens[to].text) && !/^(and|but)$/.test(tokens[to].lower)) continue;
			if (tokens.slice(from, to).some((x) => /^(after|it|this|he|she|they)$/.test(x.lower))) continue;
			const term = a.text.slice(tokens[from].start, tokens[to - 1].end);
			const plural = /^(are|were)$/.test(tokens[c].lower);
			const past = /^(was|were)$/.test(tokens[c].lower);
			const subjFirst = clauseStart(a, s.index, c, k);
			const subject = tokens.slice(subjFirst, c);
			// "This is known as vicarious reinforcement." after the sentence that says what "this" is
			if (subject.length === 1 && /^(this|that)$/.test(subject[0].lower) && subjFirst === k && s.index > 0) {
				const prev = a.sentences[s.index - 1];
				const pv = views[s.index - 1];
				if (!pv?.ok || prev.para !== s.para) continue;
				const described = renderTokens(a, prev.first, prev.last, pv.edits);
				const n = described.split(/\s+/).length;
				if (n < 6 || n > 35 || /\?$/.test(described)) continue;
				out.push({ si: s.index, contextSi: s.index - 1, described, statement: true, term, plural, past, verb });
				continue;
			}
			// "...; such an event is called a meteor shower": the noun phrase the first clause ends with
			if (subject.length >= 1 && subject.length <= 3 && /^(this|such|which)$/.test(subject[0].lower) && subjFirst > s.first) {
				const np = describedBefore(a, s.index, subjFirst, view);
				if (np) out.push({ si: s.index, described: np, statement: false, term, plural, past, verb });
				continue;
			}
			// "A stack of thylakoids is called a granum": a described thing, not a name or pronoun
			if (!view?.ok || subject.length < 2 || subject.length > 12) continue;
			if (!/^(a|an|the)$/.test(subject[0].lower) && !/^(ADJ|NOUN)$/.test(subject[0].pos)) continue;
			if (subject.some((x) => x.text === ',' || /^(PRON)$/.test(x.pos) || /^(it|this|these|those|they)$/.test(x.lower))) continue;
			if (a.mentionsBySent[s.index].some((m) => m.first >= subjFirst && m.last <= c && m.first === subjFirst + (subject[0].pos === 'DET' ? 1 : 0))) continue;
			const described = lowerFirst(a, subjFirst, renderTokens(a, subjFirst, c, view.edits));
			out.push({ si: s.index, described, statement: false, term, plural, past, verb });
		}
	}
	return out;
}

/** Lower-cases the first letter unless the phrase opens with a name. */
function lowerFirst(a: Article, first: number, text: string): string {
	const t = a.tokens[first];
	const k = t && /^(the|a|an)$/i.test(t.text) ? first + 1 : first;
	if (a.tokens[k]?.pos === 'PROPN' && /^\p{Lu}/u.test(a.tokens[k].text) && k !== first) return text.charAt(0).toLowerCase() + text.slice(1);
	if (a.tokens[first]?.pos === 'PROPN' && /^\p{Lu}/u.test(a.tokens[first].text)) return text;
	return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Where the clause holding the naming verb starts: after a semicolon, a "but", or the sentence's opening. */
function clauseStart(a: Article, si: number, c: number, floor: number): number {
	const { tokens } = a;
	for (let k = c - 1; k >= floor; k--) {
		const t = tokens[k];
		if (/^[;:—–]$/.test(t.text) || (t.text === ',' && /^(and|but|while|so)$/.test(tokens[k + 1]?.lower ?? ''))) return /^(and|but|while|so)$/.test(tokens[k + 1]?.lower ?? '') ? k + 2 : k + 1;
		if (t.text === ',' && k < c - 3) return k + 1;
	}
	return floor;
}

/** The noun phrase "such an event" points back to: the object the clause before ends with. */
function describedBefore(a: Article, si: number, at: number, view: SentenceView | null | undefined): string | null {
	const { tokens } = a;
	const s = a.sentences[si];
	let end = at - 1;
	while (end > s.first && /^[;,—–]$/.test(tokens[end].text)) end--;
	end++;
	// back to the determiner that opens the last noun phrase after a verb
	for (let k = end - 1; k > s.first + 1; k--) {
		if (/^(a|an)$/.test(tokens[k].lower) && /^(VERB|AUX)$/.test(tokens[k - 1].pos)) {
			const np = renderTokens(a, k, end, view?.edits ?? []);
			const words = np.split(/\s+/).length;
			if (words < 3 || words > 16 || tokens.slice(k, end).some((x) => /^(it|they|this|these|those|we|you|our|their|its)$/.test(x.lower))) return null;
			return np.charAt(0).toLowerCase() + np.slice(1);
		}
		if (/^[;:,]$/.test(tokens[k].text)) return null;
	}
	return null;
}

/**
 * "What is a stack of thylakoids called?" with the article's other terms as choices,
 * and for "This is known as T": the sentence that says what "this" is, then "This is
 * known as _____."
 */
export function namingQuestions(a: Article, views: (SentenceView | null)[], seed: number | string, otherTerms: string[]): Candidate[] {
	const namings = findNamings(a, views);
	const out: Candidate[] = [];
	const pool = [...new Set([...namings.map((n) => n.term), ...otherTerms])];
	for (const n of namings) {
		const s = a.sentences[n.si];
		const from = n.contextSi !== undefined ? a.sentences[n.contextSi].start : s.start;
		const source = sentenceSpan(a.text, from, s.end);
		const original = source.text.replace(/\s+/g, ' ').trim();
		const explanation = `The article says: “${original}”`;
		const bare = n.term.replace(/^(the|a|an)\s+/i, '');
		const be = n.past ? (n.plural ? 'were' : 'was') : n.plural ? 'are' : 'is';
		const verb = n.verb === 'known as' ? 'known as' : n.verb === 'referred to as' ? 'referred to as' : 'called';
		const rand = randomFor(seed, `name:${n.si}:${n.term}`);
		const fact = `${n.si}:${normalize(bare)}`;
		if (n.statement) {
			// the description is a statement of its own: a cloze after it
			const prompt = `${asStatement(n.described)} This ${n.past ? 'was' : 'is'} ${verb} ${BLANK}.`;
			if (givesAway(prompt, [bare]) || wordGivesAway(prompt, bare, false, subjectStems(a))) continue;
			out.push({
				type: 'cloze',
				prompt,
				answer: bare,
				options: [],
				accept: [n.term].filter((x) => x !== bare),
				explanation,
				sources: [source],
				sents: [n.contextSi!, n.si],
				fact,
				leaks: saidOnce(a, bare),
				quality: 0.88,
				penalty: Math.max(0, prompt.split(/\s+/).length - 28) * 0.006,
				card: { front: prompt, back: `${bare}\n\n${original}` }
			});
			continue;
		}
		const prompt = `What ${be} ${n.described} ${verb === 'called' ? 'called' : verb}?`.replace(/ known as\?$/, ' known as?');
		if (givesAway(prompt, [bare]) || wordGivesAway(prompt, bare, false, subjectStems(a))) continue;
		// other terms of the article of the same shape: one word or several, singular or plural
		const words = bare.split(/\s+/).length;
		const isPlural = (x: string) => /[^s]s$/.test(x.toLowerCase());
		const siblings = pool
			.map((x) => x.replace(/^(the|a|an)\s+/i, ''))
			.filter((x) => normalize(x) !== normalize(bare) && !normalize(x).includes(normalize(bare)) && !normalize(bare).includes(normalize(x)))
			.filter((x) => Math.abs(x.split(/\s+/).length - words) <= 1 && isPlural(x) === isPlural(bare) && /^\p{Lu}/u.test(x) === /^\p{Lu}/u.test(bare))
			.filter((x) => !givesAway(prompt, [x]));
		// the same number of words first, then terms the article names the same way
		const named = new Set(namings.map((x) => normalize(x.term.replace(/^(the|a|an)\s+/i, ''))));
		const ranked = siblings.sort((x, y) => Math.abs(x.split(/\s+/).length - words) - Math.abs(y.split(/\s+/).length - words) || Number(named.has(normalize(y))) - Number(named.has(normalize(x))));
		const chosen = [...new Map(ranked.map((x) => [normalize(x), x])).values()].slice(0, 3);
		if (chosen.length < 2) continue;
		out.push({
			type: 'multiple_choice',
			prompt,
			answer: bare,
			options: shuffle([bare, ...chosen], rand),
			accept: [n.term].filter((x) => x !== bare),
			explanation,
			sources: [source],
			sents: [n.si],
			fact,
			leaks: saidOnce(a, bare),
			quality: 0.9 * (chosen.length >= 3 ? 1 : 0.92),
			penalty: Math.max(0, prompt.split(/\s+/).length - 20) * 0.006,
			card: { front: prompt, back: `${bare}\n\n${original}` }
		});
	}
	return out;
}

/** A term the article uses once or twice: another prompt that shows it gives it away. */
function saidOnce(a: Article, term: string): boolean {
	const hay = ` ${normalize(a.text)} `;
	const key = ` ${normalize(term)} `;
	let n = 0;
	for (let at = hay.indexOf(key); at >= 0 && n < 3; at = hay.indexOf(key, at + 1)) n++;
	return n <= 2;
}
