import type { Article } from '../analysis/article.js';
import type { SentenceView } from '../analysis/references.js';
import { EVENT_HEADS, LAW_HEADS, ORG_HEADS, POLITY_HEADS, PLACE_HEADS } from '../knowledge/lexicon.js';
import type { Gap } from './gaps.js';
import { isDemonymWord } from '../knowledge/demonyms.js';
import { isCap } from '../analysis/entities.js';
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
	// "Beijing does demand ...": a capital acting stands for its government, not for a city
	if (e.cls === 'place' && e.placeKind === 'city' && !/^(is|was|are|were|has|had|lies|lay|hosted|hosts|became|remains|remained)$/.test(next.lower)) return null;
	let wh: string | null;
	// "Dutch explorer" keeps its capital; "Roman general" too
	if (role) wh = `Which ${isCap(tokens[k]) && tokens[k].pos !== 'ADJ' && tokens[k].pos !== 'NOUN' || isDemonymWord(tokens[k].text) ? role : role.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}`;
	else if (e.cls === 'person') wh = 'Who';
	else wh = classNoun(a, gap.entity) ? `Which ${classNoun(a, gap.entity)}` : null;
	if (!wh) return null;
	let rest = renderTokens(a, gap.last, s.last, view.edits).replace(/[.!]+$/, '');
	// "Who was the only player ..., and Federer's performance ... was breathtaking?": a second clause does not belong in the question
	if (/,\s+(and|but|while|whereas|yet|so)\s/.test(rest)) return null;
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

/**
 * "In 1642, Dutch explorer Abel Tasman became the first European to sight New Zealand."
 * → "In what year did Dutch explorer Abel Tasman become the first European to sight New Zealand?"
 * Only for a plain clause: subject, one past-tense verb (or "was/were" + participle),
 * and the year given with "in".
 */
