/**
 * Item analysis of a quiz: how hard each question was and how well it separated students
 * who know the material from those who do not.
 *
 * Whose answers: each student's FIRST submitted attempt. Later attempts come after the
 * feedback of the first one, so they measure what the quiz itself taught, not what the
 * student knew; the gradebook, by contrast, shows the best score.
 *
 * Notation: N students; x_si = 1 when student s answered item i correctly, else 0 (an item
 * left unanswered counts 0, since it was put to the student); T_s = Σ_i x_si, the total.
 *
 * - Facility: p_i = (number correct) / (number who answered item i). Unanswered items are
 *   left out of this share only.
 *
 * - Discrimination index (Kelley's upper–lower 27 %): with group size n = max(1, round(0.27·N))
 *   (round half up; N = 10 gives n = 3), the upper group is the n students with the highest
 *   totals T_s and the lower group the n with the lowest. Ties at a group's edge are shared:
 *   when m places are left and k > m students have the same total, each of the k counts with
 *   weight m/k. Then
 *       p_U = Σ_{s∈U} w_s·x_si / n,   p_L = Σ_{s∈L} w_s·x_si / n,   D_i = p_U − p_L.
 *   The groups are formed on the total including the item (the usual rule; the groups are
 *   the same for every item). D needs N ≥ 2.
 *
 * - Point-biserial correlation, CORRECTED: the item is left out of the total, so an item
 *   does not correlate with itself (with a handful of items the uncorrected value is
 *   inflated). With the rest score R_s = T_s − x_si,
 *       r_pb = (M_1 − M_0) / s_R · √(p·q)
 *   where M_1 and M_0 are the mean rest scores of the students who got the item right and
 *   wrong, s_R is the population standard deviation (divide by N) of the rest scores,
 *   p = Σ_s x_si / N (unanswered = wrong) and q = 1 − p. Undefined (null) when everybody or
 *   nobody got it right, or when s_R = 0.
 *
 * - Flags, only with at least MIN_STUDENTS students (below that: "not enough data"):
 *   too easy when p > 0.9; too hard when p < 0.2; discriminates badly when the item was
 *   answered both right and wrong and D < 0.2 or r_pb < 0.15. The thresholds are the usual
 *   classroom rules of thumb (Ebel's D ≥ 0.2 "acceptable"; r_pb ≥ 0.15 in common
 *   item-analysis reports) and are exported so the page can state them.
 *
 * - Options: for choice questions, how many students chose each option; for typed and
 *   ordering questions, the most common answers given.
 */
import type { QuestionType } from '../server/db/schema';
import { normaliseAnswer } from '../study/answers';

export const THRESHOLDS = {
	minStudents: 5,
	tooEasyAbove: 0.9,
	tooHardBelow: 0.2,
	minDiscrimination: 0.2,
	minPointBiserial: 0.15,
	groupShare: 0.27
} as const;

export type ItemFlag = 'too_easy' | 'too_hard' | 'low_discrimination';

export type AnalysedItem = {
	id: number;
	type: QuestionType;
	options: string[] | null;
	answer: string | string[];
};

export type Response = { response: string | string[]; correct: boolean };

/** One student's first submitted attempt: their answers by question id (absent = not answered). */
export type StudentAnswers = { userId: string; answers: ReadonlyMap<number, Response> };

export type ResponseCount = { label: string; count: number; correct: boolean };

export type ItemStats = {
	id: number;
	answered: number;
	correct: number;
	/** Correct / answered; null when nobody answered. */
	facility: number | null;
	/** p_upper − p_lower; null with fewer than two students. */
	discrimination: number | null;
	/** Corrected point-biserial; null when undefined. */
	pointBiserial: number | null;
	/** Every option of a choice question (count may be 0), or the most common typed answers. */
	responses: ResponseCount[];
	/** Students who did not answer this item. */
	unanswered: number;
	flags: ItemFlag[];
};

export type ItemAnalysis = {
	students: number;
	/** n, the size of the upper and of the lower group. */
	groupSize: number;
	meanTotal: number | null;
	enoughData: boolean;
	items: ItemStats[];
};

const CHOICE_TYPES: ReadonlySet<QuestionType> = new Set(['multiple_choice', 'who_said', 'true_false']);
const MAX_TYPED_RESPONSES = 6;

/** Group weights for the top `n` places of `order`, sharing places equally within tied totals. */
export function groupWeights(order: readonly { userId: string; total: number }[], n: number): Map<string, number> {
	const weights = new Map<string, number>();
	let left = n;
	let i = 0;
	while (left > 0 && i < order.length) {
		let j = i;
		while (j < order.length && order[j].total === order[i].total) j++;
		const tied = j - i;
		const weight = tied <= left ? 1 : left / tied;
		for (let k = i; k < j; k++) weights.set(order[k].userId, weight);
		left -= Math.min(tied, left);
		i = j;
	}
	return weights;
}

