import type { Article } from '../analysis/article.js';
import type { EntityClass } from '../analysis/entities.js';
import type { Quantity } from '../analysis/numbers.js';
import type { Token } from '../analysis/tokens.js';

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

const GENERIC = new Set([
	'thing', 'things', 'way', 'ways', 'part', 'parts', 'number', 'kind', 'kinds', 'lot', 'time', 'times', 'year', 'years', 'people', 'area',
	'place', 'problem', 'problems', 'example', 'examples', 'fact', 'case', 'cases', 'point', 'end', 'side', 'others', 'other', 'one', 'term',
	'terms', 'form', 'forms', 'type', 'types', 'variety', 'majority', 'rest', 'sort', 'level', 'amount', 'result', 'use', 'role', 'issue',
	'issues', 'idea', 'matter', 'matters', 'day', 'days', 'month', 'months', 'week', 'sense', 'reason', 'question', 'step', 'bit', 'piece',
	'section', 'chapter', 'figure', 'table', 'today', 'tomorrow', 'yesterday', 'someone', 'something', 'anything', 'everything', 'none', 'all', 'group', 'order', 'set'
]);
const TRIGGERS: string[][] = [
	['called'], ['known', 'as'], ['termed'], ['named'], ['referred', 'to', 'as'], ['referred', 'to', 'by', 'the', 'title'], ['dubbed'],
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
		let quality: number;
		switch (e.cls) {
			case 'person': quality = 0.85; break;
			case 'place': case 'polity': case 'org': case 'law': case 'event': quality = 0.8; break;
			case 'name': quality = 0.7; break;
			case 'language': quality = 0.6; break;
			default: quality = 0.45;
		}
		// the article's own subject is a poor answer: every question would be about it
		if (m.entity === a.topic || topicShare(m.entity) > 0.15) quality -= 0.35;
		const surface = a.text.slice(m.start, m.end);
		const accept = [e.name, surface, ...e.aliases].filter((x, i, arr) => x !== surface && arr.indexOf(x) === i);
		gaps.push({ si, first: m.first, last: m.last, answer: surface, kind: 'entity', cls: e.cls, entity: e.id, accept, quality });
	}

	for (const q of a.quantitiesBySent[si]) {
		if (q.bracketed) continue;
		let quality: number;
		switch (q.kind) {
			case 'year': quality = 0.75; break;
			case 'year_range': quality = 0.6; break;
			case 'date': quality = q.year ? 0.7 : 0.6; break;
			case 'decade': case 'century': quality = 0.55; break;
			case 'money': case 'measure': case 'percent': quality = 0.8; break;
			case 'count': quality = q.words ? 0.4 : 0.7; break;
			default: quality = 0.4;
		}
		if (q.kind === 'measure' && q.unit && /^(years?|months?|days?|hours?|weeks?|seconds?|minutes?)$/.test(q.unit)) quality -= 0.15;
		gaps.push({ si, first: q.first, last: q.last, answer: q.text, kind: 'quantity', quantity: q, accept: [], quality });
	}

	// defined terms: "... is called a meteor", "known as X", "serves as a medium of exchange"
	for (let k = s.first; k < s.last; k++) {
		const trig = TRIGGERS.find((w) => w.every((x, n) => tokens[k + n]?.lower === x));
		if (!trig) continue;
		let from = k + trig.length;
		if (/^(a|an|the)$/.test(tokens[from]?.lower ?? '')) from++;
		const to = nounPhraseEnd(tokens, from, s.last);
		if (to > from && to - from <= 5) addTerm(a, gaps, si, from, to, 0.9);
	}
	// "X, a situation in which ..." / "X, which means that ..." / "Barter—literally ..."
	for (let k = s.first + 1; k < s.last - 2; k++) {
		const t = tokens[k];
		const defines =
			(t.text === ',' && /^(which|that)$/.test(tokens[k + 1].lower) && /^(means|meant|is)$/.test(tokens[k + 2].lower)) ||
			(/^[—–]$/.test(t.text) && tokens[k + 1].lower === 'literally');
		if (!defines) continue;
		const from = nounPhraseStart(tokens, k, s.first);
		if (from < k && k - from <= 5) addTerm(a, gaps, si, from, k, 0.8);
	}
	// the subject of a definition at the start: "Fiat money has no intrinsic value", "Commodity-backed currencies are ..."
	{
		const from = s.first;
		const to = nounPhraseEnd(tokens, from, s.last);
		const verb = tokens[to];
		if (to > from && to - from <= 4 && verb && /^(is|are|has|have|means|refers)$/.test(verb.lower) && tokens.slice(from, to).every((t) => t.pos !== 'PROPN' && t.pos !== 'DET')) {
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
			if (to > from && to - from <= 7 && tokens.slice(from, to).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) {
				const answer = a.text.slice(tokens[from].start, tokens[to - 1].end);
				if (!gaps.some((g) => g.first === from && g.last === to)) gaps.push({ si, first: from, last: to, answer, kind: 'complement', accept: [], quality: 0.8 });
			}
		}
	}
	// key noun phrases of the article
	for (let k = s.first; k < s.last; k++) {
		if (!/^(ADJ|NOUN)$/.test(tokens[k].pos) || (k > s.first && /^(ADJ|NOUN)$/.test(tokens[k - 1].pos))) continue;
		const to = nounPhraseEnd(tokens, k, s.last);
		if (to <= k || to - k > 5) continue;
		const head = tokens[to - 1];
		if (head.pos !== 'NOUN' || GENERIC.has(head.lower)) continue;
		const tf = a.lemmaCount.get(head.lemma) ?? 0;
		const multi = to - k >= 2 && tokens.slice(k, to).filter((t) => t.pos === 'NOUN').length >= 1;
		if (tf < 3 && !(multi && tf >= 2)) continue;
		if (gaps.some((g) => g.first < to && k < g.last)) continue;
		if (isInsideQuote(a, k)) continue;
		const answer = a.text.slice(tokens[k].start, tokens[to - 1].end);
		const quality = 0.35 + Math.min(0.25, tf / 40) + (multi ? 0.1 : 0);
		gaps.push({ si, first: k, last: to, answer, kind: 'phrase', accept: [], quality });
	}
	return gaps;
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
	gaps.push({ si, first: from, last: to, answer, kind: 'term', accept: [], quality });
}

/** End of a noun phrase starting at `from`: adjectives and nouns, "of" + noun, hyphens. */
export function nounPhraseEnd(tokens: Token[], from: number, limit: number): number {
	let k = from;
	let lastNoun = -1;
	while (k < limit) {
		const t = tokens[k];
		if (/^(ADJ|NOUN|PROPN)$/.test(t.pos) || (t.text === '-' && !t.space) || (t.pos === 'VERB' && /ed$/.test(t.lower) && tokens[k - 1]?.text === '-')) {
			if (t.pos === 'NOUN' || t.pos === 'PROPN') lastNoun = k;
			k++;
			continue;
		}
		if (t.lower === 'of' && lastNoun >= 0 && /^(ADJ|NOUN)$/.test(tokens[k + 1]?.pos ?? '') && k + 1 < limit) {
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
	return k;
}

export function isInsideQuote(a: Article, k: number): boolean {
	return a.quotations.some((q) => k >= q.first && k < q.last);
}
