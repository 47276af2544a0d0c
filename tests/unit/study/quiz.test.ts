import { describe, expect, it } from 'vitest';
import {
	ANSWER_GRACE_MS,
	answerFeedback,
	answerWindow,
	buildAttemptOrder,
	checkResponse,
	closesAt,
	deadlineFor,
	feedbackMode,
	gradeResponse,
	isExpired,
	orderingPermutation,
	publicQuestion,
	resultsVisibility,
	scoreOf,
	seededRandom,
	shownOptions,
	shuffle,
	startWindow,
	type QuizQuestion
} from '../../../src/lib/study/quiz';
import { SAMPLE_QUESTIONS } from '../../helpers/fixtures';

// The fixture's six questions as the quiz engine sees them (ids 1–6).
const QUESTIONS: QuizQuestion[] = SAMPLE_QUESTIONS.map((q, i) => ({
	id: i + 1,
	type: q.type,
	prompt: q.prompt,
	answer: q.answer,
	options: q.options,
	accept: q.accept,
	tolerance: q.tolerance,
	explanation: `Explanation ${i + 1}`,
	sources: [{ start: 0, end: q.source.length, text: q.source }]
}));
const byType = (type: QuizQuestion['type']) => QUESTIONS.find((q) => q.type === type)!;
const ordering = byType('ordering');
const ORDER_ANSWER = ordering.answer as string[];

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('seeded order', () => {
	it('is the same for the same seed and differs across seeds', () => {
		const a = buildAttemptOrder(QUESTIONS, { seed: 42, shuffleQuestions: true, shuffleOptions: true });
		const b = buildAttemptOrder(QUESTIONS, { seed: 42, shuffleQuestions: true, shuffleOptions: true });
		expect(a).toEqual(b);
		const orders = new Set(
			Array.from({ length: 20 }, (_, seed) => JSON.stringify(buildAttemptOrder(QUESTIONS, { seed, shuffleQuestions: true, shuffleOptions: true })))
		);
		expect(orders.size).toBeGreaterThan(10);
	});

	it('keeps every question and option exactly once', () => {
		for (let seed = 0; seed < 50; seed++) {
			const { questionOrder, optionOrders } = buildAttemptOrder(QUESTIONS, { seed, shuffleQuestions: true, shuffleOptions: true });
			expect([...questionOrder].sort()).toEqual([1, 2, 3, 4, 5, 6]);
			expect([...optionOrders[1]].sort()).toEqual([0, 1, 2, 3]);
			expect([...optionOrders[6]].sort()).toEqual([0, 1, 2]);
		}
	});

	it('keeps the set order and the stored option order when shuffling is off', () => {
		const { questionOrder, optionOrders } = buildAttemptOrder(QUESTIONS, { seed: 7, shuffleQuestions: false, shuffleOptions: false });
		expect(questionOrder).toEqual([1, 2, 3, 4, 5, 6]);
		expect(optionOrders[1]).toEqual([0, 1, 2, 3]);
		expect(optionOrders[5]).toEqual([0, 1, 2, 3]);
		// True/false always reads True, False; typed answers have no options.
		expect(optionOrders[3]).toBeUndefined();
		expect(optionOrders[2]).toBeUndefined();
	});

	it('never shows an ordering in answer order, whatever the seed or the flags', () => {
		for (let seed = 0; seed < 300; seed++) {
			const { optionOrders } = buildAttemptOrder(QUESTIONS, { seed, shuffleQuestions: false, shuffleOptions: false });
			expect(shownOptions(ordering, optionOrders[6])).not.toEqual(ORDER_ANSWER);
		}
		// Two items: only one order is not the answer.
		const two = ['A', 'B'];
		for (let seed = 0; seed < 20; seed++) {
			expect(orderingPermutation(two, two, seededRandom(seed)).map((i) => two[i])).toEqual(['B', 'A']);
		}
	});

	it('shuffle does not change its input and is deterministic', () => {
		const input = [1, 2, 3, 4, 5];
		const copy = [...input];
		expect(shuffle(input, seededRandom(3))).toEqual(shuffle(input, seededRandom(3)));
		expect(input).toEqual(copy);
	});
});

