import type { Article } from '../analysis/article.js';
import type { SentenceView } from '../analysis/references.js';
import type { Quantity } from '../analysis/numbers.js';
import { randomFor, shuffle } from '../random.js';
import type { Candidate } from './candidate.js';
import { sentenceSpan } from './candidate.js';
import { renderTokens, tidy } from './render.js';
import type { Edit } from '../analysis/references.js';

interface Event {
	decade?: boolean;
	when: number;
	label: string;
	si: number;
	weight: number;
}

const DATE_PREP = /^(in|on|by|from|since|during|around|about|until|after|before|of)$/;

/**
 * "Put in order" from dated events: each item is the clause around a year, with the
 * date taken out so the order has to be known, not read off.
 */
export function orderingQuestions(a: Article, views: (SentenceView | null)[], centrality: number[], seed: number | string): Candidate[] {
	const events: Event[] = [];
	for (const s of a.sentences) {
		const view = views[s.index];
		if (!view?.ok) continue;
		const dated = a.quantitiesBySent[s.index].filter((q) => (q.kind === 'year' || q.kind === 'decade' || (q.kind === 'date' && q.year)) && !q.bracketed);
		for (const q of dated) {
			const label = clauseAround(a, s.index, q, view.edits, dated);
			if (!label) continue;
			events.push({ when: q.kind === 'decade' ? q.value + 5 : (q.year ?? q.value) + (q.month ?? 0) / 13, label, si: s.index, weight: centrality[s.index], decade: q.kind === 'decade' });
		}
	}
	// a decade ("the early 1900s") cannot be ordered against a year inside it
	for (let i = events.length - 1; i >= 0; i--) {
		const e = events[i];
		if (!e.decade) continue;
		if (events.some((o) => o !== e && !o.decade && o.when >= e.when - 5 && o.when < e.when + 5)) events.splice(i, 1);
	}
	// one event per year, the best-placed sentence
	const byYear = new Map<number, Event>();
	for (const e of events) {
		const y = Math.floor(e.when);
		const prev = byYear.get(y);
		if (!prev || e.weight > prev.weight) byYear.set(y, e);
	}
	const distinct = [...byYear.values()].filter((e, i, arr) => arr.findIndex((x) => x.label === e.label) === i);
	if (distinct.length < 3) return [];
	const picked = distinct.sort((x, y) => y.weight - x.weight || x.si - y.si).slice(0, 4).sort((x, y) => x.when - y.when);
	const answer = picked.map((e) => e.label);
	const rand = randomFor(seed, 'ordering');
	let options = shuffle(answer, rand);
	if (options.every((o, i) => o === answer[i])) options = [...answer.slice(1), answer[0]];
	const sources = [...new Set(picked.map((e) => e.si))].sort((x, y) => x - y).map((si) => sentenceSpan(a.text, a.sentences[si].start, a.sentences[si].end));
	const prompt = 'Put these events in the order they happened, earliest first.';
	return [
		{
			type: 'ordering',
			prompt,
			answer,
			options,
			accept: [],
			explanation: picked.map((e) => `${Math.floor(e.when)}: ${e.label}`).join('; '),
			sources,
			sents: picked.map((e) => e.si),
			fact: 'ordering',
			quality: 0.7 + 0.05 * (picked.length - 3),
			penalty: 0,
			card: { front: `${prompt}\n${options.map((o) => `• ${o}`).join('\n')}`, back: answer.map((x, i) => `${i + 1}. ${x}`).join('\n') }
		}
	];
}

