import type { Article } from '../analysis/article.js';
import type { Edit } from '../analysis/references.js';

export const BLANK = '_____';

/**
 * Writes tokens [first, last) of the article with the edits applied, original spacing
 * kept, bracketed asides dropped (they are clutter in a prompt and often give the
 * answer away: abbreviations, unit conversions, life dates).
 */
export function renderTokens(a: Article, first: number, last: number, edits: Edit[], dropBrackets = true): string {
	const { tokens } = a;
	const sorted = edits.filter((e) => e.first >= first && e.last <= last).sort((p, q) => p.first - q.first || q.last - p.last);
	const drop = new Set<number>();
	if (dropBrackets) {
		for (let k = first; k < last; k++) {
			if (tokens[k].text !== '(' && tokens[k].text !== '[') continue;
			const close = tokens[k].text === '(' ? ')' : ']';
			let z = k + 1;
			while (z < last && tokens[z].text !== close && z - k < 40) z++;
			if (z >= last || tokens[z].text !== close) continue;
			if (sorted.some((e) => e.first > k && e.first < z && e.text.includes(BLANK))) continue;
			// “self” (auto) “feeder” (troph): a gloss right after a quoted word is part of what is said
			if (z - k <= 3 && /^[”"’]$/.test(tokens[k - 1]?.text ?? '') && tokens.slice(k + 1, z).every((t) => /^\p{Ll}+$/u.test(t.text))) continue;
			for (let x = k; x <= z; x++) drop.add(x);
			k = z;
		}
	}
	const at = new Map<number, Edit>();
	let reach = -1;
	for (const e of sorted) {
		if (e.first < reach || e.last <= e.first) continue; // overlapping edits: the first wins
		at.set(e.first, e);
		reach = e.last;
	}
	let out = '';
	let k = first;
	while (k < last) {
		const e = at.get(k);
		if (e) {
			if (e.text) out += (out && tokens[k].space ? ' ' : '') + e.text;
			k = e.last;
			continue;
		}
		if (!drop.has(k)) out += (out && tokens[k].space ? ' ' : '') + tokens[k].text;
		k++;
	}
	return tidy(out);
}

export function tidy(s: string): string {
	let t = s
		.replace(/\s+/g, ' ')
		.replace(/\s+([,.;:!?])/g, '$1')
		.replace(/([,;:])\s*(?=[,;:.])/g, '')
		.replace(/^[\s,;:—–-]+/, '')
		.trim();
	t = t.replace(/^([“"‘'(]?)(\p{Ll})/u, (_, q: string, c: string) => q + c.toUpperCase());
	return t;
}

/** Ends a statement with a full stop (keeping a closing quote after it). */
export function asStatement(s: string): string {
	const t = s.replace(/[\s,;:—–-]+$/, '');
	if (/[.!?]["”’)]?$/.test(t)) return t;
	if (/["”’]$/.test(t)) return t.slice(0, -1) + '.' + t.slice(-1);
	return t + '.';
}

/** Turns a statement into a question by its final punctuation. */
export function asQuestion(s: string): string {
	// "... “the transcendent issue of our era.”" → "... “the transcendent issue of our era”?"
	return s.replace(/[\s.,;:!]+$/, '').replace(/[.,;:!]+(["”’])$/, '$1') + '?';
}

const normCache = new Map<string, string>();
const norm = (s: string): string => {
	const hit = normCache.get(s);
	if (hit !== undefined) return hit;
	const out = normUncached(s);
	if (normCache.size > 5000) normCache.clear();
	normCache.set(s, out);
	return out;
};
const normUncached = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

export { norm as normalize };

/** True when the prompt contains the answer or one of its other forms as whole words. */
export function givesAway(prompt: string, answers: string[]): boolean {
	const p = ` ${norm(prompt)} `;
	return answers.some((ans) => {
		const a = norm(ans).replace(/^the /, '');
		return a.length >= 2 && p.includes(` ${a} `);
	});
}

