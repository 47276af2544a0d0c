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
	const usedSent = new Set<number>();
	const usedAnswer = new Set<string>();
	const usedFact = new Set<string>();
	const typeCount = new Map<QuestionType, number>();
	const limit = Number.isFinite(count) ? count : sorted.length;
	const answerKey = (c: T) => (Array.isArray(c.answer) ? 'ordering' : c.type === 'true_false' ? `tf:${c.sents[0]}` : normalize(c.answer));
	const take = (c: T) => {
		out.push(c);
		prompts.add(normalize(c.prompt));
		for (const si of c.sents) usedSent.add(si);
		usedAnswer.add(answerKey(c));
		usedFact.add(c.fact);
		typeCount.set(c.type, (typeCount.get(c.type) ?? 0) + 1);
	};
	const cap = (t: QuestionType) => Math.max(1, Math.ceil(SHARE[t] * Math.min(limit, 20)));
	// pass 1: diverse
	for (const c of sorted) {
		if (out.length >= limit) break;
		if (prompts.has(normalize(c.prompt)) || usedFact.has(c.fact)) continue;
		if (c.type !== 'ordering' && c.sents.some((si) => usedSent.has(si))) continue;
		if (usedAnswer.has(answerKey(c))) continue;
		if ((typeCount.get(c.type) ?? 0) >= cap(c.type)) continue;
		take(c);
	}
	// pass 2: the rest, never the same fact twice, at most two questions per sentence
	for (const c of sorted) {
		if (out.length >= limit) break;
		if (out.includes(c) || prompts.has(normalize(c.prompt)) || usedFact.has(c.fact)) continue;
		if (c.type === 'ordering' && (typeCount.get('ordering') ?? 0) >= 1) continue;
		const perSent = out.filter((o) => o.sents[0] === c.sents[0]).length;
		if (perSent >= 2) continue;
		if (usedAnswer.has(answerKey(c)) && c.type !== 'true_false') continue;
		take(c);
	}
	return out;
}
