import { describe, expect, it } from 'vitest';
import {
	analyseItems,
	correctedPointBiserial,
	groupSize,
	groupWeights,
	type AnalysedItem,
	type Response,
	type StudentAnswers
} from '../../../src/lib/teaching/item-analysis';

/*
 * WORKED EXAMPLE, computed by hand.
 *
 * Four items, ten students (first submitted attempts). 1 = right, 0 = wrong, "-" = not
 * answered (scores 0 in totals and in D and r_pb, but is left out of the facility).
 *
 *   Q1 multiple choice "In what year…?"  options 1975 / 1979 (key) / 1985 / 1991
 *   Q2 true/false, key "False"
 *   Q3 cloze, key "garments"
 *   Q4 who said it, options Hun Sen (key) / Sam Rainsy / Meas Nee
 *
 *         Q1 Q2 Q3 Q4 | T
 *   S1     1  1  1  0 | 3
 *   S2     1  1  0  1 | 3
 *   S3     1  1  0  1 | 3
 *   S4     1  1  0  1 | 3
 *   S5     1  1  0  0 | 2
 *   S6     1  0  0  1 | 2
 *   S7     1  0  0  1 | 2
 *   S8     1  0  0  1 | 2
 *   S9     1  0  -  0 | 1
 *   S10    0  0  0  0 | 0
 *
 * Facility p = correct / answered:
 *   Q1 9/10 = 0.9    Q2 5/10 = 0.5    Q3 1/9 = 0.1111    Q4 6/10 = 0.6
 *
 * Groups: N = 10, n = round(0.27 · 10) = round(2.7) = 3.
 *   Upper: the four students with T = 3 (S1–S4) tie for 3 places → weight 3/4 each.
 *   Lower: S10 (T = 0) and S9 (T = 1) with weight 1; the last place is shared by the four
 *   students with T = 2 (S5–S8) → weight 1/4 each.
 *
 * D = p_U − p_L, with p = Σ w·x / n:
 *   Q1 p_U = (3/4)(1+1+1+1)/3 = 1;      p_L = (0 + 1 + (1/4)(1+1+1+1))/3 = 2/3;  D = 1/3 ≈ 0.3333
 *   Q2 p_U = (3/4)(1+1+1+1)/3 = 1;      p_L = (0 + 0 + (1/4)(1+0+0+0))/3 = 1/12; D = 11/12 ≈ 0.9167
 *   Q3 p_U = (3/4)(1+0+0+0)/3 = 1/4;    p_L = (0 + 0 + (1/4)(0))/3 = 0;           D = 1/4 = 0.25
 *   Q4 p_U = (3/4)(0+1+1+1)/3 = 3/4;    p_L = (0 + 0 + (1/4)(0+1+1+1))/3 = 1/4;   D = 1/2 = 0.5
 *
 * Corrected point-biserial r = (M1 − M0)/s_R · √(p q), rest score R = T − x,
 * s_R = population SD of R, p = right / N:
 *   Q1 R = 2,2,2,2,1,1,1,1,0 | S10: 0.  ΣR = 12, mean 1.2; ΣR² = 20, mean 2.0;
 *      var = 2.0 − 1.44 = 0.56, s = 0.748331. M1 = 12/9 = 1.3333 (S1–S9), M0 = 0 (S10).
 *      p = 0.9, √(0.09) = 0.3.  r = (1.3333/0.748331)·0.3 = 0.4/0.748331 = 0.534522
 *   Q2 R = 2,2,2,2,1 (right) | 2,2,2,1,0 (wrong). ΣR = 16, mean 1.6; ΣR² = 30, mean 3.0;
 *      var = 3.0 − 2.56 = 0.44, s = 0.663325. M1 = 9/5 = 1.8, M0 = 7/5 = 1.4.
 *      p = 0.5, √(0.25) = 0.5.  r = (0.4/0.663325)·0.5 = 0.301511
 *   Q3 R = 2 (S1, right) | 3,3,3,2,2,2,2,1,0 (wrong). ΣR = 20, mean 2.0; ΣR² = 48, mean 4.8;
 *      var = 0.8, s = 0.894427. M1 = 2, M0 = 18/9 = 2.  r = 0
 *   Q4 R = 2,2,2,1,1,1 (right: S2,S3,S4,S6,S7,S8) | 3,2,1,0 (wrong: S1,S5,S9,S10).
 *      ΣR = 15, mean 1.5; ΣR² = 29, mean 2.9; var = 0.65, s = 0.806226.
 *      M1 = 9/6 = 1.5, M0 = 6/4 = 1.5.  r = 0
 *
 * Flags (N = 10 ≥ 5):
 *   Q1 p = 0.9 is not > 0.9; D = 0.33 ≥ 0.2; r = 0.53 ≥ 0.15      → none
 *   Q2 p = 0.5; D = 0.92; r = 0.30                                   → none
 *   Q3 p = 0.11 < 0.2 → too hard; r = 0 < 0.15 → discriminates badly
 *   Q4 D = 0.5 but r = 0 < 0.15                                      → discriminates badly
 *      (its D is high only because the item itself sits in the totals that form the groups;
 *      the corrected r shows it says nothing about the rest of the quiz)
 *
 * Mean total = (3·4 + 2·4 + 1 + 0)/10 = 21/10 = 2.1.
 *
 * Options: Q1 — 1979 ×9, 1985 ×1 (S10), 1975 ×0, 1991 ×0.
 *          Q4 — Hun Sen ×6, Sam Rainsy ×3 (S1, S5, S9), Meas Nee ×1 (S10).
 *          Q3 — garments ×1 (right); textiles ×5 (S2–S6, one typed "Textiles."), rice ×3 (S7, S8, S10); 1 no answer.
 */

