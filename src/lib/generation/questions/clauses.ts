import type { Article } from '../analysis/article.js';
import { viewSentence, type SentenceView } from '../analysis/references.js';
import type { Sentence } from '../analysis/tokens.js';

const OPENERS = /^(when|after|because|since|until|before|while|as|once)$/;

/**
 * "They had become disillusioned ... when Vietnam invaded and deposed the genocidal
 * regime led by Pol Pot in 1979." The main clause cannot stand alone, but the clause
 * after "when" names its own subject and can. Returns a view of the article in which
 * sentence `si` is only that clause, or null.
 */
export function standaloneClause(a: Article, si: number): { article: Article; view: SentenceView } | null {
	const s = a.sentences[si];
	const { tokens } = a;
	for (let k = s.first + 2; k < s.last - 4; k++) {
		if (!OPENERS.test(tokens[k].lower)) continue;
		// the clause opens with a name as its subject, followed soon by a verb
		const subject = a.mentionsBySent[si].find((m) => m.first === k + 1 || (m.first === k + 2 && tokens[k + 1].lower === 'the'));
		if (!subject || !/^(person|place|org|polity|name|group)$/.test(a.entities[subject.entity].cls)) continue;
		const verb = tokens[subject.last];
		if (!verb || !/^(VERB|AUX)$/.test(verb.pos)) continue;
		// up to the end of the sentence, or to the next clause it is joined to
		let end = s.last;
		for (let z = subject.last; z < s.last; z++) {
			if (tokens[z].text === ';' || (tokens[z].text === ',' && /^(but|and|while|which|who|whereas)$/.test(tokens[z + 1]?.lower ?? ''))) {
				end = z;
				break;
			}
		}
		if (end - (k + 1) < 6) continue;
		const clause: Sentence = { ...s, first: k + 1, last: end, start: tokens[k + 1].start, end: tokens[end - 1].end };
		const article: Article = {
			...a,
			sentences: a.sentences.map((x, i) => (i === si ? clause : x)),
			mentionsBySent: a.mentionsBySent.map((ms, i) => (i === si ? ms.filter((m) => m.first >= clause.first && m.last <= clause.last) : ms)),
			quantitiesBySent: a.quantitiesBySent.map((qs, i) => (i === si ? qs.filter((q) => q.first >= clause.first && q.last <= clause.last) : qs))
		};
		const view = viewSentence(article, si, new Map());
		if (view.ok) return { article, view };
	}
	return null;
}

/**
 * "In 1841, New Zealand became a colony ... and in 1907 it became a dominion; it gained
 * full statutory independence in 1947 ..." Clauses joined by semicolons state separate
 * facts: each becomes a unit of its own, so a question on one does not show the answer
 * to a question on the other. A clause opening with "it"/"he"/"she" takes the
 * sentence's subject.
 */
export function semicolonClauses(a: Article, si: number): { article: Article; view: SentenceView | null; unit: string; first: number; last: number }[] {
	const s = a.sentences[si];
	const { tokens } = a;
	// a sentence that points elsewhere ("...; see the cartoon ...") is left whole, and so skipped
	if (/;\s*see\b/i.test(a.text.slice(s.start, s.end))) return [];
	const cuts: number[] = [];
	let depth = 0;
	let quote = false;
	for (let k = s.first; k < s.last; k++) {
		const t = tokens[k].text;
		if (t === '(') depth++;
		if (t === ')' && depth > 0) depth--;
		if (/^[“”"]$/.test(t)) quote = !quote;
		if (t === ';' && depth === 0 && !quote) cuts.push(k);
		// "New Zealand's capital city is Wellington, while its most populous city is Auckland": a
		// contrasting clause states a fact of its own
		if (t === ',' && depth === 0 && !quote && /^(while|whereas)$/.test(tokens[k + 1]?.lower ?? '') && /^(its|his|her|their|the|it|he|she|they)$/.test(tokens[k + 2]?.lower ?? '')) cuts.push(k + 1);
	}
	if (!cuts.length) return [];
	const subject = a.mentionsBySent[si][0];
	const out: { article: Article; view: SentenceView | null; unit: string; first: number; last: number }[] = [];
	const bounds = [s.first - 1, ...cuts, s.last];
	for (let n = 0; n + 1 < bounds.length; n++) {
		const first = bounds[n] + 1;
		const last = n + 1 < bounds.length - 1 ? bounds[n + 1] : s.last;
		if (last - first < 5) continue;
		const end = last === s.last ? s.end : tokens[last - 1].end;
		const clause: Sentence = { ...s, first, last, start: tokens[first].start, end };
		const lead = tokens[first];
		const borrowed = n > 0 && subject && subject.first <= s.first + 3 && /^(it|he|she|its|his|her)$/.test(lead.lower) ? subject : undefined;
		const inside = a.mentionsBySent[si].filter((m) => m.first >= first && m.last <= last);
		const article: Article = {
			...a,
			sentences: a.sentences.map((x, i) => (i === si ? clause : x)),
			// the borrowed subject counts as named before the pronoun
			mentionsBySent: a.mentionsBySent.map((ms, i) => (i === si ? (borrowed ? [borrowed, ...inside] : inside) : ms)),
			quantitiesBySent: a.quantitiesBySent.map((qs, i) => (i === si ? qs.filter((q) => q.first >= first && q.last <= last) : qs))
		};
		// a clause is a statement of its own: a verb before any "which"/"who", and, after the
		// first, a name of its own or the sentence's subject to keep its context
		let verbAt = -1;
		for (let k = first; k < last; k++) {
			if (/^(which|who|whom|that)$/.test(tokens[k].lower)) break;
			if (/^(VERB|AUX)$/.test(tokens[k].pos)) {
				verbAt = k;
				break;
			}
		}
		// "Especially from 16th-century descriptions ...": a piece of a list, not a clause
		const opening = tokens[first].pos === 'CCONJ' ? first + 1 : first;
		if (tokens[opening].pos === 'ADV' && tokens[opening + 1]?.pos === 'ADP') verbAt = -1;
		const unit = `${si}.${n}`;
		// a clause that cannot stand alone is asked about within the whole sentence
		const whole = { article: a, view: null, unit, first, last };
		if (verbAt < 0 || (n > 0 && !borrowed && !inside.some((m) => a.entities[m.entity].cls !== 'group'))) {
			out.push(whole);
			continue;
		}
		const view = viewSentence(article, si, new Map());
		// ("the indigenous Māori are ..." is a clause of its own; "these allied to ..." points back)
		if (!view.ok || (!borrowed && n > 0 && (lead.pos === 'PRON' || (lead.pos === 'DET' && !/^(the|a|an)$/.test(lead.lower))))) {
			out.push(whole);
			continue;
		}
		if (borrowed) {
			const e = a.entities[borrowed.entity];
			const name = (e.the ? 'the ' : '') + e.name;
			const ap = a.text.includes('’s') ? '’' : "'";
			view.edits.unshift({ first, last: first + 1, text: /^(its|his|her)$/.test(lead.lower) ? (/s$/.test(name) ? `${name}${ap}` : `${name}${ap}s`) : name });
		}
		out.push({ article, view, unit, first, last });
	}
	return out;
}
