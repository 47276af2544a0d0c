import type { SourceSpan } from '../server/db/schema';

/**
 * Splits an article into sentences with their offsets, so a teacher adding a question by
 * hand can pick the sentence it comes from. Offsets are JavaScript string offsets into the
 * text exactly as stored, so `text.slice(start, end) === span.text` always holds.
 */

// Words whose full stop does not end a sentence.
const ABBREVIATIONS = new Set([
	'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'no', 'fig', 'gen', 'gov',
	'sen', 'rep', 'lt', 'col', 'capt', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
	'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'approx', 'est', 'mt', 'ft'
]);

function endsWithAbbreviation(text: string, dot: number): boolean {
	const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
	if (!before) return false;
	const word = before[1].toLowerCase();
	// A single capital letter ("J. Smith") is an initial.
	return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before[1]);
}

/** Sentences (and headings or other lines without a full stop) in order of appearance. */
export function splitSentences(text: string): SourceSpan[] {
	const spans: SourceSpan[] = [];
	const push = (start: number, end: number) => {
		while (start < end && /\s/.test(text[start])) start++;
		while (end > start && /\s/.test(text[end - 1])) end--;
		if (end > start) spans.push({ start, end, text: text.slice(start, end) });
	};
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '\n') {
			push(start, i);
			start = i + 1;
			continue;
		}
		if (ch !== '.' && ch !== '!' && ch !== '?') continue;
		// Closing quotes and brackets belong to the sentence they close.
		let end = i + 1;
		while (end < text.length && /["'”’)\]]/.test(text[end])) end++;
		if (end < text.length && !/\s/.test(text[end])) continue;
		let next = end;
		while (next < text.length && text[next] === ' ') next++;
		if (next < text.length && text[next] !== '\n' && !/[\p{Lu}\p{N}"“‘'(\[]/u.test(text[next])) continue;
		if (ch === '.' && endsWithAbbreviation(text, i)) continue;
		push(start, end);
		start = end;
		i = end - 1;
	}
	push(start, text.length);
	return spans;
}
