import type { Article } from '../analysis/article.js';
import type { Edit, SentenceView } from '../analysis/references.js';
import { displayName, possessive, viewSentence } from '../analysis/references.js';
import type { Sentence } from '../analysis/tokens.js';

/** Tokens [first, last) of a sentence to show in a prompt, with the edits that keep it standing alone. */
export interface PromptSpan {
	first: number;
	last: number;
	edits: Edit[];
}

// Openers of a leading phrase that can go without changing what the rest states:
// contrasts and concessions ("While China's assistance ...", "Even with the Townshend tax"),
// circumstances ("As global pressure mounts ...") and participles ("Protected by a crowd ...").
// "If", "when", "because" and dates stay: they are part of what is true.
const DROPPABLE_OPENER = /^(while|although|though|even|despite|unlike|like|amid|besides|beyond|apart|along|whereas)$/;
// Where a clause after the one asked about starts.
const TRAILING = /^(which|while|whereas|but|though|although|thus|so|with|where|yet)$/;
const SUBORDINATOR = /^(when|while|although|though|after|before|as|once|since|because|until|whereas)$/;

/**
 * The shortest part of sentence `si` that still asks about tokens [g0, g1) on its own:
 * a leading contrast or circumstance that does not hold the blank is dropped (naming
 * the subject a pronoun took from it), clauses after the blank's clause are cut, and a
 * blank inside a leading "when ..." clause is asked within that clause alone. Long
 * whole-sentence prompts are what teachers shorten first.
 */
export function trimAround(a: Article, si: number, view: SentenceView, g0: number, g1: number): PromptSpan {
	const s = a.sentences[si];
	const { tokens } = a;
	let first = s.first;
	for (const e of view.edits) if (e.first === first && !e.text) first = e.last;
	let last = s.last;
	const edits: Edit[] = [];
	const top = topLevel(a, s.first, s.last);

	// the leading phrase up to the first top-level comma
	const opener = tokens[first];
	// the comma after which a clause starts ("As pressure mounts on X over A, B and C, he is ...")
	let comma = -1;
	for (let k = first + 1; k < Math.min(s.last - 3, first + 70); k++) {
		if (!top.has(k)) continue;
		if (tokens[k].text === ',' && startsClause(a, k + 1, s.last)) {
			comma = k;
			break;
		}
		if (/^[;:]$/.test(tokens[k].text)) break;
	}
	if (comma > 0 && opener) {
		const lead = { first, last: comma };
		const main = comma + 1;
		const hasVerb = (from: number, to: number) => tokens.slice(from, to).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
		const subordinate = SUBORDINATOR.test(opener.lower) && opener.lower !== 'as' ? true : opener.lower === 'as' && hasVerb(first + 1, comma) && !/^(a|an)$/.test(tokens[first + 1]?.lower ?? '');
		if (g0 >= main) {
			// "Protected by a crowd of spectators, ...", but not "Beginning in the 17th century, ..." (a time)
			const participle = opener.pos === 'VERB' && /(ed|en)$/.test(opener.lower) && first === s.first;
			const droppable = DROPPABLE_OPENER.test(opener.lower) || participle;
			if (droppable && startsClause(a, main, s.last)) {
				const fix = nameFromDropped(a, si, view, lead.first, lead.last, main, s.last);
				if (fix) {
					first = main;
					edits.push(...fix);
				}
			}
		} else if (g1 <= comma && subordinate && /^(when|after|before|once|while|although|though|whereas|as)$/.test(opener.lower)) {
			// "When the Dartmouth sailed into Boston Harbor in November 1773, it had ...": ask within the "when" clause
			if (comma - (first + 1) >= 5 && startsClause(a, first + 1, comma) && !pronounAt(a, first + 1)) {
				first = first + 1;
				last = comma;
			}
		}
	}

	// "..., where his generous gifts ... caused _____ in Egypt": a blank in a closing clause with a
	// subject of its own is asked within that clause
	for (let k = first + 5; k < g0 - 2; k++) {
		if (!top.has(k) || tokens[k].text !== ',' || !/^(where|when|while|whereas)$/.test(tokens[k + 1]?.lower ?? '')) continue;
		if (!startsClause(a, k + 2, last) || words(a, k + 2, last) < 6) continue;
		const fix = nameFromDropped(a, si, view, first, k, k + 2, last);
		if (!fix) break;
		first = k + 2;
		edits.push(...fix);
		break;
	}
	// clauses after the one that holds the blank
	for (let k = Math.max(g1, first + 1); k < last - 1; k++) {
		if (!top.has(k)) continue;
		const t = tokens[k];
		const next = tokens[k + 1];
		let cut = false;
		if (t.text === ';') cut = true;
		else if (t.text === ',' && next) {
			// a relative clause right after the blank describes the answer: it is the clue
			if (/^(which|who|where)$/.test(next.lower) && tokens.slice(g1, k).every((x) => !/[\p{L}\d]/u.test(x.text) || !top.has(x.i))) continue;
			// "X, which is believed ..., told Asia Times": a relative clause inside the main clause
			if (/^(which|who|where)$/.test(next.lower) && verbAfterNextComma(a, top, k + 1, last)) break;
			if (/^(which|where|thus|so|with)$/.test(next.lower)) cut = true;
			// ", but woeful, all-Russian final" is no clause: ", but" and the like must start one
			else if (TRAILING.test(next.lower) && startsClause(a, k + 2, last)) cut = true;
			// ", reaching US$4.8 billion in 2016", ", thus undercutting ...": a participle adds a second fact
			else if (next.pos === 'VERB' && /ing$/.test(next.lower)) cut = true;
			// ", and the British monarch remained ...": a second clause with its own subject
			// (", and" ending a list — "a peninsula, Jutland, and an archipelago" — starts no clause)
			else if (next.lower === 'and' && clauseAfterAnd(a, k + 2, last) && !listBefore(a, top, first, k)) cut = true;
		}
		if (!cut) continue;
		// keep enough to make sense
		if (words(a, first, k) >= 7) last = k;
		break;
	}
	return { first, last, edits };
}

