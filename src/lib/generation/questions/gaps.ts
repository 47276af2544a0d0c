import type { Article } from '../analysis/article.js';
import type { EntityClass } from '../analysis/entities.js';
import type { Quantity } from '../analysis/numbers.js';
import type { Token } from '../analysis/tokens.js';
import { normalize } from './render.js';
import { countsItsList, entityIsSubject } from './giveaway.js';
import { ORG_HEADS, POLITY_HEADS } from '../knowledge/lexicon.js';
import { isFirstName } from '../knowledge/names.js';
import { peripheral } from './who-said.js';
import { storyPerson } from './distractors.js';

/**
 * A phrase of a sentence worth asking about: a name, a number with its unit, a
 * defined term, the complement of a superlative ("the biggest exports are ___"), or a
 * key noun phrase of the article. Most good gaps are key phrases, not any word.
 */
export type GapKind = 'entity' | 'quantity' | 'term' | 'complement' | 'phrase';

export interface Gap {
	si: number;
	first: number;
	last: number;
	answer: string;
	kind: GapKind;
	cls?: EntityClass;
	entity?: number;
	quantity?: Quantity;
	/** Other forms a grader should accept. */
	accept: string[];
	/** How good a gap this is, before the sentence's importance is counted (0–1). */
	quality: number;
}

export const GENERIC = new Set([
	'thing', 'things', 'way', 'ways', 'part', 'parts', 'number', 'kind', 'kinds', 'lot', 'time', 'times', 'year', 'years', 'people', 'area',
	'place', 'problem', 'problems', 'example', 'examples', 'fact', 'case', 'cases', 'point', 'end', 'side', 'others', 'other', 'one', 'term',
	'terms', 'form', 'forms', 'type', 'types', 'variety', 'majority', 'rest', 'sort', 'level', 'amount', 'result', 'use', 'role', 'issue',
	'issues', 'idea', 'matter', 'matters', 'day', 'days', 'month', 'months', 'week', 'sense', 'reason', 'question', 'step', 'bit', 'piece',
	'section', 'chapter', 'figure', 'table', 'today', 'tomorrow', 'yesterday', 'someone', 'something', 'anything', 'everything', 'none', 'all', 'group', 'order', 'set'
]);
const TRIGGERS: string[][] = [
	['called'], ['known', 'as'], ['termed'], ['named'], ['referred', 'to', 'as'], ['referred', 'to', 'by', 'the', 'title'], ['dubbed'],
	['disguised', 'as'], ['dressed', 'as'], ['nicknamed'], ['renamed', 'it'], ['renamed', 'them'],
	['serves', 'as'], ['serve', 'as'], ['served', 'as'], ['acts', 'as'], ['act', 'as'], ['functions', 'as'], ['function', 'as'], ['designated', 'as']
];
const SUPERLATIVE = /^(most|largest|biggest|smallest|main|only|first|last|capital|official|chief|principal|highest|lowest|oldest|longest|greatest|best|worst|leading|primary|dominant)$/;