export function yearQuestion(a: Article, si: number, view: SentenceView, gap: Gap): string | null {
	const q = gap.quantity;
	if (!q || q.kind !== 'year') return null;
	const s = a.sentences[si];
	const { tokens } = a;
	let k = s.first;
	for (const ed of view.edits) if (ed.first === k && !ed.text) k = ed.last;
	// the year with its preposition (and "c."), wherever it stands
	let yFirst = q.first;
	const approx = /^(c\.|circa)$/.test(tokens[yFirst - 1]?.lower ?? '');
	if (approx) yFirst--;
	if (tokens[yFirst - 1]?.lower !== 'in') return null;
	yFirst--;
	let yLast = q.last;
	const fronted = yFirst === k;
	// "as in 1772, when ...": the year belongs to an aside
	if (!fronted && (/^(as|since|by|until)$/.test(tokens[yFirst - 1]?.lower ?? '') || tokens[yLast]?.text === ',')) return null;
	if (fronted && tokens[yLast]?.text === ',') yLast++;
	if (fronted) k = yLast;
	// subject up to the verb: no verb inside, not too long
	if (/^(SCONJ|ADP|ADV|CCONJ|PART)$/.test(tokens[k]?.pos ?? '') || /^(when|while|after|before|as|if|although)$/.test(tokens[k]?.lower ?? '')) return null;
	let v = k;
	while (v < s.last && !/^(VERB|AUX)$/.test(tokens[v].pos)) v++;
	if (v >= s.last || v === k || v - k > 8) return null;
	if (tokens.slice(k, v).some((t) => t.text === ',' || t.pos === 'PRON' && !view.edits.some((e) => e.first === t.i))) return null;
	const verb = tokens[v];
	const edits = [...view.edits.filter((e) => !(e.first >= yFirst && e.first < yLast)), { first: yFirst, last: yLast, text: '' }];
	const subject = renderTokens(a, k, v, view.edits.filter((e) => e.first >= k && e.last <= v));
	// "Trade between China and Cambodia" → "trade ...", but "Vietnam" and "IBM" keep their capitals
	// (an edit that opens the subject decides: "Albert Bandura" is a name, "a Dutch explorer" is not)
	const lead = view.edits.find((e) => e.first === k && e.text);
	const named = lead ? !/^(a|an|the)\s/.test(lead.text) : a.mentionsBySent[si].some((m) => m.first === k || (m.first <= k + 2 && /^\p{Lu}/u.test(tokens[k].text) && tokens[k].pos === 'PROPN'));
	const lowerFirst = (t: string) => (!named && !/^\p{Lu}{2}/u.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);
	let head: string;
	let restFrom: number;
	if (verb.pos === 'AUX' && /^(was|were)$/.test(verb.lower) && tokens[v + 1]?.pos === 'VERB' && /ed$|en$/.test(tokens[v + 1].lower)) {
		head = `In what year ${verb.lower} ${lowerFirst(subject)}`;
		restFrom = v + 1;
	} else if (verb.pos === 'VERB' && verb.lower !== verb.lemma && !/ing$/.test(verb.lower) && tokens[v - 1]?.pos !== 'AUX') {
		// "invaded and deposed" → "invade and depose"
		const lemmas = [{ first: v, last: v + 1, text: verb.lemma }];
		if (tokens[v + 1]?.lower === 'and' && tokens[v + 2]?.pos === 'VERB' && tokens[v + 2].lower !== tokens[v + 2].lemma) lemmas.push({ first: v + 2, last: v + 3, text: tokens[v + 2].lemma });
		edits.push(...lemmas);
		head = `In what year did ${lowerFirst(subject)}`;
		restFrom = v;
	} else return null;
	// the year must date this verb: not a participle after it ("..., reaching US$4.8 billion in 2016"),
	// nor a second verb joined to it ("... but were unsuccessful")
	for (let x = restFrom + 1; x < s.last; x++) {
		if (x >= yFirst && x < yLast) continue;
		if (tokens[x].text === ',' && tokens[x + 1]?.pos === 'VERB' && /ing$/.test(tokens[x + 1].lower) && x < yFirst) return null;
		if (/^(but|and)$/.test(tokens[x].lower) && /^(VERB|AUX)$/.test(tokens[x + 1]?.pos ?? '') && !(x === v + 1 && tokens[x + 1].pos === 'VERB')) return null;
		// "... and the British monarch remained ...": a second clause with its own subject and verb
		if (/^(but|and)$/.test(tokens[x].lower) && tokens.slice(x + 1, x + 5).some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && t.lower !== t.lemma && !/ing$/.test(t.lower)))) return null;
		// "A law enacted by the emperor Tiberius in 19 CE declared that ...": a finite verb later on is
		// the main one, the first a participle
		if (x > v + 1 && x >= yLast && tokens[x].pos === 'VERB' && tokens[x].lower !== tokens[x].lemma && !/ing$/.test(tokens[x].lower) && !tokens.slice(Math.max(restFrom, x - 4), x).some((t) => /^(that|which|who|whom|whose|to|and|or|but|when|where|while|because|after|before|as|if|had|has|have|was|were|is|are|be|been|being)$/.test(t.lower) || t.text === ',')) return null;
		// "The evidence found in 1924 that ... was one of ...": the first verb was not the main one
		if (tokens[x].pos === 'AUX' && /^(was|were|is|are|has|have|had)$/.test(tokens[x].lower) && !tokens.slice(Math.max(v, x - 3), x).some((t) => /^(which|who|that|whom|whose)$/.test(t.lower))) return null;
	}
	const rest = renderTokens(a, restFrom, s.last, edits).replace(/[.!]+$/, '');
	const lowered = /^\p{Lu}\p{Ll}/u.test(rest) && tokens[restFrom].pos !== 'PROPN' ? rest.charAt(0).toLowerCase() + rest.slice(1) : rest;
	const question = asQuestion(`${approx ? head.replace('In what year', 'In about what year') : head} ${lowered}`.replace(/\s+,/g, ','));
	return question.split(/\s+/).length <= 30 ? question : null;
}
