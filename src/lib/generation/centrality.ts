import type { Article } from './analysis/article.js';
import { isListMember } from './questions/gaps.js';

/**
 * How central each sentence is to the article, 0–1. What a teacher asks about is where
 * a text introduces a name, states a number or date, or defines a term; names and key
 * nouns that recur, the opening of a paragraph and an early place in the text count
 * for a little more.
 */
export function sentenceCentrality(a: Article): number[] {
	const raw = a.sentences.map((s) => {
		let score = 0;
		const seen = new Set<number>();
		let introduces = 0;
		for (const m of a.mentionsBySent[s.index]) {
			if (seen.has(m.entity)) continue;
			seen.add(m.entity);
			const e = a.entities[m.entity];
			// a name in a list or a quoted title ("In Charlestown, Boston, Philadelphia, and New York")
			// introduces less than one the sentence is about
			const listed = isListMember(a, m.first, m.last) || a.quotations.some((q) => q.first <= m.first && m.last <= q.last);
			if (e.mentions[0] === m && e.cls !== 'group' && m.entity !== a.topic) introduces += listed ? 0.3 : 1;
			else score += m.entity === a.topic ? 0.05 : Math.min(0.4, Math.log2(1 + e.mentions.length) / 4);
		}
		score += Math.min(0.75, 0.3 * introduces);
		// key nouns: ones the article keeps using, and the title's
		const lemmas = new Set<string>();
		let key = 0;
		for (let k = s.first; k < s.last; k++) {
			const t = a.tokens[k];
			if (t.pos !== 'NOUN' || lemmas.has(t.lemma)) continue;
			lemmas.add(t.lemma);
			const c = a.lemmaCount.get(t.lemma) ?? 0;
			if (c >= 3) key += Math.min(0.15, Math.log2(c) / 20);
			if (a.titleLemmas.has(t.lemma)) key += 0.1;
		}
		score += Math.min(0.4, key);
		if (a.quantitiesBySent[s.index].some((q) => !q.bracketed)) score += 0.45;
		const words = a.tokens.slice(s.first, s.last).map((t) => t.lower);
		let defines = false;
		for (let k = 0; k < words.length - 1; k++) {
			const [x, y] = [words[k], words[k + 1]];
			if (/^(called|termed|named|renamed|dubbed)$/.test(x) || (x === 'known' && y === 'as') || (x === 'which' && y === 'means') || (x === 'referred' && y === 'to') || (x === 'defined' && y === 'as')) defines = true;
		}
		if (defines) score += 0.5;
		// who told whom is not the news: "Other sources ... verified accounts of the meeting to Asia Times"
		// (a long sentence reports something besides who told it)
		if (words.some((w) => /^(sources?|insiders?|observers?)$/.test(w)) && words.some((w) => /^(said|say|says|told|verified|confirmed|reported)$/.test(w))) score -= words.length >= 30 ? 0.25 : 0.6;
		// hedged statements are weaker facts
		for (const w of words) if (/^(may|might|perhaps|possibly|apparently|likely|seems|seem)$/.test(w)) score -= 0.1;
		if (s.last - s.first < 8) score *= 0.7;
		const position = 1 - s.para / a.paragraphs;
		const firstInPara = s.index === 0 || a.sentences[s.index - 1].para !== s.para;
		return score * (0.85 + 0.15 * position) + (firstInPara ? 0.15 : 0);
	});
	const sorted = raw.slice().sort((x, y) => y - x);
	const top = sorted[Math.min(sorted.length - 1, 2)] || 1;
	return raw.map((x) => Math.max(0, Math.min(1, x / top)));
}