export function groupSize(students: number): number {
	return Math.max(1, Math.round(THRESHOLDS.groupShare * students));
}

function mean(values: readonly number[]): number {
	return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Population standard deviation (divides by N). */
export function populationSd(values: readonly number[]): number {
	const m = mean(values);
	return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

/** Corrected point-biserial of item scores `x` (0/1) against totals `t` that include them. */
export function correctedPointBiserial(x: readonly number[], t: readonly number[]): number | null {
	const rest = t.map((total, s) => total - x[s]);
	const right = rest.filter((_, s) => x[s] === 1);
	const wrong = rest.filter((_, s) => x[s] === 0);
	if (!right.length || !wrong.length) return null;
	const sd = populationSd(rest);
	if (sd === 0) return null;
	const p = right.length / x.length;
	return ((mean(right) - mean(wrong)) / sd) * Math.sqrt(p * (1 - p));
}

function responseLabel(response: string | string[]): string {
	return Array.isArray(response) ? response.join(' → ') : response.trim();
}

function countResponses(item: AnalysedItem, given: Response[]): ResponseCount[] {
	if (CHOICE_TYPES.has(item.type) && item.options) {
		const counts = item.options.map((option) => ({ label: option, count: 0, correct: option === item.answer }));
		const other: ResponseCount = { label: 'Another answer', count: 0, correct: false };
		for (const g of given) {
			const text = responseLabel(g.response);
			const hit =
				counts.find((c) => c.label === text) ?? counts.find((c) => normaliseAnswer(c.label) === normaliseAnswer(text));
			if (hit) hit.count++;
			else other.count++;
		}
		return other.count ? [...counts, other] : counts;
	}
	// Typed answers: group the ones that differ only in case, accents or punctuation.
	const groups = new Map<string, ResponseCount>();
	for (const g of given) {
		const label = responseLabel(g.response);
		const key = `${g.correct}|${Array.isArray(g.response) ? label : normaliseAnswer(label)}`;
		const group = groups.get(key) ?? { label, count: 0, correct: g.correct };
		group.count++;
		groups.set(key, group);
	}
	return [...groups.values()]
		.sort((a, b) => b.count - a.count || Number(b.correct) - Number(a.correct) || a.label.localeCompare(b.label))
		.slice(0, MAX_TYPED_RESPONSES);
}

export function analyseItems(items: readonly AnalysedItem[], students: readonly StudentAnswers[]): ItemAnalysis {
	const N = students.length;
	const n = groupSize(N);
	const score = (s: StudentAnswers, id: number) => (s.answers.get(id)?.correct ? 1 : 0);
	const totals = students.map((s) => items.reduce((sum, item) => sum + score(s, item.id), 0));
	const ranked = students.map((s, i) => ({ userId: s.userId, total: totals[i] }));
	const upper = groupWeights([...ranked].sort((a, b) => b.total - a.total), n);
	const lower = groupWeights([...ranked].sort((a, b) => a.total - b.total), n);
	const enoughData = N >= THRESHOLDS.minStudents;

	const stats = items.map((item): ItemStats => {
		const x = students.map((s) => score(s, item.id));
		const given = students.flatMap((s) => {
			const r = s.answers.get(item.id);
			return r ? [r] : [];
		});
		const correct = given.filter((g) => g.correct).length;
		const facility = given.length ? correct / given.length : null;
		let discrimination: number | null = null;
		if (N >= 2) {
			const share = (weights: Map<string, number>) =>
				students.reduce((sum, s, i) => sum + (weights.get(s.userId) ?? 0) * x[i], 0) / n;
			discrimination = share(upper) - share(lower);
		}
		const pointBiserial = N >= 2 ? correctedPointBiserial(x, totals) : null;
		const flags: ItemFlag[] = [];
		if (enoughData && facility !== null) {
			if (facility > THRESHOLDS.tooEasyAbove) flags.push('too_easy');
			if (facility < THRESHOLDS.tooHardBelow) flags.push('too_hard');
			const mixed = x.includes(1) && x.includes(0);
			if (
				mixed &&
				((discrimination !== null && discrimination < THRESHOLDS.minDiscrimination) ||
					(pointBiserial !== null && pointBiserial < THRESHOLDS.minPointBiserial))
			) {
				flags.push('low_discrimination');
			}
		}
		return {
			id: item.id,
			answered: given.length,
			correct,
			facility,
			discrimination,
			pointBiserial,
			responses: countResponses(item, given),
			unanswered: N - given.length,
			flags
		};
	});

	return { students: N, groupSize: n, meanTotal: N ? mean(totals) : null, enoughData, items: stats };
}

export const FLAG_LABELS: Record<ItemFlag, string> = {
	too_easy: 'Too easy',
	too_hard: 'Too hard',
	low_discrimination: 'Discriminates badly'
};
