import type { Candidate } from './questions/candidate.js';
import type { QuestionType } from './types.js';
import { normalize } from './questions/render.js';

// Share of the list each type may take while better-mixed choices remain.
const SHARE: Record<QuestionType, number> = {
	multiple_choice: 0.4,
	cloze: 0.35,
	true_false: 0.15,
	numeric: 0.15,
	who_said: 0.1,
	ordering: 0.05
};

/**
 * Picks questions best first: one question per sentence and per answer while others
 * remain, a mix of types, then the rest in score order without repeating a fact.
 */
export function selectQuestions<T extends Candidate & { score: number }>(candidates: T[], count: number): T[] {
	const sorted = candidates.slice().sort((x, y) => y.score - x.score || x.sents[0] - y.sents[0] || x.type.localeCompare(y.type) || x.prompt.localeCompare(y.prompt));
	const out: T[] = [];
	const prompts = new Set<string>();
	// sentences asked about as a whole, and clauses (units) of sentences asked about
	const usedWhole = new Set<number>();
	const usedPart = new Set<number>();
	const usedUnit = new Set<string>();
	const usedSent = { has: (si: number) => usedWhole.has(si) || usedPart.has(si) };
	const busy = (c: T) =>
		c.clause ? usedWhole.has(c.sents[0]) || usedUnit.has(c.clause) : c.sents.some((si) => usedWhole.has(si) || usedPart.has(si));
	const usedAnswer = new Set<string>();
	const usedFact = new Set<string>();
	const typeCount = new Map<QuestionType, number>();
	const limit = Number.isFinite(count) ? count : sorted.length;
	const answerKey = (c: T) => (Array.isArray(c.answer) ? 'ordering' : c.type === 'true_false' ? `tf:${c.sents[0]}` : (c.answerEntity ?? normalize(c.answer)));
	// a question whose answer another question prints ("feeder" in “other” “_____” beside “self” “feeder”)
	const leaks = (c: T) => out.some((o) => printsAnswer(o, c) || printsAnswer(c, o));
	const take = (c: T) => {
		out.push(c);
		prompts.add(normalize(c.prompt));
		// an ordering question borrows its sentences for their dates only: they stay open for their own questions
		if (c.type !== 'ordering') {
			if (c.clause) {
				usedUnit.add(c.clause);
				usedPart.add(c.sents[0]);
			} else for (const si of c.sents) usedWhole.add(si);
		}
		usedAnswer.add(answerKey(c));
		usedFact.add(c.fact);
		typeCount.set(c.type, (typeCount.get(c.type) ?? 0) + 1);
	};
	const cap = (t: QuestionType) => Math.max(1, Math.ceil(SHARE[t] * Math.min(limit, 20)));
	// pass 1: diverse. A sentence whose best question is of a type already at its
	// share is held back rather than given to a weaker question of another type.
	const heldBack = new Set<string>();
	for (const c of sorted) {
		if (out.length >= limit) break;
		if (prompts.has(normalize(c.prompt)) || usedFact.has(c.fact)) continue;
		const key = c.clause ?? String(c.sents[0]);
		if (c.type !== 'ordering' && (busy(c) || heldBack.has(key))) continue;
		if (usedAnswer.has(answerKey(c)) || leaks(c)) continue;
		if ((typeCount.get(c.type) ?? 0) >= cap(c.type)) {
			if (c.type !== 'ordering' && c.type !== 'who_said') heldBack.add(key);
			continue;
		}
		take(c);
	}
	// pass 2: other sentences first, whatever their type (ordering and who-said stay rare)
	for (const c of sorted) {
		if (out.length >= limit) break;
		if (out.includes(c) || prompts.has(normalize(c.prompt)) || usedFact.has(c.fact)) continue;
		if (busy(c) || usedAnswer.has(answerKey(c)) || leaks(c)) continue;
		if ((c.type === 'ordering' || c.type === 'who_said' || c.type === 'true_false') && (typeCount.get(c.type) ?? 0) >= cap(c.type) + 1) continue;
		take(c);
	}
	// pass 3: the rest, never the same fact twice, at most two questions per sentence,
	// and only good ones: a second blank in a sentence already asked about shows the
	// first one's answer, which only a strong question is worth
	// A second question on a sentence shows the first one's answer in its prompt, so it
	// is only used to reach a useful minimum of questions, and never as true/false.
	const minimum = Number.isFinite(count) ? Math.min(limit, 10) : limit;
	for (const c of sorted) {
		if (out.length >= minimum) break;
		if (Number.isFinite(count) && c.type === 'true_false' && busy(c)) continue;
		if (out.includes(c) || prompts.has(normalize(c.prompt)) || usedFact.has(c.fact)) continue;
		if (c.type === 'ordering' && (typeCount.get('ordering') ?? 0) >= 1) continue;
		const perSent = out.filter((o) => (o.clause ?? o.sents[0]) === (c.clause ?? c.sents[0])).length;
		if (perSent >= 2) continue;
		if ((usedAnswer.has(answerKey(c)) && c.type !== 'true_false') || leaks(c)) continue;
		take(c);
	}
	// a mix of types at the top: a good number, true/false, quotation or ordering
	// question takes the place of the weakest question of the most common type
	if (Number.isFinite(count) && out.length >= 10) {
		for (const t of ['numeric', 'true_false', 'who_said', 'ordering'] as QuestionType[]) {
			if (out.some((c) => c.type === t)) continue;
			const extra = sorted.find((c) => c.type === t && c.score >= 0.45 && !out.includes(c) && !usedFact.has(c.fact) && !prompts.has(normalize(c.prompt)) && (t === 'ordering' || !busy(c)) && !leaks(c) && !usedAnswer.has(answerKey(c)));
			if (!extra) continue;
			const common = [...typeCount.entries()].sort((x, y) => y[1] - x[1])[0][0];
			let victim = -1;
			for (let i = out.length - 1; i >= Math.floor(out.length / 2); i--) if (out[i].type === common) { victim = i; break; }
			if (victim < 0) continue;
			typeCount.set(common, (typeCount.get(common) ?? 1) - 1);
			out.splice(victim, 1);
			take(extra);
		}
		out.sort((x, y) => y.score - x.score || x.sents[0] - y.sents[0]);
	}
	return out;
}

