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