export function findGaps(a: Article, si: number): Gap[] {
	const s = a.sentences[si];
	const { tokens, entities } = a;
	const gaps: Gap[] = [];
	const topicShare = (id: number) => entities[id].mentions.length / Math.max(1, a.mentions.length);

	for (const m of a.mentionsBySent[si]) {
		const e = entities[m.entity];
		if (tokens[m.first - 1]?.text === '(' || isInsideQuote(a, m.first)) continue;
		// the article's own subject, named in its title, is no question
		if (m.entity === a.topic || (a.title && a.title.toLowerCase().includes(e.name.toLowerCase()))) continue;
		if (isListMember(a, m.first, m.last)) continue;
		// "1 trillion Suns", "106 MSun": a name used as a unit; "Sa", "Sc": codes, not names
		const numberBefore = tokens[m.first - 1]?.type === 'number' && !a.quantitiesBySent[si].some((q) => q.last === m.first && /^(year|date)$/.test(q.kind));
		if (numberBefore || a.text.slice(m.start, m.end).replace(/\W/g, '').length <= 2) continue;
		let quality: number;
		switch (e.cls) {
			case 'person': quality = 0.85; break;
			case 'place': case 'polity': case 'org': case 'law': case 'event': quality = 0.8; break;
			case 'name': quality = 0.75; break;
			case 'language': quality = 0.6; break;
			default: quality = 0.45;
		}
		// "the _____ government", "of _____ descent": a nationality used as an adjective is no fact to test
		if ((e.cls === 'group' || e.cls === 'language') && /^(NOUN|ADJ)$/.test(tokens[m.last]?.pos ?? '') && /^\p{Ll}/u.test(tokens[m.last]?.text ?? '')) continue;
		// "Claire's nine-year-old son, Jay,": a person of a family story
		if (!e.name.includes(' ') && e.mentions.some((x) => tokens[x.first - 1]?.text === ',' && /^(son|daughter|mother|father|brother|sister|wife|husband|friend|child|boy|girl|cousin)$/.test(tokens[x.first - 2]?.lower ?? ''))) continue;
		// "low _____ orbit", "central _____", "_____ colonists": a place describing something else
		if ((e.cls === 'place' || e.cls === 'polity') && ((/^\p{Ll}/u.test(tokens[m.last]?.text ?? '') && tokens[m.last]?.pos === 'NOUN') || DIRECTION.test(tokens[m.first - 1]?.lower ?? ''))) continue;
		// "to win a Grand Slam", "another Grand Slam final": a name the article writes with "a" is a kind of thing, not the one thing
		if (genericName(a, e)) continue;
		// "Templo _____", "Joan _____", "Committee for a _____": the blank would cut a longer name
		if (cutsName(a, si, m.first, m.last)) continue;
		// "low _____ orbit": a name between a describing word and its noun only describes that noun
		if (e.cls !== 'person' && tokens[m.first - 1]?.pos === 'ADJ' && /^\p{Ll}/u.test(tokens[m.first - 1].text) && /^\p{Ll}/u.test(tokens[m.last]?.text ?? '') && tokens[m.last]?.pos === 'NOUN') continue;
		// a name given once, inside a clause about something else ("after NASA administrator X approved it")
		if (e.mentions.length === 1 && e.cls === 'person' && inSubordinate(a, si, m.first)) quality -= 0.15;
		// the thing the article is about, however it is named ("Hubble" in "Hubble Space Telescope")
		if (entityIsSubject(a, e.id)) continue;
		// "Empire", "Parliament" alone: an institution named by its common noun is a vague blank
		if (!/\s/.test(e.name) && (ORG_HEADS.has(e.name.toLowerCase()) || POLITY_HEADS.has(e.name.toLowerCase()))) quality -= 0.2;
		// the article's own subject is a poor answer: every question would be about it
		const introduced = e.mentions[0] === m;
		if (topicShare(m.entity) > 0.15 && !introduced) quality -= 0.35;
		// a name the article repeats fits many blanks: the sentence no longer pins it down
		// (except where the article introduces it)
		else if (e.mentions.length > 3 && !introduced) quality -= Math.min(0.3, 0.04 * (e.mentions.length - 3));
		// the subject of the sentence is what it is about
		const s0 = a.sentences[si];
		let lead = s0.first;
		while (lead < m.first && (/^(ADV|CCONJ|SCONJ|PUNCT|DET)$/.test(tokens[lead].pos) || tokens[lead].text === ',')) lead++;
		if (lead === m.first && /^(VERB|AUX)$/.test(tokens[m.last]?.pos ?? '')) quality += 0.06;
		// a commentator the article only quotes, or a character of an example, is no fact to learn
		if (e.cls === 'person' && peripheral(a, e.id)) quality -= 0.25;
		// ("Claire's nine-year-old son, Jay": the example's people are not what the lesson is about)
		if (storyPerson(a, e)) continue;
		// "Mr _____ said": only a surname, with the person's title as a clue
		if (/^(mr|mrs|ms|dr|mr\.|mrs\.|ms\.|dr\.)$/.test(tokens[m.first - 1]?.lower ?? '')) quality -= 0.15;
		// "told Asia Times", "told the BBC News website": the outlet, not the news
		const pre = tokens[m.first - 1]?.lower === 'the' ? tokens[m.first - 2] : tokens[m.first - 1];
		if (pre && /^(told|tells|according)$/.test(pre.lower)) continue;
		// "said Marc Goldwein, senior policy director at ...", "published in the journal Nature":
		// who said it, or where, is not the fact
		if (attribution(a, si, m.first, m.last) && !(a.lenient && e.cls !== 'person')) continue;
		// new information: the sentence that introduces a name is about it
		// (the more the article goes on to speak of it, the more it matters)
		if (introduced) quality += 0.04 + 0.02 * Math.min(5, e.mentions.length - 1);
		else if (e.mentions.some((x) => x.sent < si && x.sent >= si - 2)) quality -= 0.06;
		// "Rhode Island colonists", "Silicon Graphics' Columbia": a name describing another noun is not what the sentence is about
		// ("the Columbia supercomputer", "the Blue Gene/L machine" name the thing itself)
		const describes = /^(place|polity|group|org|person)$/.test(e.cls) && /^(NOUN)$/.test(tokens[m.last]?.pos ?? '');
		if (describes || (/^(’s|'s|’|')$/.test(tokens[m.last]?.text ?? '') && /^(PROPN|NOUN|ADJ)$/.test(tokens[m.last + 1]?.pos ?? ''))) quality -= 0.1;
		// "the first supercomputer, the Cray-1,", "a British tea firm, the East India Company": a name
		// given to a thing the sentence has just described is what it tells
		if (describedBefore(a, si, m.first)) quality += 0.07;
		// "Copenhagen, the nation's capital, largest city, and main commercial centre": a name the
		// sentence goes on to describe is what it is about
		else if (tokens[m.last]?.text === ',' && /^(the|a|an)$/.test(tokens[m.last + 1]?.lower ?? '') && /^(NOUN|ADJ|PROPN)$/.test(tokens[m.last + 2]?.pos ?? '') && !isListMember(a, m.first, m.last)) quality += 0.07;
		// "democratic governance, LGBT equality, prosperity": a name inside one item of a list describes it
		if (/^\p{Ll}/u.test(tokens[m.last]?.text ?? '') && tokens[m.last]?.pos === 'NOUN' && isListMember(a, m.first, m.last + 1, 'phrase')) continue;
		// "in Egypt", "at Nasa's Ames Research Center in California": a place where something
		// happened is the setting, unless the sentence is about where something is
		const prep = tokens[m.first - 1]?.lower === 'the' ? tokens[m.first - 2] : tokens[m.first - 1];
		const locative = e.cls === 'place' && /^(in|at|near|on|inside|within|throughout)$/.test(prep?.lower ?? '');
		const aboutPlace = tokens.slice(s.first, s.last).some((t) => /^(situated|located|lies|lie|lay|borders|bordered|capital|settled|sailed|fled|moved|retreated|visited)$/.test(t.lower));
		if (locative && !aboutPlace) quality -= 0.06;
		// "was founded by Sundiata Keita": the one who did it
		else if (prep?.lower === 'by' && /ed$|en$/.test(tokens[m.first - 2]?.lower ?? '')) quality += 0.05;
		else quality += focus(a, si, m.first, m.last);
		const surface = a.text.slice(m.start, m.end);
		const accept = [e.name, surface, ...e.aliases].filter((x, i, arr) => x !== surface && arr.indexOf(x) === i);
		gaps.push({ si, first: m.first, last: m.last, answer: surface, kind: 'entity', cls: e.cls, entity: e.id, accept, quality });
	}

	for (const q of a.quantitiesBySent[si]) {
		if (q.bracketed || isListMember(a, q.first, q.last, 'quantity')) continue;
		// "the two reactions", "four of the five participants": a number the reader already knows
		if (q.kind === 'count' && /^(the|these|those|both|its|their|his|her)$/.test(tokens[q.first - 1]?.lower ?? '')) continue;
		// "five people", "three types of responses": a count of something vague
		if (!a.lenient && q.kind === 'count' && (GENERIC.has(tokens[q.last]?.lower ?? '') || GENERIC_HEADS.has(tokens[q.last]?.lower ?? '') || /^(people|persons|men|women|children|participants|times|things|kinds|types|ways)$/.test(tokens[q.last]?.lower ?? ''))) continue;
		// "three kinds of models: live, verbal, and symbolic": the list that follows counts itself
		if (countsItsList(a, si, q)) continue;
		let quality: number;
		switch (q.kind) {
			case 'year': quality = 0.8; break;
			case 'year_range': quality = 0.78; break;
			case 'date': quality = q.year ? 0.75 : 0.7; break;
			case 'decade': case 'century': quality = 0.55; break;
			case 'money': case 'measure': quality = 0.82; break;
			case 'percent': quality = 0.72; break;
			case 'count': quality = q.words ? 0.4 : 0.78; break;
			default: quality = 0.4;
		}
		if (q.kind === 'measure' && q.unit && /^(years?|months?|days?|hours?|weeks?|seconds?|minutes?)$/.test(q.unit)) quality -= 0.15;
		// "the Tea Act of 1773", "the 1765 Stamp Act": a year that is part of a name dates nothing here
		const named = a.mentionsBySent[si].some((m) => (m.last === q.first - 1 && tokens[q.first - 1]?.lower === 'of' && /^(law|event|org)$/.test(entities[m.entity].cls)) || (m.first === q.last && /^(law|event)$/.test(entities[m.entity].cls)));
		if ((q.kind === 'year' || q.kind === 'date') && (named || (tokens[q.first - 1]?.lower === 'the' && tokens[q.last]?.pos === 'NOUN'))) continue;
		// "As the writer Ambrose Bierce wrote in 1911, money is ...": when the quoted person wrote is a minor date
		{
			const lead = a.tokens.slice(s.first, q.first);
			if (/^(as|according)$/.test(tokens[s.first].lower) && lead.some((t) => SPEECH.test(t.lower)) && !lead.some((t) => t.text === ',')) quality -= 0.15;
		}
		// "as in 1772, when ...", "such as 2,000 ...": an aside, not the statement
		if (/^(in|as|like)$/.test(tokens[q.first - 1]?.lower ?? '') && /^(as|such)$/.test(tokens[q.first - 2]?.lower ?? '')) quality -= 0.1;
		// a year the article keeps giving ("in 2016" three times) pins down nothing
		if ((q.kind === 'year' || q.kind === 'date') && a.quantities.filter((o) => (o.year ?? o.value) === (q.year ?? q.value) && (o.kind === 'year' || o.kind === 'date')).length >= 3) quality -= 0.1;
		quality += focus(a, si, q.first, q.last);
		gaps.push({ si, first: q.first, last: q.last, answer: q.text, kind: 'quantity', quantity: q, accept: [], quality });
	}

	// defined terms: "... is called a meteor", "known as X", "serves as a medium of exchange"
	const inBrackets = new Set<number>();
	{
		let depth = 0;
		for (let k = s.first; k < s.last; k++) {
			if (tokens[k].text === '(') depth++;
			if (depth > 0) inBrackets.add(k);
			if (tokens[k].text === ')' && depth > 0) depth--;
		}
	}
	for (let k = s.first; k < s.last; k++) {
		const trig = TRIGGERS.find((w) => w.every((x, n) => tokens[k + n]?.lower === x));
		// "the Quartering Act as an assertion": the trigger must be the verb, not a name's last word
		if (!trig || inBrackets.has(k) || /^\p{Lu}/u.test(tokens[k].text) || tokens[k].pos === 'NOUN' || tokens[k].pos === 'PROPN') continue;
		// "an archipelago of 443 named islands", "the so-called ...": an adjective, not a naming
		if (tokens[k - 1]?.type === 'number' || /^(so|well|newly|aptly)$/.test(tokens[k - 1]?.lower ?? '') || tokens[k - 1]?.text === '-') continue;
		let from = k + trig.length;
		if (/^(a|an|the)$/.test(tokens[from]?.lower ?? '')) from++;
		const to = nounPhraseEnd(tokens, from, s.last);
		// ("serves as a store of value" says what something does, "is called a meteor" what a thing is named;
		// "properly known as a meteor" is the name to learn, "often called a shooting star" a popular one)
		const how = tokens[k - 1]?.lower ?? '';
		const weight = /^(serves?|served|acts?|functions?)$/.test(trig[0]) ? 0.8 : /^(properly|formally|technically|scientifically|correctly|officially)$/.test(how) ? 0.95 : /^(often|commonly|sometimes|popularly|informally|also|colloquially)$/.test(how) ? 0.8 : 0.9;
		if (to > from && to - from <= 5) addTerm(a, gaps, si, from, to, weight);
	}
	// "the standard of deferred payment is what allows us to ...": the term a clause defines
	for (let k = s.first + 2; k < s.last - 2; k++) {
		if (!/^(is|are)$/.test(tokens[k].lower) || tokens[k + 1].lower !== 'what') continue;
		let from = k;
		while (from > s.first && /^(ADJ|NOUN|ADP)$/.test(tokens[from - 1].pos) && !(tokens[from - 1].pos === 'ADP' && tokens[from - 1].lower !== 'of')) from--;
		while (from < k && tokens[from].pos === 'ADP') from++;
		if (k - from >= 1 && k - from <= 5 && tokens[from - 1] && /^(the|a|an)$/.test(tokens[from - 1].lower)) addTerm(a, gaps, si, from, k, 0.88);
	}
	// "American Patriots renamed the Coercive and Quebec measures the Intolerable Acts": the new name
	for (let k = s.first + 1; k < s.last - 2; k++) {
		if (!/^(renamed|named|called|dubbed|nicknamed|designated)$/.test(tokens[k].lower) || tokens[k].pos !== 'VERB') continue;
		const m = a.mentionsBySent[si].find((x) => x.first > k + 2 && x.first <= k + 10 && (x.last === s.last - 1 || /^[.,;]$/.test(tokens[x.last]?.text ?? '')) && (tokens[x.first - 1]?.lower === 'the' || /^\p{Lu}/u.test(tokens[x.first].text)));
		if (!m || tokens.slice(k + 1, m.first).some((t) => t.text === ',' || t.pos === 'VERB')) continue;
		const existing = gaps.find((g) => g.first === m.first && g.last === m.last);
		if (existing) {
			existing.quality = Math.max(existing.quality, 0.92);
			existing.kind = existing.kind === 'entity' ? 'entity' : 'term';
			// the new name is the news, not who gave it
			for (const g of gaps) if (g !== existing && g.kind === 'entity' && g.first < k) g.quality -= 0.1;
		}
	}
	// "X, a situation in which ..." / "X, which means that ..." / "Barter—literally ..."
	for (let k = s.first + 1; k < s.last - 2; k++) {
		const t = tokens[k];
		let appositive = false;
		if (t.text === ',' && /^(a|an)$/.test(tokens[k + 1].lower)) {
			for (let z = k + 2; z < Math.min(s.last - 1, k + 6); z++) {
				if (/^(in|by|of)$/.test(tokens[z].lower) && tokens[z + 1]?.lower === 'which') appositive = true;
				if (/^(that|which|where|who|whereby)$/.test(tokens[z].lower) && tokens[z - 1].pos === 'NOUN') appositive = true;
				if (appositive || tokens[z].text === ',') break;
			}
		}
		const defines =
			appositive ||
			(t.text === ',' && /^(which|that)$/.test(tokens[k + 1].lower) && /^(means|meant|is)$/.test(tokens[k + 2].lower)) ||
			(/^[—–]$/.test(t.text) && /^(literally|those|that|which|namely)$/.test(tokens[k + 1].lower));
		if (!defines) continue;
		const from = nounPhraseStart(tokens, k, s.first);
		if (from < k && k - from <= 5) addTerm(a, gaps, si, from, k, 0.8);
	}
	// the subject of a definition at the start: "Fiat money has no intrinsic value", "Commodity-backed currencies are ..."
	{
		const from = s.first;
		const to = nounPhraseEnd(tokens, from, s.last);
		const verb = tokens[to];
		const named = a.mentionsBySent[si].some((m) => m.first < to && from < m.last);
		const definitional = verb && /^(is|are|means|refers|has)$/.test(verb.lower) && to - from >= 2;
		if (to > from && to - from <= 4 && definitional && !named && tokens.slice(from, to).every((t) => t.pos !== 'DET' && t.pos !== 'PRON')) {
			addTerm(a, gaps, si, from, to, 0.75);
		}
	}
	// "Cambodia's biggest exports are garments and footwear"
	{
		let cop = -1;
		for (let k = s.first + 1; k < Math.min(s.last, s.first + 12); k++) if (/^(is|are|was|were)$/.test(tokens[k].lower)) { cop = k; break; }
		if (cop > 0 && tokens.slice(s.first, cop).some((t) => SUPERLATIVE.test(t.lower) || /est$/.test(t.lower) && t.pos === 'ADJ')) {
			let from = cop + 1;
			if (/^(a|an|the)$/.test(tokens[from]?.lower ?? '')) from++;
			let to = from;
			while (to < s.last && !/^[,;:.—–(]$/.test(tokens[to].text) && !/^(with|while|which|who|whereas|and$)/.test(tokens[to].lower === 'and' && tokens[to + 1]?.pos === 'NOUN' ? 'x' : tokens[to].lower)) to++;
			if (to > from && to - from <= 10 && tokens.slice(from, to).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) {
				const answer = a.text.slice(tokens[from].start, tokens[to - 1].end);
				// "The official languages are English, Māori, and ...": one of a list is not the answer
				if (!gaps.some((g) => g.first === from && g.last === to) && !isListMember(a, from, to) && !isListMember(a, from, to, 'phrase')) gaps.push({ si, first: from, last: to, answer, kind: 'complement', accept: [], quality: 0.8 });
			}
		}
	}
	// "one of the greatest challenges of the 21st Century: protein folding."
	for (let k = s.first + 3; k < s.last - 1; k++) {
		if (tokens[k].text !== ':') continue;
		let from = k + 1;
		if (/^(a|an|the)$/.test(tokens[from]?.lower ?? '')) from++;
		let to = nounPhraseEnd(tokens, from, s.last);
		// "protein folding": a gerund closes the phrase
		while (to < s.last - 1 && to > from && /ing$/.test(tokens[to].lower)) to++;
		if (to > from && to - from <= 4 && (to === s.last - 1 || to === s.last) && !gaps.some((g) => g.first < to && from < g.last)) {
			gaps.push({ si, first: from, last: to, answer: a.text.slice(tokens[from].start, tokens[to - 1].end), kind: 'term', accept: [], quality: 0.8 });
		}
	}
	// "Mali was the largest empire in West Africa"
	for (let k = s.first + 1; k < s.last - 2; k++) {
		if (!/^(is|are|was|were|became|becomes|remains|remained)$/.test(tokens[k].lower) || tokens[k + 1].lower !== 'the') continue;
		const sup = tokens[k + 2];
		if (!(/est$/.test(sup.lower) && sup.pos === 'ADJ') && !/^(most|first|only|largest|biggest|oldest|main)$/.test(sup.lower)) continue;
		let to = nounPhraseEnd(tokens, k + 2 + (sup.lower === 'most' ? 1 : 0), s.last);
		if (to <= k + 2) continue;
		// "in West Africa", "of the world"
		if (/^(in|of)$/.test(tokens[to]?.lower ?? '') && a.mentionsBySent[si].some((m) => m.first === to + 1 || m.first === to + 2)) {
			const m = a.mentionsBySent[si].find((x) => x.first === to + 1 || x.first === to + 2)!;
			to = m.last;
		}
		if (to - (k + 2) > 7 || gaps.some((g) => g.first >= k + 2 && g.last <= to && g.kind !== 'entity')) continue;
		gaps.push({ si, first: k + 2, last: to, answer: a.text.slice(tokens[k + 2].start, tokens[to - 1].end), kind: 'complement', accept: [], quality: 0.75 });
	}
	// a short quoted name or slogan: “Silver Certificate”, “no taxation without representation”
	for (const q of a.quotations) {
		if (q.sent !== si || q.words < 1 || q.words > 5 || q.first <= s.first + 1) continue;
		let last = q.last;
		while (last > q.first + 1 && /^[.,;:!?]$/.test(tokens[last - 1].text)) last--;
		// “feels”, “empty”, “a-ha!”: a quoted word that names nothing is no term to learn
		const inner = tokens.slice(q.first, last);
		if (!inner.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') || /[!?]/.test(a.text.slice(tokens[q.first].start, tokens[q.last - 1].end))) continue;
		if (inner.length === 1 && inner[0].pos !== 'NOUN' && inner[0].pos !== 'PROPN') continue;
		gaps.push({ si, first: q.first, last, answer: a.text.slice(tokens[q.first].start, tokens[last - 1].end), kind: 'term', accept: [], quality: 0.8 });
	}
	// key noun phrases of the article
	for (let k = s.first; k < s.last; k++) {
		if (!/^(ADJ|NOUN)$/.test(tokens[k].pos) || (k > s.first && /^(ADJ|NOUN|PROPN|NUM)$/.test(tokens[k - 1].pos))) continue;
		const to = nounPhraseEnd(tokens, k, s.last);
		if (tokens.slice(k, to).some((t) => QUANTIFIERS.has(t.lower))) continue;
		if (to <= k || to - k > 5) continue;
		const head = tokens[to - 1];
		if (head.pos !== 'NOUN' || GENERIC.has(head.lower) || GENERIC_HEADS.has(head.lower) || VAGUE_HEADS.has(head.lemma)) continue;
		// "the country ranks highly": a verb the tagger took for a noun
		if (/s$/.test(head.lower) && /^(ADV|ADP|DET)$/.test(tokens[to]?.pos ?? '') && /ly$|^(the|a|an)$/.test(tokens[to]?.lower ?? '')) continue;
		// "important element", "other types", "new element": an evaluation, not a term
		if (/^(important|other|new|major|main|significant|various|certain|different|many|several|key|good|bad|great|particular|specific|general|common|similar)$/.test(tokens[k].lower)) continue;
		const tf = a.lemmaCount.get(head.lemma) ?? 0;
		const multi = to - k >= 2 && tokens.slice(k, to).filter((t) => t.pos === 'NOUN').length >= 1;
		// a single common noun is rarely what a teacher would blank; a key compound is
		if (!multi) continue;
		if (tf < 2 || /\d/.test(a.text.slice(tokens[k].start, tokens[to - 1].end))) continue;
		if (isListMember(a, k, to, 'phrase')) continue;
		if (gaps.some((g) => g.first < to && k < g.last)) continue;
		if (isInsideQuote(a, k)) continue;
		const answer = a.text.slice(tokens[k].start, tokens[to - 1].end);
		// a key phrase is one the article repeats; "the sake of money" or "the use of fiat money" are not
		if (occurrences(a, answer) < (a.lenient ? 1 : 2)) continue;
		const ofAt = tokens.slice(k, to).findIndex((t) => t.lower === 'of');
		if (ofAt > 0 && GENERIC_HEADS.has(tokens[k + ofAt - 1].lower)) continue;
		const quality = 0.35 + Math.min(0.25, tf / 40) + (multi ? 0.1 : 0) + (occurrences(a, answer) >= 2 ? 0.15 : 0);
		gaps.push({ si, first: k, last: to, answer, kind: 'phrase', accept: [], quality });
	}
	// what a verb does to something: "caused significant inflation", "developed a distinct
	// biodiversity", and what causes it: "because of its remoteness"
	for (let k = s.first + 1; k < s.last - 1; k++) {
		const v = tokens[k];
		const cause = (/^(because|due|thanks)$/.test(tokens[k - 1]?.lower ?? '') && /^(of|to)$/.test(v.lower)) || (v.lower === 'of' && tokens[k - 1]?.lower === 'result' && tokens[k - 2]?.lower === 'a');
		// (only what something causes: "caused significant inflation"; the object of any verb is
		// too often a vague phrase — "formed a substantial class", "served an important function")
		const verb = v.pos === 'VERB' && /^(cause|produce|trigger|create|result|lead|bring|spark|provoke|prompt|generate)$/.test(v.lemma) && v.lower !== v.lemma && !/ing$/.test(v.lower);
		if (!cause && !verb) continue;
		let from = k + 1;
		if (/^(a|an|the|its|their|his|her)$/.test(tokens[from]?.lower ?? '')) from++;
		const to = nounPhraseEnd(tokens, from, s.last);
		if (to <= from || to - from > 4) continue;
		const words = tokens.slice(from, to);
		const head = tokens[to - 1];
		if (head.pos !== 'NOUN' || GENERIC.has(head.lower) || GENERIC_HEADS.has(head.lower) || VAGUE_HEADS.has(head.lemma)) continue;
		// one plain noun is only worth asking as a cause ("its remoteness")
		if (!cause && !(words.length >= 2 && words.some((w) => w.pos === 'ADJ' || w.pos === 'NOUN') && words.filter((w) => w.pos === 'NOUN').length >= 1)) continue;
		if (words.some((w) => w.pos === 'PROPN' || /^\d/.test(w.text) || QUANTIFIERS.has(w.lower) && !cause)) continue;
		if (gaps.some((g) => g.first < to && from < g.last) || isInsideQuote(a, from) || isListMember(a, from, to, 'phrase')) continue;
		const blankFrom = cause ? from : k + 1;
		const answer = a.text.slice(tokens[blankFrom].start, tokens[to - 1].end);
		gaps.push({ si, first: blankFrom, last: to, answer, kind: 'phrase', accept: blankFrom < from ? [a.text.slice(tokens[from].start, tokens[to - 1].end)] : [], quality: (cause ? 0.7 : 0.66) + focus(a, si, blankFrom, to) });
	}
	// a term is best asked where the article first uses it
	for (const g of gaps) {
		if (g.kind !== 'term' && g.kind !== 'phrase' && g.kind !== 'complement') continue;
		const at = firstSentenceWith(a, g.answer);
		if (at !== undefined && at < si) g.quality -= 0.08;
	}
	// a sentence that introduces a name (not a place it happens in) or a term is about that, not about its date
	const introduces = (g: Gap) => g.kind === 'entity' && g.entity !== undefined && entities[g.entity].mentions[0]?.sent === si && !/^(group|place)$/.test(entities[g.entity].cls);
	if (gaps.some((g) => introduces(g) || (g.kind === 'term' && g.quality >= 0.8))) {
		for (const g of gaps) if (g.quantity && /^(year|date|decade|century|year_range)$/.test(g.quantity.kind)) g.quality -= 0.08;
	}
	const title = normalize(a.title);
	const topic = a.topic !== undefined ? normalize(a.entities[a.topic].name) : '';
	return gaps.filter((g) => {
		// prompts drop bracketed asides; a blank inside one would keep the aside alive
		if (inBrackets.has(g.first)) return false;
		const n = normalize(g.answer).replace(/^the /, '');
		if (n === title || n === topic) return false;
		// "Money" in an article about money (but "it is properly known as a meteor" names the subject: fair to ask)
		if (g.kind !== 'entity' && g.last - g.first === 1 && a.titleLemmas.has(tokens[g.first].lemma) && !(g.kind === 'term' && g.quality >= 0.9)) return false;
		// "books, movies, television shows, _____, or Internet sources": one of a list
		if (g.kind !== 'entity' && g.kind !== 'quantity' && isListMember(a, g.first, g.last, 'phrase')) return false;
		return true;
	});
}

const SPEECH = /^(said|says|say|told|tells|added|adds|wrote|writes|according|explained|noted|argued|stated|declared|warned|claimed|insisted|reported|published|quoted)$/;

/** The name is who said or reported something, or where: "said X", "X said", "according to X", "published in X". */
function attribution(a: Article, si: number, first: number, last: number): boolean {
	const { tokens } = a;
	let b = first - 1;
	while (b >= 0 && /^(the|senator|president|mr|mrs|ms|dr|mr\.|mrs\.|ms\.|dr\.|professor|journal|magazine|newspaper|in|to|by)$/.test(tokens[b]?.lower ?? '') && first - b <= 3) b--;
	if (tokens[b] && SPEECH.test(tokens[b].lower) && tokens[b].sent === si) return true;
	// "Michael Shadlen, Ph.D., of Columbia University's ... Institute": where someone works
	if (tokens[first - 1]?.lower === 'of' && tokens[first - 2]?.text === ',' && a.mentionsBySent[si].some((m) => m.last <= first - 2 && m.last >= first - 6 && a.entities[m.entity].cls === 'person')) return true;
	// "X said", "X, a fellow at ..., said"
	let k = last;
	if (tokens[k]?.text === ',') {
		while (k < a.sentences[si].last && k - last < 20 && !(tokens[k].text === ',' && k > last)) k++;
		k++;
	}
	return !!tokens[k] && /^(said|says|told|added|wrote|argued|noted|explained|warned)$/.test(tokens[k].lower) && tokens[k].sent === si && a.quotations.some((q) => q.sent === si || q.attrSent === si);
}

/**
 * English puts the news at the end of a clause: a phrase that closes its clause (or is
 * described by the relative clause after it) is what the sentence tells; one inside an
 * opening phrase ("In Boston, ...") is only the setting.
 */
export function focus(a: Article, si: number, first: number, last: number): number {
	const { tokens } = a;
	const s = a.sentences[si];
	// a date or place given with "in", "on", "at" after the rest of the clause is its setting
	const prep = tokens[first - 1]?.lower === 'the' ? tokens[first - 2] : tokens[first - 1];
	// (an institution where something is, "at Nasa's Ames Research Center", is a place too)
	const placeLike = (id: number) => a.entities[id].cls === 'place' || (a.entities[id].cls === 'org' && /^(center|centre|laboratory|laboratories|lab|university|institute|museum|hospital|school|college|academy|library|observatory|facility|base)$/.test(a.entities[id].head));
	const setting = /^(in|on|at|during|near|throughout|within)$/.test(prep?.lower ?? '') && (a.quantitiesBySent[si].some((q) => q.first === first && /^(year|date|decade|century)$/.test(q.kind)) || a.mentionsBySent[si].some((m) => m.first === first && placeLike(m.entity)));
	if (setting && first > s.first + 2) return -0.04;
	let k = last;
	while (k < s.last && /^[)”"’\]]$/.test(tokens[k].text)) k++;
	if (tokens[k]?.text === '(') {
		while (k < s.last && tokens[k].text !== ')') k++;
		k++;
	}
	// "reaching US$4.8 billion in 2016": what comes after is only a date or a place
	k = skipSettings(a, si, k);
	const next = tokens[k];
	const closes = !next || k >= s.last || /^[.;:!?]$/.test(next.text) || (next.text === ',' && (/^(which|who|where|when|while|whereas|but|and|thus|so|with|a|an)$/.test(tokens[k + 1]?.lower ?? '') || (tokens[k + 1]?.pos === 'VERB' && /ing$/.test(tokens[k + 1].lower))));
	// an opening phrase: before the first comma, when a clause follows it
	let opening = false;
	if (/^(ADP|SCONJ|ADV)$/.test(tokens[s.first]?.pos ?? '') && first > s.first) {
		for (let c = s.first + 1; c < Math.min(s.last, s.first + 10); c++) {
			if (tokens[c].text !== ',') continue;
			opening = last <= c;
			break;
		}
	}
	return (closes ? 0.05 : 0) - (opening ? 0.04 : 0);
}

const firstCache = new WeakMap<object, Map<string, number | undefined>>();
/** The first sentence that writes a phrase (whole words, any case). */
function firstSentenceWith(a: Article, phrase: string): number | undefined {
	let m = firstCache.get(a.tokens);
	if (!m) firstCache.set(a.tokens, (m = new Map()));
	const key = ` ${normalize(phrase)} `;
	if (m.has(key)) return m.get(key);
	let found: number | undefined;
	for (const s of a.sentences) {
		if (` ${normalize(a.text.slice(s.start, s.end))} `.includes(key)) {
			found = s.index;
			break;
		}
	}
	m.set(key, found);
	return found;
}

/** Past "in 2016", "in Egypt", "from 1324 to 1326" after position k. */
function skipSettings(a: Article, si: number, k: number): number {
	const { tokens } = a;
	for (let guard = 0; guard < 3; guard++) {
		if (!/^(in|on|at|during|from|since|until|near)$/.test(tokens[k]?.lower ?? '')) return k;
		let z = k + 1;
		if (tokens[z]?.lower === 'the') z++;
		const q = a.quantitiesBySent[si].find((x) => x.first === z || (x.first === z - 1 && x.kind === 'year_range'));
		const m = a.mentionsBySent[si].find((x) => x.first === z && a.entities[x.entity].cls === 'place');
		if (q && /^(year|date|decade|century|year_range)$/.test(q.kind)) k = q.last;
		else if (m) k = m.last;
		else return k;
	}
	return k;
}

function addTerm(a: Article, gaps: Gap[], si: number, from: number, to: number, quality: number) {
	const { tokens } = a;
	if (!tokens.slice(from, to).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ')) return;
	const existing = gaps.find((g) => g.first < to && from < g.last);
	if (existing) {
		// a name that is also defined here is a term: keep the better quality
		existing.quality = Math.max(existing.quality, quality);
		if (existing.kind === 'phrase') existing.kind = 'term';
		return;
	}
	const answer = a.text.slice(tokens[from].start, tokens[to - 1].end);
	// a term the article keeps using is one of its key terms
	const uses = occurrences(a, answer);
	gaps.push({ si, first: from, last: to, answer, kind: 'term', accept: [], quality: quality + Math.min(0.1, 0.04 * (uses - 1)) });
}

const occurrenceCache = new WeakMap<object, Map<string, number>>();
function occurrences(a: Article, phrase: string): number {
	let m = occurrenceCache.get(a.tokens);
	if (!m) occurrenceCache.set(a.tokens, (m = new Map()));
	const key = phrase.toLowerCase();
	let n = m.get(key);
	if (n === undefined) {
		n = 0;
		const hay = a.text.toLowerCase();
		for (let at = hay.indexOf(key); at >= 0; at = hay.indexOf(key, at + key.length)) n++;
		m.set(key, n);
	}
	return n;
}

/** End of a noun phrase starting at `from`: adjectives and nouns, "of" + noun, hyphens. */
export function nounPhraseEnd(tokens: Token[], from: number, limit: number): number {
	let k = from;
	let lastNoun = -1;
	while (k < limit) {
		const t = tokens[k];
		if (/^(ADJ|NOUN|PROPN)$/.test(t.pos) || (t.text === '-' && !t.space) || (t.pos === 'VERB' && /ed$/.test(t.lower) && tokens[k - 1]?.text === '-')) {
			// "a standard of deferred payment": an adjective-tagged head before "of"
			if (t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'ADJ' && tokens[k + 1]?.lower === 'of')) lastNoun = k;
			k++;
			continue;
		}
		const afterOf = tokens[k + 1];
		if (t.lower === 'of' && lastNoun >= 0 && k + 1 < limit && (/^(ADJ|NOUN)$/.test(afterOf?.pos ?? '') || (afterOf?.pos === 'VERB' && /ed$/.test(afterOf.lower) && tokens[k + 2]?.pos === 'NOUN'))) {
			if (afterOf.pos === 'VERB') {
				k += 2;
				continue;
			}
			k++;
			continue;
		}
		break;
	}
	return lastNoun >= 0 ? lastNoun + 1 : from;
}

function nounPhraseStart(tokens: Token[], end: number, floor: number): number {
	let k = end;
	while (k > floor && (/^(ADJ|NOUN)$/.test(tokens[k - 1].pos) || (tokens[k - 1].lower === 'of' && /^(NOUN)$/.test(tokens[k - 2]?.pos ?? '')))) k--;
	// a capitalised first word of the sentence is tagged as a name: "Barter—literally ..."
	if (k === floor + 1 && tokens[floor].pos === 'PROPN' && k < end) k--;
	else if (k === end && k - 1 === floor && tokens[floor].pos === 'PROPN') k--;
	return k;
}

// Heads of noun phrases too vague to be worth a blank: "an important element of the system".
export const VAGUE_HEADS = new Set(['element', 'aspect', 'feature', 'factor', 'component', 'thing', 'stuff', 'item', 'issue', 'area', 'effect', 'manner', 'means', 'instance', 'situation', 'fashion', 'approach', 'respect', 'sense', 'extent', 'affair', 'matter', 'power', 'trouble', 'lot', 'deal', 'bit']);
const DIRECTION = /^(central|northern|southern|eastern|western|north|south|east|west|northeastern|northwestern|southeastern|southwestern|upper|lower|inner|outer|low|high|coastal|rural|urban|greater|mainland|southernmost|northernmost)$/;

/** A name in apposition to the noun phrase before it: "the king of the Sosso Empire, Soumaoro Kanté". */
function describedBefore(a: Article, si: number, first: number): boolean {
	const { tokens } = a;
	let k = first - 1;
	if (/^(the|a|an)$/.test(tokens[k]?.lower ?? '')) k--;
	// "Japan's NEC Earth Simulator"
	if (/^(’s|'s)$/.test(tokens[k]?.text ?? '')) k -= 2;
	if (tokens[k]?.text !== ',') return false;
	const noun = tokens[k - 1];
	if (!noun || !/^(NOUN|PROPN)$/.test(noun.pos)) return false;
	// the phrase before the comma is a description: it starts with "the"/"a" and holds a common noun
	for (let x = k - 1; x >= Math.max(a.sentences[si].first, k - 8); x--) {
		if (/^(the|a|an)$/.test(tokens[x].lower)) return tokens.slice(x + 1, k).some((t) => t.pos === 'NOUN' && /^\p{Ll}/u.test(t.text));
		if (/^[,;:]$/.test(tokens[x].text) || tokens[x].pos === 'VERB') return false;
	}
	return false;
}

/** The token stands in a subordinate clause ("after NASA administrator X approved it, ..."). */
function inSubordinate(a: Article, si: number, k: number): boolean {
	const s = a.sentences[si];
	for (let x = k - 1; x >= s.first && k - x < 12; x--) {
		const t = a.tokens[x];
		if (/^(after|before|when|while|although|though|because|since|until|once|if|unless|whereas)$/.test(t.lower) && (t.pos === 'SCONJ' || t.pos === 'ADP' || t.pos === 'ADV')) return true;
		if (/^[,;]$/.test(t.text)) return false;
	}
	return false;
}

/** Blanking [first, last) would leave part of a longer name outside: "Templo _____", "Committee for a _____". */
function cutsName(a: Article, si: number, first: number, last: number): boolean {
	const { tokens } = a;
	const s = a.sentences[si];
	let b = first - 1;
	while (b >= s.first && /^(of|for|a|the|de|la|von|van|and)$/.test(tokens[b].lower) && first - b <= 2) b--;
	const before = tokens[b];
	const person = a.mentionsBySent[si].some((m) => m.first === first && a.entities[m.entity].cls === 'person');
	// a title before a person's name is not part of it ("Secretary of Energy Spencer Abraham"); a first name is ("Joan _____")
	const capBefore = !!before && b > s.first && b < first && /^\p{Lu}\p{Ll}/u.test(before.text) && /^(PROPN|ADJ|NOUN|NUM)$/.test(before.pos) && !/^[“"‘(]$/.test(tokens[b - 1]?.text ?? '') && !a.mentionsBySent[si].some((m) => m.first <= b && b < m.last) && (!person || isFirstName(before.text));
	const after = tokens[last];
	const capAfter = !!after && /^\p{Lu}\p{Ll}/u.test(after.text) && after.space && after.pos === 'PROPN' && !a.mentionsBySent[si].some((m) => m.first === last);
	return capBefore || capAfter;
}

export const GENERIC_HEADS = new Set(['sake', 'use', 'usefulness', 'hours', 'number', 'variety', 'kind', 'form', 'forms', 'example', 'lot', 'part', 'amount', 'way', 'pair', 'role', 'type', 'types', 'sort', 'series', 'set', 'group', 'piece', 'range', 'level', 'degree', 'matter', 'case', 'end', 'top', 'side', 'rest', 'majority', 'half', 'thousands', 'millions', 'dozens', 'complexity', 'pattern', 'idea', 'concept', 'equivalent', 'absence', 'presence', 'nature', 'size', 'total', 'beginning', 'middle']);
const QUANTIFIERS = new Set(['more', 'most', 'less', 'least', 'few', 'fewer', 'many', 'several', 'some', 'other', 'such', 'given', 'dozen', 'half', 'certain', 'various', 'same', 'own', 'much', 'next', 'last', 'previous', 'first', 'second', 'third', 'new', 'old', 'different', 'particular', 'whole', 'entire', 'main', 'major', 'key', 'good', 'great', 'big', 'small', 'large', 'little', 'long', 'short', 'high', 'low', 'recent', 'early', 'late', 'typical']);
const COMMON_NOUNS = new Set(['country', 'countries', 'government', 'state', 'world', 'city', 'power', 'history', 'system', 'nation', 'region', 'life', 'work', 'man', 'woman', 'child', 'family', 'home', 'house', 'water', 'money', 'business', 'market', 'company', 'война', 'war', 'law', 'land', 'sea', 'island', 'member', 'leader', 'party', 'source', 'report', 'support', 'relationship', 'tie', 'move', 'change', 'development', 'process', 'effort', 'action', 'body', 'story', 'news', 'event', 'service', 'industry']);

/**
 * A name, number or term inside a list ("the US, EU and Japan", "a medium of exchange,
 * a store of value, and ..."): blanking one item leaves too many right answers.
 * Appositions ("In Boston, Thomas Hutchinson, now the governor") are not lists.
 */
export function isListMember(a: Article, first: number, last: number, kind: 'entity' | 'quantity' | 'phrase' = 'entity'): boolean {
	const t = a.tokens;
	// "in either Great Britain or the colonies", "neither X nor Y"
	let e = first - 1;
	if (/^(the|a|an)$/.test(t[e]?.lower ?? '')) e--;
	if (/^(either|neither|both)$/.test(t[e]?.lower ?? '') && t[e]?.sent === t[first].sent) return true;
	const named = kind !== 'phrase';
	// an item of the same kind: a name among names, a number among numbers
	const mentionAt = new Set<number>();
	for (const m of a.mentionsBySent[t[first].sent] ?? []) for (let k = m.first; k < m.last; k++) mentionAt.add(k);
	const item = (x: Token | undefined) =>
		!!x && (kind === 'entity' ? mentionAt.has(x.i) || /^\p{Lu}/u.test(x.text) && x.pos === 'PROPN' : kind === 'quantity' ? /^[\d$£€¥]/.test(x.text) : /^(NOUN|ADJ|PROPN)$/.test(x.pos) || (/^\p{L}+$/u.test(x.text) && x.pos === 'VERB' && /s$/.test(x.lower)));
	const joiner = (x: Token | undefined) => !!x && (x.text === ',' || /^(and|or)$/.test(x.lower));
	let b = first - 1;
	if (/^(the|a|an|as)$/.test(t[b]?.lower ?? '')) b--;
	let c = b;
	if (t[c]?.lower === 'as' || t[c]?.lower === 'a' || t[c]?.lower === 'an') c--;
	if (t[b]?.text === ')') {
		while (b > 0 && t[b].text !== '(' && first - b < 10) b--;
		b--;
	}
	const before = t[b];
	const andBefore = !!before && /^(and|or)$/.test(before.lower);
	// "... in monetary terms and the standard of deferred payment is what ...": a new clause, not a list
	// (but "television shows, movies, and video games may ..." is one)
	if (/^(VERB|AUX)$/.test(t[last]?.pos ?? '') && !named && !(andBefore && t[b - 1]?.text === ',')) return false;
	// "United States (US), European Union": the item before may carry its abbreviation in brackets
	let pb = b - 1;
	if (t[pb]?.text === ')') {
		while (pb > 0 && t[pb].text !== '(' && b - pb < 8) pb--;
		pb--;
	}
	const prevItem = joiner(before) && (item(t[pb]) || (andBefore && t[b - 1]?.text === ',') || (andBefore && /^(the|a|an|as)$/.test(t[b - 1]?.lower ?? '')) || c !== b);
	let z = last;
	// "the United Nations (UN), United States (US), ...": look past brackets
	if (t[z]?.text === '(') {
		while (z < t.length && t[z].text !== ')' && z - last < 8) z++;
		z++;
	}
	const after = t[z];
	let n = z + 1;
	while (/^(the|a|an|as|and|or)$/.test(t[n]?.lower ?? '')) n++;
	// "the Ghana Empire, or Wagadu, declined": another name for the same thing
	const alternative = after?.text === ',' && t[z + 1]?.lower === 'or';
	const nextItem = !alternative && joiner(after) && item(t[n]) && !/^(who|which|where|while|but|now|then|when)$/i.test(t[n]?.lower ?? '');
	if (!prevItem && !nextItem) return false;
	if (prevItem && (andBefore || nextItem || /^(and|or)$/.test(after?.lower ?? ''))) return true;
	// "..., Organisation for Economic Co-operation and Development, ASEAN Plus Six, ...": a long series
	if (prevItem) {
		let commas = 0;
		for (let k = b - 1; k >= Math.max(0, b - 14); k--) {
			if (t[k].text === ',' && (item(t[k - 1]) || t[k - 1].text === ')')) commas++;
			if (t[k].text === '.' || t[k].text === ';') break;
		}
		if (commas >= 1) return true;
	}
	if (nextItem) {
		// the first of several: another joiner follows the next item
		for (let k = n + 1; k < Math.min(t.length, n + 12); k++) {
			if (t[k].text === '(') {
				while (k < t.length && t[k].text !== ')') k++;
				continue;
			}
			if (joiner(t[k])) return true;
			if (!item(t[k]) && t[k].lower !== 'of') break;
		}
		return /^(and|or)$/.test(after.lower);
	}
	void z;
	return false;
}

export function isInsideQuote(a: Article, k: number): boolean {
	return a.quotations.some((q) => k >= q.first && k < q.last);
}

/** A name the article writes with "a", "another" or "every" at least once: a kind of thing ("a Grand Slam"), not one thing. */
export function genericName(a: Article, e: { cls: string; mentions: { first: number }[] }): boolean {
	return e.cls !== 'person' && e.mentions.some((m) => /^(a|an|another|every|each)$/.test(a.tokens[m.first - 1]?.lower ?? ''));
}