const ITEMS: AnalysedItem[] = [
	{ id: 1, type: 'multiple_choice', options: ['1975', '1979', '1985', '1991'], answer: '1979' },
	{ id: 2, type: 'true_false', options: ['True', 'False'], answer: 'False' },
	{ id: 3, type: 'cloze', options: null, answer: 'garments' },
	{ id: 4, type: 'who_said', options: ['Hun Sen', 'Sam Rainsy', 'Meas Nee'], answer: 'Hun Sen' }
];

// [Q1, Q2, Q3, Q4] responses per student; null = not answered.
const GIVEN: Array<[string, Array<string | null>]> = [
	['S1', ['1979', 'False', 'garments', 'Sam Rainsy']],
	['S2', ['1979', 'False', 'textiles', 'Hun Sen']],
	['S3', ['1979', 'False', 'Textiles.', 'Hun Sen']],
	['S4', ['1979', 'False', 'textiles', 'Hun Sen']],
	['S5', ['1979', 'False', 'textiles', 'Sam Rainsy']],
	['S6', ['1979', 'True', 'textiles', 'Hun Sen']],
	['S7', ['1979', 'True', 'rice', 'Hun Sen']],
	['S8', ['1979', 'True', 'rice', 'Hun Sen']],
	['S9', ['1979', 'True', null, 'Sam Rainsy']],
	['S10', ['1985', 'True', 'rice', 'Meas Nee']]
];

function students(): StudentAnswers[] {
	return GIVEN.map(([userId, responses]) => {
		const answers = new Map<number, Response>();
		responses.forEach((response, i) => {
			if (response === null) return;
			const item = ITEMS[i];
			const correct = item.type === 'cloze' ? response.toLowerCase().startsWith('garments') : response === item.answer;
			answers.set(item.id, { response, correct });
		});
		return { userId, answers };
	});
}

