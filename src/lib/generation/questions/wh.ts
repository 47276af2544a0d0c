import type { Article } from '../analysis/article.js';
import type { SentenceView } from '../analysis/references.js';
import { EVENT_HEADS, LAW_HEADS, ORG_HEADS, POLITY_HEADS, PLACE_HEADS } from '../knowledge/lexicon.js';
import type { Gap } from './gaps.js';
import { asQuestion, renderTokens } from './render.js';

/**
 * Turns a sentence whose subject is the gap into a question:
 * "In 1642, Dutch explorer Abel Tasman became the first European to sight New Zealand."
 * → "Which Dutch explorer became the first European to sight New Zealand in 1642?"
 * Only subjects: moving objects out of a clause needs a parser this library does not have.
 */
export function whQuestion(a: Article, si: number, view: SentenceView, gap: Gap): string | null {
	if (gap.entity === undefined) return null;
	const s = a.sentences[si];
	const { tokens } = a;
	const e = a.entities[gap.entity];
	let k = s.first;
	for (const ed of view.edits) if (ed.first === k && !ed.text) k = ed.last;
	// a fronted adverbial: "In 1642,", "Following the death of Sundiata Keita, in c. 1255,"
	let adverbial: [number, number] | null = null;
	if (tokens[k]?.pos === 'ADP' || /^(during|after|before|since|following|in|on|by|at|from|under)$/.test(tokens[k]?.lower ?? '')) {
		let c = k;
		while (c < gap.first && tokens[c].text !== ',' && c - k < 12) c++;
		if (tokens[c]?.text !== ',' || c >= gap.first) return null;
		adverbial = [k, c];
		k = c + 1;
	}
	// only a role may stand before the name: "Dutch explorer Abel Tasman"
	for (let x = k; x < gap.first; x++) if (!/^(ADJ|NOUN|PROPN)$/.test(tokens[x].pos) || view.edits.some((ed) => ed.first <= x && x < ed.last)) return null;
	const role = k < gap.first ? renderTokens(a, k, gap.first, []) : '';
	if (role && !/^\p{Ll}/u.test(tokens[gap.first - 1].text)) return null;
	const next = tokens[gap.last];
	if (!next || !/^(VERB|AUX)$/.test(next.pos) || /^(’s|'s)$/.test(next.text)) return null;
	let wh: string | null;
	if (role) wh = `Which ${role.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}`;
	else if (e.cls === 'person') wh = 'Who';
	else wh = classNoun(a, gap.entity) ? `Which ${classNoun(a, gap.entity)}` : null;
	if (!wh) return null;
	let rest = renderTokens(a, gap.last, s.last, view.edits).replace(/[.!]+$/, '');
	// tidy() capitalised the first word; the verb after "Who" is lower-case
	if (!/^\p{Lu}/u.test(tokens[gap.last].text)) rest = rest.charAt(0).toLowerCase() + rest.slice(1);
	const tail = adverbial ? ' ' + renderTokens(a, adverbial[0], adverbial[1], view.edits).replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()) : '';
	return asQuestion(`${wh} ${rest}${tail}`);
}

export function classNoun(a: Article, id: number): string | null {
	const e = a.entities[id];
	switch (e.cls) {
		case 'person':
			return 'person';
		case 'place':
			if (e.placeKind) return e.placeKind === 'state' ? 'state' : e.placeKind;
			return PLACE_HEADS.has(e.head) && !/^(house|hall|street|square|road|avenue)$/.test(e.head) ? e.head.replace(/s$/, '') : 'place';
		case 'polity':
			return POLITY_HEADS.has(e.head) ? e.head : 'state';
		case 'org':
			return ORG_HEADS.has(e.head) && e.head.length > 3 ? e.head.replace(/ies$/, 'y').replace(/s$/, '') : 'organisation';
		case 'law':
			return LAW_HEADS.has(e.head) ? e.head.replace(/s$/, '') : 'law';
		case 'event':
			return EVENT_HEADS.has(e.head) ? e.head.replace(/s$/, '') : 'event';
		case 'language':
			return 'language';
		default:
			return null;
	}
}
