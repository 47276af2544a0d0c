import type { Candidate } from './questions/candidate.js';
import type { QuestionType } from './types.js';
import { normalize } from './questions/render.js';

// Share of the list each type may take while better-mixed choices remain.
const SHARE: Record<QuestionType, number> = {
	multiple_choice: 0.6,
	cloze: 0.55,
	true_false: 0.1,
	numeric: 0.15,
	who_said: 0.1,
	ordering: 0.05
};

/** What a second question on a sentence already asked about gives up in rank. */
const SECOND_ON_SENTENCE = 0.12;
/** What a question whose answer another question already has gives up in rank. */
const REPEATED_ANSWER = 0.1;
/** What a question of a type already at its share gives up in rank. */
const OVER_SHARE = 0.25;

/**
 * Picks questions best first. A sentence may carry a second question when it asks for
 * another answer and neither prompt shows the other's answer; a type past its share of
 * the list, and a second question on a sentence, rank lower. Never the same fact,
 * prompt or answer twice.
 */
export function selectQuestions<T extends Candidate & { score: number }>(candidates: T[], count: number, explain?: Candidate[]): T[] {
	const sorted = candidates.slice().sort((x, y) => y.score - x.score || x.sents[0] - y.sents[0] || x.type.localeCompare(y.type) || x.prompt.localeCompare(y.prompt));
	const limit = Number.isFinite(count) ? count : sorted.length;
	const out: T[] = [];
	const taken = new Set<T>();
	const prompts = new Set<string>();
	const usedAnswer = new Set<string>();
	const usedFact = new Set<string>();
	const typeCount = new Map<QuestionType, number>();
	// questions asked so far of each sentence (an ordering question only borrows its sentences' dates)
	const bySentence = new Map<number, T[]>();
	const answerKey = (c: T) => (Array.isArray(c.answer) ? 'ordering' : c.type === 'true_false' ? `tf:${c.sents[0]}` : (c.answerId ?? normalize(c.answer)));
	const usedAnswerText = new Set<string>();
	const answerUses = new Map<string, number>();
	const cap = (t: QuestionType) => Math.max(1, Math.ceil(SHARE[t] * Math.min(limit, 20)));
	const onSentence = (c: T) => (c.type === 'ordering' ? [] : (bySentence.get(c.sents[0]) ?? []));
	// other ways of asking each fact (the same question with a part of the sentence left out)
	const byFact = new Map<string, T[]>();
	for (const c of sorted) byFact.set(c.fact, [...(byFact.get(c.fact) ?? []), c]);
	// a second question that may join its sentence if the first one is asked another way
	const swaps = new Map<T, { from: T; to: T }>();

	// once nothing better is left, a second question may show the first one's answer:
	// still better than too few questions for a short article
	let relaxed = false;
	let mixing = false;
	let filling = false;
	const dead = new Set<T>();
	const why = (c: T): string => {
		if (taken.has(c)) return 'taken';
		if (prompts.has(promptOf(c))) return 'prompt';
		if (usedFact.has(c.fact)) return 'fact';
		if (admissible(c)) return `ok (effective ${effective(c).toFixed(3)})`;
		if (usedAnswer.has(answerKey(c))) return 'answer';
		if (!Array.isArray(c.answer) && c.type !== 'true_false' && usedAnswerText.has(normalize(c.answer))) return 'answertext';
		const leak = out.find((o) => leaksInto(c, o, false));
		if (leak) return `leak:${leak.answer}`;
		const before = onSentence(c);
		if (before.length >= 2) return 'sentence full';
		if (before.some((o) => o.type === 'true_false') || (before.length && c.type === 'true_false')) return 'tf';
		if (before.length && !Array.isArray(c.answer) && before.some((o) => !Array.isArray(o.answer) && overlaps(normalize(o.answer), normalize(c.answer as string)))) return 'overlap';
		if (before.some((o) => reveals(c, o) || reveals(o, c))) return `reveals:${before.map((o) => o.answer).join('|')}`;
		if (c.answerId && out.filter((o) => !o.sents.some((x) => c.sents.includes(x)) && reveals(o, c, true)).length) return 'shown';
		return 'ok';
	};
	const admissible = (c: T): boolean => {
		if (taken.has(c) || prompts.has(promptOf(c)) || usedFact.has(c.fact)) return false;
		// the same answer to another fact ("Lord North" lost patience; "Lord North" insisted the loss be
		// repaid) may come back once, lower down; the same fact never
		const again = usedAnswer.has(answerKey(c)) || (!Array.isArray(c.answer) && c.type !== 'true_false' && usedAnswerText.has(normalize(c.answer)));
		// (only a person: the same place or term twice reads as the same question asked again)
		// (a term may come back too, once the list would otherwise stay short: "Economies without money
		// engage in the _____" and "Another problem with the _____ is ..." ask two things of barter)
		const term = !c.answerId && c.type !== 'numeric' && !/\d/.test(c.answer as string);
		if (again && (!(c.person || (filling && term)) || c.type === 'who_said' || /[“”"]/.test(c.prompt) || answerUses.get(answerKey(c))! >= 2 || out.some((o) => o.fact.split(':')[0] === c.fact.split(':')[0]))) return false;
		// ("Millikan ... via his oil drop experiments", "Millikan created oil droplets": one fact told twice)
		if (again && out.some((o) => answerKey(o) === answerKey(c) && sameTopic(c, o))) return false;
		// a name the list already shows in its prompts is a guess, not an answer: asked again
		// when shown once, or at all when shown twice ("_____ instigated the most famous slave
		// revolt" after three questions about Spartacus)
		if (c.answerId && !Array.isArray(c.answer) && c.type !== 'true_false' && c.type !== 'who_said') {
			const shown = out.filter((o) => !o.sents.some((x) => c.sents.includes(x)) && reveals(o, c, true)).length;
			if (shown >= 2 || (again && shown >= 1)) return false;
		}
		// and the other way round: a prompt that would be the second to show a name already asked
		for (const o of out) {
			if (!o.answerId || Array.isArray(o.answer) || o.type === 'true_false' || o.type === 'who_said' || o.sents.some((x) => c.sents.includes(x))) continue;
			if (!reveals(c, o, true)) continue;
			if (out.some((p) => p !== o && !p.sents.some((x) => o.sents.includes(x)) && reveals(p, o, true))) return false;
		}
		// a question whose prompt prints the answer of another one, or the other way round
		if (out.some((o) => leaksInto(c, o, relaxed))) return false;
		if (c.type === 'ordering' && (typeCount.get('ordering') ?? 0) >= 1) return false;
		// an ordering question prints the events it orders: it joins a short list last, where it
		// shows no other question's answer, rather than keep the questions on those events out
		if (c.type === 'ordering' && Number.isFinite(count) && !mixing) return false;
		if ((c.type === 'who_said' || c.type === 'true_false') && (typeCount.get(c.type) ?? 0) >= cap(c.type) + 1) return false;
		const before = onSentence(c);
		if (!before.length) return true;
		// a second question on a sentence: never a true/false (it would restate the first
		// one's answer), never a third, and neither may show the other's answer
		if (before.length >= 2 || c.type === 'true_false' || before.some((o) => o.type === 'true_false')) return false;
		// "the _____" → "Perseid shower" and "the _____ shower" → "Perseid" ask the same thing
		if (!Array.isArray(c.answer) && before.some((o) => !Array.isArray(o.answer) && overlaps(normalize(o.answer), normalize(c.answer as string)))) return false;
		if (relaxed) return true;
		for (const o of before) {
			// two numbers of one sentence ("a total area of _____ km2, land area of 42,394 km2") are too alike
			if (!Array.isArray(o.answer) && /\d/.test(o.answer) && /\d/.test(c.answer as string) && (reveals(c, o) || reveals(o, c))) return false;
			if (reveals(c, o)) return false;
			if (!reveals(o, c)) continue;
			// "As the writer _____ wrote in 1911" is taken: "In what year ..." may join only
			// as a way of asking it that leaves the name out
			const alt = (byFact.get(o.fact) ?? []).find((x) => x !== o && x.type === o.type && !taken.has(x) && !prompts.has(promptOf(x)) && !reveals(x, c) && !reveals(c, x));
			if (!alt) return false;
			swaps.set(c, { from: o, to: alt });
		}
		return true;
	};
	const effective = (c: T): number => {
		let s = c.score;
		if (usedAnswer.has(answerKey(c)) || (!Array.isArray(c.answer) && usedAnswerText.has(normalize(c.answer)))) s -= REPEATED_ANSWER;
		if (onSentence(c).length) s -= SECOND_ON_SENTENCE;
		if ((typeCount.get(c.type) ?? 0) >= cap(c.type)) s -= OVER_SHARE;
		return s;
	};
	const take = (c: T) => {
		const swap = swaps.get(c);
		if (swap && out.includes(swap.from)) {
			dead.clear();
			const { from, to } = swap;
			out[out.indexOf(from)] = to;
			taken.add(to);
			prompts.add(promptOf(to));
			for (const si of from.sents) bySentence.set(si, (bySentence.get(si) ?? []).map((o) => (o === from ? to : o)));
		}
		out.push(c);
		taken.add(c);
		prompts.add(promptOf(c));
		usedAnswer.add(answerKey(c));
		answerUses.set(answerKey(c), (answerUses.get(answerKey(c)) ?? 0) + 1);
		if (!Array.isArray(c.answer) && c.type !== 'true_false') usedAnswerText.add(normalize(c.answer));
		usedFact.add(c.fact);
		typeCount.set(c.type, (typeCount.get(c.type) ?? 0) + 1);
		if (c.type !== 'ordering') for (const si of c.sents) bySentence.set(si, [...(bySentence.get(si) ?? []), c]);
	};

	const minimum = Number.isFinite(count) ? Math.min(limit, 10) : limit;
	while (out.length < limit) {
		let best: T | null = null;
		let bestScore = -Infinity;
		for (const c of sorted) {
			// the effective score never exceeds the score: nothing further down can win
			if (c.score <= bestScore) break;
			// (what a longer list rules out it never lets back in, until a looser rule applies)
			if (dead.has(c)) continue;
			if (!admissible(c)) {
				dead.add(c);
				continue;
			}
			const e = effective(c);
			if (e > bestScore) {
				best = c;
				bestScore = e;
			}
		}
		if (!best) {
			dead.clear();
			if (!filling) {
				filling = true;
				continue;
			}
			if (relaxed || out.length >= minimum) break;
			relaxed = true;
			continue;
		}
		take(best);
	}

	// a mix of types at the top: a good number, true/false, quotation or ordering
	// question takes the place of the weakest question of the most common type
	mixing = true;
	relaxed = false;
	if (Number.isFinite(count) && out.length >= 10) {
		// (a true/false or "who said" question is only worth a place it wins on its own)
		for (const t of ['numeric', 'ordering'] as QuestionType[]) {
			if (out.some((c) => c.type === t)) continue;
			// the same fact asked the other way: "reaching _____ in 2016" as a number to type instead of four choices
			// (its own prompt shows no other question's answer, nor the other way round)
			const clean = (c: T, gone: T) => out.every((o) => o === gone || (!reveals(c, o) && !reveals(o, c) && !leaksInto(c, o, false)));
			const twin = sorted.find((c) => c.type === t && c.score >= 0.45 && out.some((o) => o.fact === c.fact && o.type === 'multiple_choice' && o.answer === c.answer && clean(c, o)) && !prompts.has(promptOf(c)));
			if (twin) {
				const at = out.findIndex((o) => o.fact === twin.fact);
				const gone = out[at];
				typeCount.set(gone.type, (typeCount.get(gone.type) ?? 1) - 1);
				typeCount.set(t, (typeCount.get(t) ?? 0) + 1);
				for (const si of gone.sents) bySentence.set(si, (bySentence.get(si) ?? []).map((o) => (o === gone ? twin : o)));
				taken.add(twin);
				prompts.add(promptOf(twin));
				out[at] = { ...twin, score: gone.score };
				continue;
			}
			const extra = sorted.find((c) => c.type === t && c.score >= 0.45 && admissible(c) && !onSentence(c).length);
			if (!extra) continue;
			const common = [...typeCount.entries()].sort((x, y) => y[1] - x[1])[0][0];
			let victim = -1;
			for (let i = out.length - 1; i >= Math.floor(out.length / 2); i--) if (out[i].type === common) { victim = i; break; }
			if (victim < 0) continue;
			const [gone] = out.splice(victim, 1);
			typeCount.set(common, (typeCount.get(common) ?? 1) - 1);
			for (const si of gone.sents) bySentence.set(si, (bySentence.get(si) ?? []).filter((o) => o !== gone));
			take(extra);
			// in its own place by score, not at the end
			out.pop();
			let at = out.findIndex((o) => o.score < extra.score);
			if (at < 0) at = out.length;
			out.splice(at, 0, extra);
		}
	}
	if (explain) for (const c of explain) (c as { why?: string }).why = why(c as T);
	// the order picked is the rank: scores shown never rise down the list
	let prev = Infinity;
	return out.map((c) => {
		const score = Math.min(prev, c.score);
		prev = score;
		return score === c.score ? c : { ...c, score };
	});
}

// Normalised prompts and answers, worked out once per candidate: ranking compares them often.
const paddedPrompt = new WeakMap<Candidate, string>();
const answerForms = new WeakMap<Candidate, string[]>();
function promptOf(c: Candidate): string {
	let p = paddedPrompt.get(c);
	if (p === undefined) paddedPrompt.set(c, (p = ` ${normalize(c.prompt)} `));
	return p;
}
function formsOf(c: Candidate): string[] {
	let f = answerForms.get(c);
	if (f === undefined) {
		// (a person is shown by the surname too: "Myskina" shows "Anastasia Myskina")
		const surname = c.person && !Array.isArray(c.answer) && /\s/.test(c.answer) ? [c.answer.split(/\s+/).pop()!].filter((w) => w.length >= 4 && /^\p{Lu}/u.test(w)) : [];
		f = Array.isArray(c.answer) || c.type === 'true_false' ? [] : [...new Set([c.answer, ...c.accept, ...surname])].map((x) => normalize(x).replace(/^the /, '')).filter((n) => n.length >= 2).map((n) => ` ${n} `);
		answerForms.set(c, f);
	}
	return f;
}

/**
 * True when the prompt of `c` shows the answer of question `o` (or one of its accepted
 * forms). A date or a number shown as context ("... in 1979", "... in c. 1235") gives
 * less away than a name: with `namesOnly`, only names and terms count.
 */
function reveals(c: Candidate, o: Candidate, namesOnly = false): boolean {
	if (Array.isArray(o.answer) || o.type === 'true_false') return false;
	if (namesOnly && (/\d/.test(o.answer) || /^(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|a dozen|dozen)\b/i.test(o.answer))) return false;
	const p = promptOf(c);
	return formsOf(o).some((n) => p.includes(n) && (n.split(' ').length > 3 || !inLongerName(c.prompt, n.trim())));
}

const wordRes = new Map<string, RegExp>();

/** A one-word name seen only inside a longer one: "Tasman" in "the Tasman Sea" is not Abel Tasman. */
function inLongerName(prompt: string, word: string): boolean {
	if (word.includes(' ')) return false;
	let re = wordRes.get(word);
	if (!re) {
		re = new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu');
		if (wordRes.size > 2000) wordRes.clear();
		wordRes.set(word, re);
	}
	let any = false;
	for (const m of prompt.matchAll(re)) {
		const at = m.index! + m[1].length;
		const after = prompt.slice(at + word.length);
		const before = prompt.slice(0, at);
		const inside = /^\s+\p{Lu}/u.test(after) || /\p{Lu}[\p{L}’']*\s+$/u.test(before) && !/[.!?]\s+$/.test(before) && !/^\s*$/.test(before);
		if (!inside) return false;
		any = true;
	}
	return any;
}

/**
 * Whether one of two questions on different sentences prints the other's answer: a rare
 * name or term (`leaks`) wherever it shows, a common one where the two prompts say the
 * same thing (see printsAnswer). Once `relaxed`, only the second kind counts.
 */
const leakMemo = [new WeakMap<Candidate, Map<Candidate, boolean>>(), new WeakMap<Candidate, Map<Candidate, boolean>>()];
function leaksInto(c: Candidate, o: Candidate, relaxed: boolean): boolean {
	const memo = leakMemo[relaxed ? 1 : 0];
	let m = memo.get(c);
	if (!m) memo.set(c, (m = new Map()));
	let hit = m.get(o);
	if (hit === undefined) m.set(o, (hit = computeLeak(c, o, relaxed)));
	return hit;
}

function computeLeak(c: Candidate, o: Candidate, relaxed: boolean): boolean {
	if (o.sents.some((x) => c.sents.includes(x))) return false;
	if (!relaxed && ((o.leaks && reveals(c, o, true)) || (c.leaks && reveals(o, c, true)))) return true;
	return printsAnswer(o, c) || printsAnswer(c, o);
}

/** Two prompts share a content word besides their answers' words: they speak of the same thing. */
function sameTopic(c: Candidate, o: Candidate): boolean {
	const skip = new Set([...formsOf(c), ...formsOf(o)].flatMap((f) => f.trim().split(' ')));
	const mine = topicWords(c.prompt, skip);
	for (const w of topicWords(o.prompt, skip)) if (mine.has(w)) return true;
	return false;
}

function topicWords(text: string, skip: Set<string>): Set<string> {
	const out = new Set<string>();
	for (const w of normalize(text).split(' ')) {
		if (w.length < 3 || /\d/.test(w) || skip.has(w) || TOPIC_STOP.has(w)) continue;
		out.add(w.replace(/(es|s)$/, ''));
	}
	return out;
}

const TOPIC_STOP = new Set(
	`the and for with from into that this these those which who whom whose what when where while was were are has had have been being not but also than then
	its his her their they them she him our out over under after before about more most many much some such other only very just one two three first
	new year years time later early said says would could should will can may might did does made make took take became become began`.split(/\s+/)
);

/** One answer holds the other as whole words. */
function overlaps(x: string, y: string): boolean {
	return ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `);
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