export function clauseAround(a: Article, si: number, q: Quantity, edits: Edit[], dated: Quantity[]): string | null {
	const s = a.sentences[si];
	const { tokens } = a;
	// clause boundaries: semicolons, and a comma or "and" that starts a new dated clause
	let from = s.first;
	let to = s.last;
	const inBrackets = (k: number) => {
		let d = 0;
		for (let x = s.first; x <= k; x++) {
			if (tokens[x].text === '(') d++;
			if (tokens[x].text === ')' && x < k) d = Math.max(0, d - 1);
		}
		return d > 0;
	};
	for (let k = q.first - 1; k > s.first; k--) {
		if (inBrackets(k)) continue;
		if (tokens[k].text === ';' || (tokens[k].lower === 'and' && dated.some((d) => d !== q && d.last <= k))) {
			from = k + 1;
			break;
		}
	}
	for (let k = q.last; k < s.last; k++) {
		if (tokens[k].text === ';' || (tokens[k].lower === 'and' && dated.some((d) => d !== q && d.first > k)) || (tokens[k].text === ',' && /^(which|where|who|while|but|though|although|with|widely|greatly|thus|commonly|also|known|called|later)$/.test(tokens[k + 1]?.lower ?? ''))) {
			to = k;
			break;
		}
	}
	// an event happened at the date: "in 1642", "on December 16" — not "since 2002" (a state) or "by 2006" (a forecast)
	const prep = tokens.slice(Math.max(from, q.first - 3), q.first).reverse().find((t) => t.pos === 'ADP' || /^(since|until|by|from|in|on|during)$/.test(t.lower));
	if (prep && /^(since|until|by|before|after)$/.test(prep.lower)) return null;
	// the date inside a "when" clause dates that clause: "... was when Phnom Penh hosted the summit in 2012, where ..."
	const sub = tokens.slice(from, q.first).reverse().find((t) => /^(since|when|while|although|though|because|if|as|after)$/.test(t.lower) && t.pos !== 'ADP');
	if (sub) {
		if (!/^(when|after)$/.test(sub.lower) || !a.mentionsBySent[si].some((m) => m.first === sub.i + 1 || (m.first === sub.i + 2 && tokens[sub.i + 1].lower === 'the'))) return null;
		from = sub.i + 1;
		for (let k = q.last; k < to; k++) if (tokens[k].text === ',') {
			to = k;
			break;
		}
	}
	// "the 1773 act": a date used as an adjective does not date the clause
	if (tokens[q.first - 1]?.lower === 'the' && tokens[q.last]?.pos === 'NOUN') return null;
	// "..., reaching US$4.8 billion in 2016": the date belongs to the participle, not to the clause
	for (let k = from; k < q.first - 1; k++) if (tokens[k].text === ',' && /ing$/.test(tokens[k + 1].lower) && tokens[k + 1].pos === 'VERB') return null;
	// the clause tells what happened, in the past
	const verb = tokens.slice(from, to).find((t) => (t.pos === 'VERB' || t.pos === 'AUX') && !(t.i >= q.first && t.i < q.last));
	if (!verb || /^(is|are|has|have|will|can|may|must|should|shall|does|do)$/.test(verb.lower)) return null;
	if (verb.pos === 'VERB' && (verb.lower === verb.lemma || /ing$/.test(verb.lower)) && !/^(put|set|cut|hit|let|read|spread|cast|shut|quit)$/.test(verb.lower)) return null;
	// take the date out with its preposition and any "c."
	let dFirst = q.first;
	while (dFirst > from && (DATE_PREP.test(tokens[dFirst - 1].lower) || /^(c\.|circa|early|late|mid)$/.test(tokens[dFirst - 1].lower) || (tokens[dFirst - 1].lower === 'the' && /^(early|late|mid)$|s$/.test(tokens[dFirst].lower)))) dFirst--;
	let dLast = q.last;
	if (/^(onwards|onward)$/.test(tokens[dLast]?.lower ?? '')) dLast++;
	if (tokens[dLast]?.text === ',' && (dFirst === from || tokens[dFirst - 1]?.text === ',')) dLast++;
	const cut: Edit[] = [...edits.filter((e) => e.first >= from && e.last <= to && !(e.first < dLast && dFirst < e.last)), { first: dFirst, last: dLast, text: '' }];
	// a clause that opens with "it" takes the sentence's subject
	if (from > s.first && /^(it|he|she)$/.test(tokens[from].lower)) {
		const subj = a.mentionsBySent[si][0];
		if (!subj || subj.first > s.first + 3) return null;
		cut.push({ first: from, last: from + 1, text: a.text.slice(subj.start, subj.end) });
	}
	// appositions ("Sakoura, a former royal court slave, became emperor") and trailing "and was ..." make items long
	for (let k = from; k < to; k++) {
		if (tokens[k].text === ',' && /^(a|an|the|now|then)$/.test(tokens[k + 1]?.lower ?? '') && k > from) {
			let z = k + 2;
			while (z < to && tokens[z].text !== ',' && tokens[z].pos !== 'VERB') z++;
			if (tokens[z]?.text === ',') {
				cut.push({ first: k, last: z + 1, text: '' });
				k = z;
			}
		}
	}
	let label = tidy(renderTokens(a, from, to, cut)).replace(/[\s,;:.]+$/, '');
	if (label.split(/\s+/).length > 10) label = label.replace(/\s+and\s+(was|were|is|are|became|had)\b.*$/, '');
	label = label.replace(/\s+,/g, ',').replace(/^(and|but|when|as|while)\s+/i, '');
	label = label.charAt(0).toUpperCase() + label.slice(1);
	const words = label.split(/\s+/).length;
	if (words < 3 || words > 18) return null;
	if (/\b\d{4}\b/.test(label)) return null;
	if (!tokens.slice(from, to).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
	if (/^(it|he|she|they|this|these|that|there)\b/i.test(label)) return null;
	// "... in the Kalmar Union, established", "The telescope's intended launch was": the date took
	// the words that needed it, or the item is a plan, not an event
	const lastWord = label.split(/\s+/).pop()!.toLowerCase();
	if (/^(was|were|is|are|been|be|established|founded|signed|built|started|began|completed|of|in|on|at|by|from|to|the|a|an|and|or|during|until|since)$/.test(lastWord)) return null;
	if (/\b(intended|planned|expected|scheduled|proposed|predicted|due)\b/i.test(label)) return null;
	// "Started, the Top 500 list ...": a participle left hanging by the date taken out
	if (/^\p{L}+(ed|ing),/u.test(label)) return null;
	return label;
}