describe('answer window', () => {
	const open = { deadlineAt: null, submittedAt: null };
	const rules = { opensAt: at(-60_000), dueAt: at(3_600_000), feedback: 'submit' as const };

	it('takes answers while open, for practice and for assignments', () => {
		expect(answerWindow(open, null, T0)).toEqual({ open: true });
		expect(answerWindow(open, rules, T0)).toEqual({ open: true });
	});

	it('refuses after submission', () => {
		expect(answerWindow({ deadlineAt: null, submittedAt: T0 }, null, at(1))).toMatchObject({ open: false, reason: 'submitted' });
	});

	it('refuses before the quiz opens', () => {
		expect(answerWindow(open, { ...rules, opensAt: at(1000) }, T0)).toMatchObject({ open: false, reason: 'not_open' });
	});

	it('accepts an answer within the grace after the time limit, and refuses one after it', () => {
		const timed = { deadlineAt: at(600_000), submittedAt: null };
		expect(answerWindow(timed, rules, at(600_000))).toEqual({ open: true });
		expect(answerWindow(timed, rules, at(600_000 + ANSWER_GRACE_MS))).toEqual({ open: true });
		expect(answerWindow(timed, rules, at(600_001 + ANSWER_GRACE_MS))).toMatchObject({ open: false, reason: 'time' });
	});

	it('refuses after the due time (plus grace), even without a time limit', () => {
		expect(answerWindow(open, rules, at(3_600_000 + ANSWER_GRACE_MS))).toEqual({ open: true });
		const late = answerWindow(open, rules, at(3_600_001 + ANSWER_GRACE_MS));
		expect(late).toMatchObject({ open: false, reason: 'due' });
		if (!late.open) expect(late.message).toMatch(/due time has passed/);
	});

	it('closes at the earlier of the time limit and the due time', () => {
		expect(closesAt({ deadlineAt: at(600_000) }, rules)).toEqual(at(600_000));
		expect(closesAt({ deadlineAt: at(7_200_000) }, rules)).toEqual(at(3_600_000));
		expect(closesAt({ deadlineAt: null }, null)).toBeNull();
	});

	it('an attempt expires only past its close plus the grace, and never once submitted', () => {
		const timed = { deadlineAt: at(600_000), submittedAt: null };
		expect(isExpired(timed, null, at(600_000 + ANSWER_GRACE_MS))).toBe(false);
		expect(isExpired(timed, null, at(600_001 + ANSWER_GRACE_MS))).toBe(true);
		expect(isExpired({ ...timed, submittedAt: at(1) }, null, at(9_999_999))).toBe(false);
		expect(isExpired(open, null, at(9_999_999))).toBe(false);
	});

	it('decides whether a new attempt may start', () => {
		const r = { opensAt: at(-1), dueAt: at(1000), attemptsAllowed: 2 };
		expect(startWindow(r, 0, T0)).toEqual({ ok: true });
		expect(startWindow(r, 1, T0)).toEqual({ ok: true });
		expect(startWindow(r, 2, T0)).toMatchObject({ ok: false, reason: 'no_attempts_left', message: 'You have used all 2 attempts at this quiz.' });
		expect(startWindow({ ...r, attemptsAllowed: 1 }, 1, T0)).toMatchObject({ message: 'You have used your only attempt at this quiz.' });
		expect(startWindow({ ...r, opensAt: at(1) }, 0, T0)).toMatchObject({ ok: false, reason: 'not_open' });
		expect(startWindow(r, 0, at(1000))).toMatchObject({ ok: false, reason: 'due' });
		expect(startWindow({ opensAt: null, dueAt: null, attemptsAllowed: 1 }, 0, T0)).toEqual({ ok: true });
	});

	it('computes the deadline from the time limit', () => {
		expect(deadlineFor(T0, 600)).toEqual(at(600_000));
		expect(deadlineFor(T0, null)).toBeNull();
		expect(deadlineFor(T0, 0)).toBeNull();
	});
});

describe('grading per type', () => {
	it.each([
		['multiple_choice', '1979', true],
		['multiple_choice', '1985', false],
		['who_said', 'Hun Sen', true],
		['who_said', 'Sam Rainsy', false],
		['true_false', 'False', true],
		['true_false', 'True', false],
		['cloze', 'Garmnets', true],
		['cloze', 'the garments', true],
		['cloze', 'shoes', false],
		['numeric', '830,000', true],
		['numeric', '825000', true],
		['numeric', '0.83 million', true],
		['numeric', '700000', false]
	] as const)('%s: %s → %s', (type, response, correct) => {
		expect(gradeResponse(byType(type), response).correct).toBe(correct);
	});

	it('grades an ordering only when every item is in place', () => {
		expect(gradeResponse(ordering, [...ORDER_ANSWER]).correct).toBe(true);
		expect(gradeResponse(ordering, [...ORDER_ANSWER].reverse()).correct).toBe(false);
		expect(gradeResponse(ordering, 'Vietnam invades Cambodia').correct).toBe(false);
		expect(gradeResponse(byType('cloze'), ['garments']).correct).toBe(false);
	});

	it('scores the share answered right', () => {
		expect(scoreOf(4, 6)).toBeCloseTo(0.6667, 3);
		expect(scoreOf(0, 0)).toBe(0);
	});
});