describe('item analysis: the worked example', () => {
	const result = analyseItems(ITEMS, students());
	const item = (id: number) => result.items.find((i) => i.id === id)!;

	it('counts students, group size and the mean total', () => {
		expect(result.students).toBe(10);
		expect(result.groupSize).toBe(3);
		expect(result.meanTotal).toBeCloseTo(2.1, 10);
		expect(result.enoughData).toBe(true);
	});

	it('computes facility as correct over answered', () => {
		expect(item(1)).toMatchObject({ answered: 10, correct: 9, unanswered: 0 });
		expect(item(1).facility).toBeCloseTo(0.9, 10);
		expect(item(2).facility).toBeCloseTo(0.5, 10);
		expect(item(3)).toMatchObject({ answered: 9, correct: 1, unanswered: 1 });
		expect(item(3).facility).toBeCloseTo(1 / 9, 10);
		expect(item(4).facility).toBeCloseTo(0.6, 10);
	});

	it('computes the upper–lower discrimination with shared ties', () => {
		expect(item(1).discrimination).toBeCloseTo(1 / 3, 10);
		expect(item(2).discrimination).toBeCloseTo(11 / 12, 10);
		expect(item(3).discrimination).toBeCloseTo(0.25, 10);
		expect(item(4).discrimination).toBeCloseTo(0.5, 10);
	});

	it('computes the corrected point-biserial', () => {
		expect(item(1).pointBiserial).toBeCloseTo(0.534522, 5);
		expect(item(2).pointBiserial).toBeCloseTo(0.301511, 5);
		expect(item(3).pointBiserial).toBeCloseTo(0, 10);
		expect(item(4).pointBiserial).toBeCloseTo(0, 10);
	});

	it('flags too hard and badly discriminating items, and leaves good ones alone', () => {
		expect(item(1).flags).toEqual([]);
		expect(item(2).flags).toEqual([]);
		expect(item(3).flags).toEqual(['too_hard', 'low_discrimination']);
		expect(item(4).flags).toEqual(['low_discrimination']);
	});

	it('counts how often each option was chosen, and groups typed answers', () => {
		expect(item(1).responses).toEqual([
			{ label: '1975', count: 0, correct: false },
			{ label: '1979', count: 9, correct: true },
			{ label: '1985', count: 1, correct: false },
			{ label: '1991', count: 0, correct: false }
		]);
		expect(item(4).responses.map((r) => [r.label, r.count])).toEqual([
			['Hun Sen', 6],
			['Sam Rainsy', 3],
			['Meas Nee', 1]
		]);
		expect(item(3).responses.map((r) => [r.label, r.count, r.correct])).toEqual([
			['textiles', 5, false],
			['rice', 3, false],
			['garments', 1, true]
		]);
	});
});

describe('item analysis: the parts', () => {
	it('rounds the 27 % group half up, never below one student', () => {
		expect([1, 2, 4, 5, 10, 11, 20, 30].map(groupSize)).toEqual([1, 1, 1, 1, 3, 3, 5, 8]);
	});

	it('shares the last places of a group among tied students', () => {
		const order = [
			{ userId: 'a', total: 5 },
			{ userId: 'b', total: 4 },
			{ userId: 'c', total: 4 },
			{ userId: 'd', total: 4 },
			{ userId: 'e', total: 1 }
		];
		expect(Object.fromEntries(groupWeights(order, 2))).toEqual({ a: 1, b: 1 / 3, c: 1 / 3, d: 1 / 3 });
		expect(Object.fromEntries(groupWeights(order, 4))).toEqual({ a: 1, b: 1, c: 1, d: 1 });
	});

	it('has no point-biserial when everybody or nobody got the item right', () => {
		expect(correctedPointBiserial([1, 1, 1], [2, 3, 1])).toBeNull();
		expect(correctedPointBiserial([0, 0, 0], [2, 3, 1])).toBeNull();
		expect(correctedPointBiserial([1, 0, 1], [1, 0, 1])).toBeNull(); // rest scores all 0: no spread
	});

	it('flags an item everybody got right as too easy, without a discrimination flag', () => {
		const items: AnalysedItem[] = [
			{ id: 1, type: 'true_false', options: ['True', 'False'], answer: 'True' },
			{ id: 2, type: 'true_false', options: ['True', 'False'], answer: 'True' }
		];
		const people = ['a', 'b', 'c', 'd', 'e', 'f'].map((userId, i) => ({
			userId,
			answers: new Map<number, Response>([
				[1, { response: 'True', correct: true }],
				[2, { response: i % 2 ? 'True' : 'False', correct: i % 2 === 1 }]
			])
		}));
		const result = analyseItems(items, people);
		expect(result.items[0].flags).toEqual(['too_easy']);
		expect(result.items[0].pointBiserial).toBeNull();
	});

	it('says "not enough data" below five students and flags nothing', () => {
		const result = analyseItems(ITEMS, students().slice(0, 4));
		expect(result.enoughData).toBe(false);
		expect(result.items.every((i) => i.flags.length === 0)).toBe(true);
		expect(result.items[0].facility).toBe(1);
	});

	it('copes with no students at all', () => {
		const result = analyseItems(ITEMS, []);
		expect(result).toMatchObject({ students: 0, meanTotal: null, enoughData: false });
		expect(result.items[0]).toMatchObject({ facility: null, discrimination: null, pointBiserial: null, answered: 0 });
	});

	it('counts a choice nobody offered as "another answer"', () => {
		const result = analyseItems([ITEMS[0]], [{ userId: 'x', answers: new Map([[1, { response: '2001', correct: false }]]) }]);
		expect(result.items[0].responses.at(-1)).toEqual({ label: 'Another answer', count: 1, correct: false });
	});
});