/** A top-level comma after `from` followed, before the end, by a verb of the main clause. */
function verbAfterNextComma(a: Article, top: Set<number>, from: number, last: number): boolean {
	for (let k = from; k < last; k++) {
		if (!top.has(k) || a.tokens[k].text !== ',') continue;
		for (let z = k + 1; z < Math.min(last, k + 4); z++) if (/^(VERB|AUX)$/.test(a.tokens[z].pos)) return true;
	}
	return false;
}

/** Tokens outside brackets, quotation marks and a pair of dashes. */
function topLevel(a: Article, first: number, last: number): Set<number> {
	const out = new Set<number>();
	let depth = 0;
	let quote = false;
	const dashes = a.tokens.slice(first, last).filter((t) => /^[—–]$/.test(t.text) || (t.text === '-' && t.space)).length;
	let dash = false;
	for (let k = first; k < last; k++) {
		const t = a.tokens[k].text;
		if (t === '(' || t === '[') depth++;
		if (/^[“”"]$/.test(t)) quote = t === '“' ? true : t === '”' ? false : !quote;
		const isDash = dashes >= 2 && (/^[—–]$/.test(t) || (t === '-' && a.tokens[k].space));
		if (isDash) dash = !dash;
		if (depth === 0 && !quote && !dash && !isDash) out.add(k);
		if ((t === ')' || t === ']') && depth > 0) depth--;
	}
	return out;
}

function words(a: Article, first: number, last: number): number {
	let n = 0;
	for (let k = first; k < last; k++) if (/[\p{L}\d]/u.test(a.tokens[k].text)) n++;
	return n;
}

function pronounAt(a: Article, k: number): boolean {
	return /^(he|she|it|they|this|these|those|that)$/.test(a.tokens[k]?.lower ?? '');
}

/** A subject (name, noun phrase or pronoun) followed by a verb within a few words. */
function startsClause(a: Article, from: number, to: number): boolean {
	const t = a.tokens[from];
	if (!t || !/^(DET|NOUN|PROPN|PRON|ADJ|NUM)$/.test(t.pos)) return false;
	// "which takes place in the stroma, ...": a relative clause has no subject of its own
	if (/^(which|who|whom|whose|that|where)$/.test(t.lower)) return false;
	for (let k = from + 1; k < Math.min(to, from + 14); k++) {
		const x = a.tokens[k];
		// ("an archipelago of islands, with the largest being ...": no finite verb)
		if ((x.pos === 'AUX' && !/^(being|been|be)$/.test(x.lower)) || (x.pos === 'VERB' && !/ing$/.test(x.lower))) return true;
		// a list goes on: "independent media, nongovernmental organizations and other critics"
		if (/^[,;:()—–]$/.test(x.text)) return false;
	}
	return false;
}

/** Another top-level comma after the last verb before k: the ", and" at k closes a list. */
function listBefore(a: Article, top: Set<number>, first: number, k: number): boolean {
	for (let x = k - 1; x > first; x--) {
		if (/^(VERB|AUX)$/.test(a.tokens[x].pos)) return false;
		if (top.has(x) && a.tokens[x].text === ',') return true;
	}
	return false;
}

function clauseAfterAnd(a: Article, from: number, to: number): boolean {
	const t = a.tokens[from];
	if (!t || !/^(DET|PROPN|PRON|NOUN)$/.test(t.pos) || /^(the)$/.test(t.lower) === false && t.pos === 'NOUN') return false;
	return startsClause(a, from, to);
}

/**
 * After the leading phrase [lf, ll) is dropped, a pronoun of the rest that pointed into
 * it must carry the name instead: "As pressure mounts on Hun Sen ..., he is also in
 * danger ..." → "Hun Sen is also in danger ...". Null when a pronoun's name is not clear.
 */
function nameFromDropped(a: Article, si: number, view: SentenceView, lf: number, ll: number, from: number, to: number): Edit[] | null {
	const { tokens, entities } = a;
	const out: Edit[] = [];
	const dropped = a.mentionsBySent[si].filter((m) => m.first >= lf && m.last <= ll);
	const apostrophe = a.text.includes('’s') ? '’' : "'";
	const done = { person: false, thing: false, plural: false };
	for (let k = from; k < to; k++) {
		const t = tokens[k];
		if (t.pos !== 'PRON' && t.pos !== 'DET') continue;
		if (view.edits.some((e) => e.first <= k && k < e.last)) continue;
		const group = /^(he|him|his|she|her|hers)$/.test(t.lower) ? 'person' : /^(it|its)$/.test(t.lower) ? 'thing' : /^(they|them|their)$/.test(t.lower) ? 'plural' : null;
		if (!group) continue;
		if (done[group]) continue;
		done[group] = true;
		// a name (or, for "it" and "they", a noun) of the kept part before the pronoun is its antecedent
		const keptBefore = a.mentionsBySent[si].filter((m) => m.first >= from && m.last <= k);
		const compatible = (cls: string) => (group === 'person' ? cls === 'person' : group === 'thing' ? !/^(person|group)$/.test(cls) : /^(group|org)$/.test(cls));
		if (keptBefore.some((m) => compatible(entities[m.entity].cls))) continue;
		if (group !== 'person' && tokens.slice(from, k).some((x) => x.pos === 'NOUN')) continue;
		const cands = [...new Set(dropped.filter((m) => compatible(entities[m.entity].cls)).map((m) => m.entity))];
		if (cands.length !== 1) return null;
		// "As each of the particles enters Earth's atmosphere, it ...": a common noun of the
		// dropped phrase may be what the pronoun means; then the name is no safe guess
		const named = (x: number) => dropped.some((m) => m.first <= x && x < m.last);
		if (group !== 'person' && tokens.slice(lf, ll).some((x) => x.pos === 'NOUN' && !named(x.i))) return null;
		const name = displayName(entities[cands[0]]);
		const poss = /^(his|its|their)$/.test(t.lower) || (t.lower === 'her' && /^(NOUN|ADJ|PROPN)$/.test(tokens[k + 1]?.pos ?? ''));
		out.push({ first: k, last: k + 1, text: poss ? possessive(name, apostrophe) : name });
	}
	return out;
}

/**
 * A sentence whose only unclear reference sits in a part that can go: "From this
 * gathering, a group ... approached the ships" (a leading phrase), "The Act allowed ...,
 * a change designed to prevent juries from deciding these cases" (a trailing apposition
 * or clause). Returns the article with the sentence narrowed to the rest, when that
 * stands alone.
 */
export function narrowAroundReference(a: Article, si: number, view: SentenceView): { article: Article; view: SentenceView } | null {
	if (view.at === undefined || view.ok) return null;
	const s = a.sentences[si];
	const { tokens } = a;
	const top = topLevel(a, s.first, s.last);
	let first = s.first;
	let last = s.last;
	for (const e of view.edits) if (e.first === first && !e.text) first = e.last;
	// the reference is in a leading phrase: the clause after its comma
	let lead = -1;
	for (let k = first + 1; k < Math.min(s.last - 3, first + 25); k++) {
		if (top.has(k) && tokens[k].text === ',' && startsClause(a, k + 1, s.last)) {
			lead = k;
			break;
		}
	}
	if (lead > 0 && view.at < lead && !/^(if|unless|when|because|since)$/.test(tokens[first].lower)) first = lead + 1;
	else {
		// the reference is in a trailing part: the clause before it
		let cut = -1;
		for (let k = first + 5; k < view.at; k++) {
			if (!top.has(k)) continue;
			const t = tokens[k];
			const n = tokens[k + 1];
			if (t.text === ';' || (t.text === ',' && n && (/^(which|who|while|whereas|but|though|although|thus|so|a|an|where|yet)$/.test(n.lower) || (n.pos === 'VERB' && /ing$/.test(n.lower))))) cut = k;
		}
		if (cut < 0) return null;
		last = cut;
	}
	if (last - first < 6) return null;
	const clause: Sentence = { ...s, first, last, start: tokens[first].start, end: tokens[last - 1].end };
	const article: Article = {
		...a,
		sentences: a.sentences.map((x, i) => (i === si ? clause : x)),
		mentionsBySent: a.mentionsBySent.map((ms, i) => (i === si ? ms.filter((m) => m.first >= first && m.last <= last) : ms)),
		quantitiesBySent: a.quantitiesBySent.map((qs, i) => (i === si ? qs.filter((q) => q.first >= first && q.last <= last) : qs))
	};
	const narrowed = viewSentence(article, si, new Map());
	return narrowed.ok ? { article, view: narrowed } : null;
}

/**
 * Parts of a sentence that can go without breaking it, so that a second question on the
 * sentence need not show the first one's answer: a date or place given as the setting
 * ("in 1911", "in c. 1235", "in Egypt"), a participle describing a noun ("led by Pol Pot",
 * "dated as late as 1957"), an opening phrase ("In early 1774,") and an apposition
 * (", a former royal court slave,").
 */
export function removableParts(a: Article, si: number, view: SentenceView): { first: number; last: number; text?: string }[] {
	const s = a.sentences[si];
	const { tokens } = a;
	const top = topLevel(a, s.first, s.last);
	const out: { first: number; last: number; text?: string }[] = [];
	const add = (first: number, last: number, text?: string) => {
		if (last <= first || view.edits.some((e) => e.first < last && first < e.last && e.text)) return;
		if (words(a, s.first, s.last) - words(a, first, last) < 6) return;
		out.push(text ? { first, last, text } : { first, last });
	};
	let start = s.first;
	for (const e of view.edits) if (e.first === start && !e.text) start = e.last;
	// an opening phrase up to the comma after which the clause starts
	if (/^(ADP|ADV|SCONJ)$/.test(tokens[start]?.pos ?? '') && !/^(if|unless|because|since|although|though|when|while)$/.test(tokens[start].lower)) {
		for (let k = start + 1; k < Math.min(s.last - 3, start + 12); k++) {
			// "Only veteran Lindsay Davenport held the new wave at bay, ...": a clause, not an opening phrase
			if (/^(VERB|AUX)$/.test(tokens[k].pos) && !/(ing|ed|en)$/.test(tokens[k].lower)) break;
			if (top.has(k) && tokens[k].text === ',' && startsClause(a, k + 1, s.last)) {
				add(start, k + 1);
				break;
			}
		}
	}
	// a date or a place given with a preposition
	const settings: [number, number][] = [];
	for (const q of a.quantitiesBySent[si]) if (/^(year|date|decade|century|year_range)$/.test(q.kind)) settings.push([q.first, q.last]);
	for (const m of a.mentionsBySent[si]) if (a.entities[m.entity].cls === 'place') settings.push([m.first, m.last]);
	for (const [f, l] of settings) {
		let b = f;
		while (b > s.first && /^(early|late|mid|c\.|circa|the|about|around)$/.test(tokens[b - 1].lower)) b--;
		if (!/^(in|on|at|during|since|from|around|near)$/.test(tokens[b - 1]?.lower ?? '') || b - 1 <= start) continue;
		b--;
		let z = l;
		// "from 1324 to 1326"
		if (/^(to|until|and)$/.test(tokens[z]?.lower ?? '') && a.quantitiesBySent[si].some((q) => q.first === z + 1)) z = a.quantitiesBySent[si].find((q) => q.first === z + 1)!.last;
		add(b, z);
	}
	// a participle describing the noun before it: "the regime led by Pol Pot", "dollars dated as late as 1957,"
	for (let k = start + 1; k < s.last - 2; k++) {
		const t = tokens[k];
		if (t.pos !== 'VERB' || !/(ed|en|led|made|held|built|known|born|set|put)$/.test(t.lower) || !/^(NOUN|PROPN)$/.test(tokens[k - 1].pos) || !top.has(k)) continue;
		if (!/^(by|as|in|at|from|after|for|during|with|to)$/.test(tokens[k + 1]?.lower ?? '')) continue;
		let z = k + 1;
		while (z < s.last && top.has(z) && !/^[,;:.]$/.test(tokens[z].text) && !(tokens[z].pos === 'AUX' || (tokens[z].pos === 'VERB' && z > k + 2 && tokens[z - 1].pos !== 'ADP'))) {
			// "led by Pol Pot | in 1979": a date or place after it is the clause's setting, not the participle's
			if (z > k + 2 && /^(in|on|at|during|from)$/.test(tokens[z].lower) && settings.some(([f]) => f === z + 1 || f === z + 2)) break;
			z++;
		}
		if (z - k > 9 || z - k < 2) continue;
		// the comma that closed it goes too when nothing opened it: "Antique dollars dated as late as 1957, have"
		if (tokens[z]?.text === ',' && tokens[k - 1].text !== ',') z++;
		add(k, z);
	}
	// "On December 16, | just as the Dartmouth’s deadline approached, | townspeople gathered ...": a
	// time or circumstance clause between commas
	for (let k = start + 1; k < s.last - 4; k++) {
		if (!top.has(k) || tokens[k].text !== ',') continue;
		let c = k + 1;
		if (/^(just|even|only)$/.test(tokens[c]?.lower ?? '')) c++;
		if (!/^(as|while|when|after|before|although|though|since|because|once|until)$/.test(tokens[c]?.lower ?? '')) continue;
		let z = c + 1;
		while (z < s.last && z - k < 16 && tokens[z].text !== ',' && top.has(z)) z++;
		if (tokens[z]?.text !== ',' || z - k < 4 || !startsClause(a, z + 1, s.last)) continue;
		add(k, z);
		k = z;
	}
	// "... founded by Sundiata Keita | and became renowned for the wealth of its rulers, especially
	// Mansa Musa": a second predicate of the same subject, to the end of the sentence
	for (let k = start + 4; k < s.last - 3; k++) {
		if (!top.has(k) || tokens[k].lower !== 'and' || !/^(VERB|AUX)$/.test(tokens[k + 1]?.pos ?? '') || /ing$/.test(tokens[k + 1].lower)) continue;
		// the clause before has a finite verb of its own
		if (!tokens.slice(start, k).some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.lower))) continue;
		let z = k + 1;
		while (z < s.last && !/^[;.!?]$/.test(tokens[z].text)) z++;
		add(tokens[k - 1]?.text === ',' ? k - 1 : k, z);
		break;
	}
	// "Dutch explorer Abel Tasman" → "a Dutch explorer": a person named after their role may be
	// left unnamed ("In what year did a Dutch explorer become the first European to sight New Zealand?")
	for (const m of a.mentionsBySent[si]) {
		if (a.entities[m.entity].cls !== 'person') continue;
		let b = m.first;
		// (a nationality before the role is part of it: "Dutch explorer", "American writer and humorist")
		const inName = (k: number) => a.mentionsBySent[si].some((x) => x.first <= k && k < x.last && a.entities[x.entity].cls !== 'group');
		while (b > s.first && /^(ADJ|NOUN|PROPN|CCONJ)$/.test(tokens[b - 1].pos) && !inName(b - 1) && top.has(b - 1)) b--;
		const role = tokens.slice(b, m.first);
		// ("psychologist Albert Bandura’s ideas" would become "a psychologist’s ideas": whose?)
		if (/^(’s|'s|’|')$/.test(tokens[m.last]?.text ?? '')) continue;
		if (!role.length || role[0].pos === 'CCONJ' || !role.some((t) => t.pos === 'NOUN' && /^\p{Ll}/u.test(t.text)) || /^\p{Ll}/u.test(tokens[m.first - 1].text) === false) continue;
		const det = /^(the|a|an)$/.test(tokens[b - 1]?.lower ?? '') ? b - 1 : b;
		const said = a.text.slice(tokens[b].start, tokens[m.first - 1].end).replace(/\s+/g, ' ');
		const lowered = /^\p{Lu}\p{Ll}/u.test(said) && role[0].pos !== 'PROPN' && !/(an|ish|ese|ch|ian)$/.test(role[0].lower) ? said.charAt(0).toLowerCase() + said.slice(1) : said;
		const article = /^[aeiou]/i.test(lowered) ? 'an' : 'a';
		// (a prompt's first letter is written as a capital when it is rendered)
		add(det, m.last, `${article} ${lowered}`);
	}
	// ", a former royal court slave," after a name
	for (let k = start + 1; k < s.last - 3; k++) {
		if (!top.has(k) || tokens[k].text !== ',' || !/^(a|an|the|now|then)$/.test(tokens[k + 1]?.lower ?? '')) continue;
		if (!a.mentionsBySent[si].some((m) => m.last === k)) continue;
		let z = k + 2;
		while (z < s.last && z - k < 12 && tokens[z].text !== ',' && top.has(z)) z++;
		if (tokens[z]?.text !== ',') continue;
		add(k, z + 1);
	}
	return out;
}
