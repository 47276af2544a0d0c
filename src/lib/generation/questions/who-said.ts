import type { Article } from '../analysis/article.js';
import { randomFor, shuffle } from '../random.js';
import type { Candidate } from './candidate.js';
import { sentenceSpan } from './candidate.js';
import { alsoTrue } from './distractors.js';
import { givesAway, normalize } from './render.js';

/**
 * "Who said …?" for quotations the article attributes to a named person, with other
 * people of the article as options. Skipped when fewer than two other people are named.
 */
export function whoSaidQuestions(a: Article, seed: number | string): Candidate[] {
	const out: Candidate[] = [];
	const people = a.entities.filter((e) => e.cls === 'person' && e.mentions.length);
	const speakers = new Set(a.quotations.map((q) => q.speaker).filter((x): x is number => x !== undefined));
	for (const q of a.quotations) {
		if (q.speaker === undefined || q.words < 6) continue;
		// a long quotation is shown up to its first full stop or semicolon
		let quoteText = q.text;
		if (q.words > 40) {
			const cut = /^(.{40,}?[.;!?])\s/.exec(q.text);
			if (!cut || cut[1].split(/\s+/).length > 40) continue;
			quoteText = cut[1].replace(/[;.]$/, '') + ' …';
		}
		const speaker = a.entities[q.speaker];
		// a commentator quoted once is no one a student needs to know
		if (peripheral(a, speaker.id)) continue;
		// a quotation naming its speaker answers itself
		if (givesAway(q.text, [speaker.name, ...speaker.aliases, speaker.name.split(' ').pop() ?? ''])) continue;
		// fragments cut from a sentence read badly out of context
		if (!/^[\p{Lu}“"‘']/u.test(q.text) && q.words < 10) continue;
		const others = people
			.filter((p) => p.id !== speaker.id)
			.sort((x, y) => Number(speakers.has(y.id)) - Number(speakers.has(x.id)) || y.mentions.length - x.mentions.length || x.id - y.id)
			.filter((p) => !givesAway(q.text, [p.name]))
			.slice(0, 3);
		if (others.length < 2) continue;
		const rand = randomFor(seed, `who:${q.start}`);
		const options = shuffle([speaker.name, ...others.map((p) => p.name)], rand);
		const quote = quoteText.replace(/[,;:]$/, '');
		const prompt = `Who said “${quote}”?`;
		const s = a.sentences[q.attrSent];
		const from = Math.min(a.sentences[q.sent].start, s.start);
		const to = Math.max(a.sentences[q.sent].end, s.end);
		const source = sentenceSpan(a.text, from, to);
		const sources = [source];
		// "he said": the sentence that names him is part of the evidence
		if (q.viaPronoun) {
			const named = speaker.mentions.filter((m) => m.start < from).pop();
			if (named) {
				const ns = a.sentences[named.sent];
				sources.push(sentenceSpan(a.text, ns.start, ns.end));
			}
		}
		const original = [...sources].sort((x, y) => x.start - y.start).map((x) => x.text.replace(/\s+/g, ' ').trim()).join(' … ');
		void alsoTrue;
		out.push({
			type: 'who_said',
			prompt,
			answer: speaker.name,
			options,
			// other ways the article names the speaker ("North" for "Lord North")
			accept: [...new Set([...speaker.aliases, ...speaker.mentions.map((m) => a.text.slice(m.start, m.end))])].filter((x) => x !== speaker.name),
			explanation: `The article says: “${original}”`,
			sources,
			sents: [q.sent, q.attrSent],
			fact: `who:${normalize(quote).slice(0, 40)}`,
			answerId: `e:${speaker.id}`,
			person: true,
			// a commentator quoted once is no one a student needs to know
			quality: (q.viaPronoun ? 0.95 : 1) * (q.words >= 10 ? 1 : 0.85) * (others.length >= 3 ? 1 : 0.9) * (peripheral(a, speaker.id) ? 0.55 : 1),
			penalty: Math.max(0, q.words - 30) * 0.005,
			card: { front: prompt, back: `${speaker.name}\n\n${original}` }
		});
	}
	return out;
}

const SPEECH_WORD = /^(said|says|say|told|tells|added|adds|wrote|writes|according|explained|explains|noted|notes|argued|argues|stated|states|declared|warned|warns|claimed|claims|insisted|insists|quoted|believes|believed|contends|contended|cautioned|cautions|predicted|predicts)$/;

/**
 * A person the article names only to quote or cite: every sentence that names them is
 * one of speech ("said X, a fellow at ...").
 */
export function peripheral(a: Article, id: number): boolean {
	const e = a.entities[id];
	if (e.mentions.length >= 4) return false;
	return e.mentions.every((m) => {
		const s = a.sentences[m.sent];
		return a.quotations.some((q) => q.sent === m.sent || q.attrSent === m.sent) || a.tokens.slice(s.first, s.last).some((t) => SPEECH_WORD.test(t.lower));
	});
}