describe('response shape', () => {
	it('accepts a shown option and refuses anything else', () => {
		expect(checkResponse(byType('multiple_choice'), '1985')).toEqual({ ok: true, value: '1985' });
		expect(checkResponse(byType('multiple_choice'), '2001')).toMatchObject({ ok: false });
		expect(checkResponse(byType('multiple_choice'), '')).toMatchObject({ ok: false });
		expect(checkResponse(byType('true_false'), 'True')).toEqual({ ok: true, value: 'True' });
		expect(checkResponse(byType('true_false'), 'Maybe')).toMatchObject({ ok: false });
	});

	it('trims typed answers and refuses empty or over-long ones', () => {
		expect(checkResponse(byType('cloze'), '  shoes ')).toEqual({ ok: true, value: 'shoes' });
		expect(checkResponse(byType('cloze'), '   ')).toMatchObject({ ok: false });
		expect(checkResponse(byType('cloze'), 'x'.repeat(501))).toMatchObject({ ok: false, message: expect.stringContaining('500') });
		expect(checkResponse(byType('cloze'), ['a'])).toMatchObject({ ok: false });
		expect(checkResponse(byType('numeric'), 'lots')).toMatchObject({ ok: false, message: 'Type a number.' });
	});

	it('accepts only a permutation of the ordering items', () => {
		expect(checkResponse(ordering, [...ORDER_ANSWER].reverse())).toMatchObject({ ok: true });
		expect(checkResponse(ordering, [ORDER_ANSWER[0], ORDER_ANSWER[0], ORDER_ANSWER[1]])).toMatchObject({ ok: false });
		expect(checkResponse(ordering, ORDER_ANSWER.slice(0, 2))).toMatchObject({ ok: false });
		expect(checkResponse(ordering, [ORDER_ANSWER[0], ORDER_ANSWER[1], 'Something else'])).toMatchObject({ ok: false });
		expect(checkResponse(ordering, 'Vietnam invades Cambodia')).toMatchObject({ ok: false });
	});
});

describe('public projection', () => {
	const FORBIDDEN = ['answer', 'accept', 'tolerance', 'explanation', 'sources', 'cardBack', 'cardFront', 'correct'];

	it('carries only id, type, prompt, input and the shown options', () => {
		const { optionOrders } = buildAttemptOrder(QUESTIONS, { seed: 1, shuffleQuestions: true, shuffleOptions: true });
		for (const q of QUESTIONS) {
			const shown = publicQuestion(q, optionOrders[q.id]);
			expect(Object.keys(shown).sort()).toEqual(['id', 'input', 'options', 'prompt', 'type']);
			for (const key of FORBIDDEN) expect(shown).not.toHaveProperty(key);
			const text = JSON.stringify(shown);
			for (const s of q.sources) expect(text).not.toContain(s.text);
		}
	});

	it('shows True/False for true_false, nothing for typed answers, the options in the attempt order for choices', () => {
		expect(publicQuestion(byType('true_false'), undefined).options).toEqual(['True', 'False']);
		expect(publicQuestion(byType('cloze'), undefined)).toMatchObject({ input: 'text', options: null });
		expect(publicQuestion(byType('numeric'), undefined)).toMatchObject({ input: 'number', options: null });
		expect(publicQuestion(byType('multiple_choice'), [3, 2, 1, 0]).options).toEqual(['1991', '1985', '1979', '1975']);
	});

	it('never shows an ordering in answer order, even when the stored order would', () => {
		// The stored options are [ASEAN, Vietnam, border]; this order would be the answer.
		const inAnswerOrder = [1, 2, 0];
		expect(shownOptions(ordering, inAnswerOrder)).toEqual(ORDER_ANSWER);
		const shown = publicQuestion(ordering, inAnswerOrder).options!;
		expect(shown).not.toEqual(ORDER_ANSWER);
		expect([...shown].sort()).toEqual([...ORDER_ANSWER].sort());
		const noOptions = { ...ordering, options: null };
		expect(publicQuestion(noOptions, undefined).options).not.toEqual(ORDER_ANSWER);
	});

	it('ignores a stored option order that does not fit the options', () => {
		expect(shownOptions(byType('multiple_choice'), [0, 0, 1, 2])).toEqual(['1975', '1979', '1985', '1991']);
		expect(shownOptions(byType('multiple_choice'), [0, 1])).toEqual(['1975', '1979', '1985', '1991']);
	});
});

describe('feedback rules', () => {
	const submitted = { submittedAt: T0 };
	const due = { feedback: 'due' as const, dueAt: at(3_600_000) };

	it('practice behaves like feedback after submission', () => {
		expect(feedbackMode(null)).toBe('submit');
		expect(resultsVisibility(submitted, null, T0)).toEqual({ visible: true });
	});

	it('shows nothing before submission, in any mode', () => {
		for (const feedback of ['each', 'submit', 'due'] as const) {
			expect(resultsVisibility({ submittedAt: null }, { feedback, dueAt: null }, T0).visible).toBe(false);
		}
	});

	it('holds results back until the due time when asked to', () => {
		expect(resultsVisibility(submitted, due, at(3_599_999))).toMatchObject({ visible: false, reason: 'before_due', availableAt: at(3_600_000) });
		expect(resultsVisibility(submitted, due, at(3_600_000))).toEqual({ visible: true });
		expect(resultsVisibility(submitted, { feedback: 'due', dueAt: null }, T0)).toEqual({ visible: true });
	});

	it('gives right/wrong, the answer and the source sentence of one question', () => {
		expect(answerFeedback(byType('cloze'), false)).toEqual({
			correct: false,
			expected: 'garments',
			expectedItems: null,
			explanation: 'Explanation 2',
			sources: ['Cambodia’s biggest exports are garments and footwear.']
		});
		expect(answerFeedback(ordering, true)).toMatchObject({ expected: ORDER_ANSWER.join(' → '), expectedItems: ORDER_ANSWER });
	});
});