/**
 * Whether question `o` prints the answer of question `c` while saying the same thing:
 * “other” “_____” beside “self” “feeder”, "one of NASA's Great Observatories" beside
 * "NASA's _____ program". A key term or name an article uses in every other sentence
 * is no leak by itself; it leaks when the two prompts share their other words too.
 */
function printsAnswer(o: Candidate, c: Candidate): boolean {
	// (two questions on one sentence are the selection's own business: see pass 3)
	if (o === c || Array.isArray(c.answer) || c.type === 'true_false' || c.type === 'who_said') return false;
	if (o.sents.some((si) => c.sents.includes(si))) return false;
	const ans = normalize(c.answer).replace(/^(the|a|an) /, '');
	if (ans.length < 3 || (!/\d/.test(ans) && ans.length < 4)) return false;
	const shown = o.type === 'ordering' ? ` ${normalize(o.prompt)} ${normalize(o.options.join(' '))} ` : ` ${normalize(o.prompt)} `;
	if (!shown.includes(` ${ans} `)) return false;
	const skip = new Set(ans.split(' '));
	const mine = contentWords(c.prompt, skip);
	const theirs = contentWords(shown, skip);
	let shared = 0;
	for (const w of mine) if (theirs.has(w)) shared++;
	return shared >= 2 && shared >= 0.25 * Math.min(mine.size, theirs.size);
}

const wordsCache = new Map<string, string[]>();
function contentWords(text: string, skip: Set<string>): Set<string> {
	let ws = wordsCache.get(text);
	if (!ws) {
		ws = normalize(text).split(' ').filter((w) => w.length >= 4 && !/^(that|this|with|from|were|have|been|which|their|they|when|also|than|into|such|other|some|more|most)$/.test(w));
		if (wordsCache.size > 5000) wordsCache.clear();
		wordsCache.set(text, ws);
	}
	const out = new Set<string>();
	for (const w of ws) if (!skip.has(w)) out.add(w.replace(/s$/, ''));
	return out;
}
