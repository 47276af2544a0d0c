/**
 * Class mastery: how likely a student is to recall each assigned card today, from the
 * card's FSRS memory state. FSRS's forgetting curve gives the retrievability
 *     R(t) = (1 + factor · t / S)^(−decay)
 * for a card with stability S last reviewed t whole days ago (ts-fsrs's
 * `get_retrievability`, with the student's own fitted parameters when they have them).
 * A card never reviewed — or missing — is not known yet: its recall counts as 0.
 */
import { fsrs, type FSRS } from 'ts-fsrs';
import type { Card } from '../server/db/schema';
import { toFsrsCard } from '../study/scheduler';

export type CardMemory = Pick<
	Card,
	'due' | 'stability' | 'difficulty' | 'elapsedDays' | 'scheduledDays' | 'learningSteps' | 'reps' | 'lapses' | 'state' | 'lastReview'
>;

const schedulers = new Map<string, FSRS>();
function schedulerFor(weights: readonly number[] | null | undefined): FSRS {
	const key = weights?.length ? weights.join(',') : 'default';
	let f = schedulers.get(key);
	if (!f) {
		f = fsrs(weights?.length ? { w: [...weights] } : {});
		schedulers.set(key, f);
	}
	return f;
}

/** Predicted recall (0..1) of a card at `now`; 0 for a card never reviewed. */
export function retrievability(card: CardMemory | null | undefined, now: Date, weights?: readonly number[] | null): number {
	if (!card || card.state === 0 || !card.lastReview) return 0;
	const r = schedulerFor(weights).get_retrievability(
		toFsrsCard(card),
		now,
		false
	);
	return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}

export type StudentMastery = {
	/** Mean predicted recall over every assigned card (unstudied cards count 0). */
	mastery: number;
	/** Assigned cards reviewed at least once. */
	reviewed: number;
	total: number;
	/** Predicted recall per question id; null for a card not studied yet (counted as 0 in `mastery`). */
	perQuestion: Map<number, number | null>;
};

/** One student's mastery of the assigned questions, given their cards by question id. */
export function studentMastery(
	questionIds: readonly number[],
	cardsByQuestion: ReadonlyMap<number, CardMemory>,
	now: Date,
	weights?: readonly number[] | null
): StudentMastery {
	const perQuestion = new Map<number, number | null>();
	let reviewed = 0;
	for (const id of questionIds) {
		const card = cardsByQuestion.get(id);
		const studied = !!card && card.state !== 0 && !!card.lastReview;
		if (studied) reviewed++;
		perQuestion.set(id, studied ? retrievability(card, now, weights) : null);
	}
	const values = [...perQuestion.values()].map((v) => v ?? 0);
	return {
		mastery: values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0,
		reviewed,
		total: questionIds.length,
		perQuestion
	};
}
