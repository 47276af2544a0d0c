import type { Article } from './analysis/article.js';

/**
 * How central each sentence is to the article, 0–1: names that recur, key nouns,
 * numbers, and an early place in the text.
 */
export function sentenceCentrality(a: Article): number[] {
	const raw = a.sentences.map((s) => {
		let score = 0;
		const seen = new Set<number>();
		for (const m of a.mentionsBySent[s.index]) {
			if (seen.has(m.entity)) continue;
			seen.add(m.entity);
			const n = a.entities[m.entity].mentions.length;
			score += m.entity === a.topic ? 0.15 : Math.min(1, Math.log2(1 + n) / 3);
		}
		const lemmas = new Set<string>();
		for (let k = s.first; k < s.last; k++) {
			const t = a.tokens[k];
			if (t.pos === 'NOUN' && !lemmas.has(t.lemma)) {
				lemmas.add(t.lemma);
				const c = a.lemmaCount.get(t.lemma) ?? 0;
				if (c >= 2) score += Math.min(0.5, Math.log2(c) / 6);
			}
		}
		if (a.quantitiesBySent[s.index].length) score += 0.3;
		// a sentence that introduces a name, or defines a term, carries a key fact
		let introduces = 0;
		for (const m of a.mentionsBySent[s.index]) {
			const e = a.entities[m.entity];
			if (e.mentions[0] === m && e.cls !== 'group' && m.entity !== a.topic) introduces++;
		}
		score += Math.min(0.5, 0.2 * introduces);
		let defines = false;
		for (let k = s.first; k < s.last - 1; k++) {
			const w = a.tokens[k].lower;
			if (w === 'called' || w === 'termed' || (w === 'known' && a.tokens[k + 1].lower === 'as') || (w === 'which' && a.tokens[k + 1].lower === 'means') || (w === 'referred' && a.tokens[k + 1].lower === 'to')) defines = true;
		}
		if (defines) score += 0.4;
		// who told whom is not the news: "Other sources ... verified accounts of the meeting to Asia Times"
		const words = a.tokens.slice(s.first, s.last).map((t) => t.lower);
		if (words.some((w) => /^(sources?|insiders?|observers?)$/.test(w)) && words.some((w) => /^(said|say|says|told|verified|confirmed|reported)$/.test(w))) score -= 0.6;
		// hedged statements are weaker facts
		for (let k = s.first; k < s.last; k++) if (/^(may|might|perhaps|possibly|apparently|likely|seems|seem)$/.test(a.tokens[k].lower)) score -= 0.1;
		const len = s.last - s.first;
		if (len < 8) score *= 0.7;
		const position = 1 - s.para / a.paragraphs;
		const firstInPara = s.index === 0 || a.sentences[s.index - 1].para !== s.para;
		return score * (0.75 + 0.25 * position) + (firstInPara ? 0.15 : 0);
	});
	const sorted = raw.slice().sort((x, y) => y - x);
	const top = sorted[Math.min(sorted.length - 1, 2)] || 1;
	return raw.map((x) => Math.min(1, x / top));
}
