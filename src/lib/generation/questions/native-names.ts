import type { Article } from '../analysis/article.js';
import type { SentenceView } from '../analysis/references.js';
import { LANGUAGE_NAMES } from '../knowledge/gazetteer.js';
import type { Candidate } from './candidate.js';
import { sentenceSpan } from './candidate.js';
import { BLANK, normalize } from './render.js';

/**
 * Encyclopedia leads give a name in another language in brackets:
 * "New Zealand (Māori: Aotearoa [aɔˈtɛaɾɔa]) is ..." → "The Māori name for New Zealand is _____."
 * The prompt is built, not copied, so it is only made from this one clear pattern.
 */
export function nativeNameQuestions(a: Article, views: (SentenceView | null)[]): Candidate[] {
	const out: Candidate[] = [];
	const { tokens } = a;
	for (const s of a.sentences) {
		if (!views[s.index]?.ok) continue;
		for (const m of a.mentionsBySent[s.index]) {
			if (tokens[m.last]?.text !== '(') continue;
			const lang = tokens[m.last + 1];
			if (!lang || tokens[m.last + 2]?.text !== ':' || !LANGUAGE_NAMES.has(lang.lower)) continue;
			// the name runs to the next bracket, semicolon, comma or "or"
			let z = m.last + 3;
			const from = z;
			while (z < s.last && !/^[\[\];,)]$/.test(tokens[z].text) && tokens[z].lower !== 'or' && z - from < 5) z++;
			if (z === from || !/^\p{Lu}/u.test(tokens[from].text)) continue;
			const native = a.text.slice(tokens[from].start, tokens[z - 1].end);
			const subject = a.entities[m.entity];
			if (normalize(native) === normalize(subject.name)) continue;
			const prompt = `The ${lang.text} name for ${subject.the ? 'the ' : ''}${subject.name} is ${BLANK}.`;
			const source = sentenceSpan(a.text, s.start, s.end);
			const original = source.text.replace(/\s+/g, ' ').trim();
			out.push({
				type: 'cloze',
				prompt,
				answer: native,
				options: [],
				accept: [],
				explanation: `The article says: “${original}”`,
				sources: [source],
				sents: [s.index],
				fact: `${s.index}:native`,
				quality: 0.85,
				penalty: 0,
				card: { front: prompt, back: `${native}\n\n${original}` }
			});
		}
	}
	return out;
}
