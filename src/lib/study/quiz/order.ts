import type { QuizQuestion } from './types';

/**
 * Deterministic order of an attempt's questions and options. Everything comes from one
 * seed, so a stored seed (or the stored result) reproduces exactly what a student saw.
 */

/** mulberry32: a tiny, good-enough PRNG for shuffling (not for secrets). */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fisher–Yates with the given random source; the input is not changed. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

export const TRUE_FALSE_OPTIONS = ['True', 'False'] as const;

/**
 * The list an option order indexes into: the stored options, True/False for true_false,
 * and for ordering the items as stored (falling back to the answer when no options were kept).
 */
export function optionSource(question: Pick<QuizQuestion, 'type' | 'options' | 'answer'>): string[] {
	switch (question.type) {
		case 'true_false':
			return [...TRUE_FALSE_OPTIONS];
		case 'ordering':
			return question.options?.length ? question.options : Array.isArray(question.answer) ? question.answer : [];
		case 'multiple_choice':
		case 'who_said':
			return question.options ?? [];
		default:
			return [];
	}
}

function identity(n: number): number[] {
	return Array.from({ length: n }, (_, i) => i);
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * An order of an ordering question's items that is never the answer order (when the items
 * allow it): showing the items already in order would give the key away.
 */
export function orderingPermutation(items: readonly string[], answer: readonly string[], random: () => number): number[] {
	let perm = shuffle(identity(items.length), random);
	if (items.length < 2) return perm;
	for (let tries = 0; tries < 4 && sameSequence(perm.map((i) => items[i]), answer); tries++) {
		perm = shuffle(identity(items.length), random);
	}
	// Still in answer order (rare for three items, certain for two 1 time in 2): rotate by
	// one, which moves every item of a list of distinct items away from its place.
	if (sameSequence(perm.map((i) => items[i]), answer)) perm = [...perm.slice(1), perm[0]];
	return perm;
}

export type AttemptOrder = {
	/** Question ids in the order the student sees them. */
	questionOrder: number[];
	/** Per question id, indexes into `optionSource(question)` in the order shown. */
	optionOrders: Record<string, number[]>;
};

/**
 * Builds an attempt's question order and per-question option orders from a seed.
 * `questions` come in their set/assignment order. True/false always reads True, False.
 * Ordering items are always shuffled (away from the answer order), whatever the flags say.
 */
export function buildAttemptOrder(
	questions: readonly Pick<QuizQuestion, 'id' | 'type' | 'options' | 'answer'>[],
	options: { seed: number; shuffleQuestions: boolean; shuffleOptions: boolean }
): AttemptOrder {
	const random = seededRandom(options.seed);
	const ids = questions.map((q) => q.id);
	const questionOrder = options.shuffleQuestions ? shuffle(ids, random) : ids;
	const optionOrders: Record<string, number[]> = {};
	for (const question of questions) {
		const source = optionSource(question);
		if (question.type === 'ordering') {
			const answer = Array.isArray(question.answer) ? question.answer : [];
			optionOrders[question.id] = orderingPermutation(source, answer, random);
		} else if (question.type === 'multiple_choice' || question.type === 'who_said') {
			optionOrders[question.id] = options.shuffleOptions ? shuffle(identity(source.length), random) : identity(source.length);
		}
	}
	return { questionOrder, optionOrders };
}

/**
 * The options as this attempt shows them. A stored order that does not fit the options
 * (the question was edited since) falls back to the stored order of the options.
 */
export function shownOptions(question: Pick<QuizQuestion, 'type' | 'options' | 'answer'>, optionOrder: readonly number[] | undefined): string[] {
	const source = optionSource(question);
	const fits =
		optionOrder !== undefined &&
		optionOrder.length === source.length &&
		new Set(optionOrder).size === source.length &&
		optionOrder.every((i) => Number.isInteger(i) && i >= 0 && i < source.length);
	return fits ? optionOrder.map((i) => source[i]) : [...source];
}
