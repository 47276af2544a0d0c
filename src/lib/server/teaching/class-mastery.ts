/**
 * Predicted recall of review-deck cards, per student: the numbers behind the class
 * mastery heat map and the review columns of the gradebook.
 */
import { and, asc, inArray } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignmentItems, cards, users } from '../db/schema';
import { studentMastery, type CardMemory, type StudentMastery } from '../../teaching/mastery';

export type DeckMastery = {
	assignmentId: number;
	questionIds: number[];
	byStudent: Map<string, StudentMastery>;
};

/** For each review-deck assignment, each listed student's mastery of its cards at `now`. */
export function loadDeckMastery(db: DB, assignmentIds: readonly number[], studentIds: readonly string[], now: Date): DeckMastery[] {
	if (!assignmentIds.length) return [];
	const items = db
		.select({ assignmentId: assignmentItems.assignmentId, questionId: assignmentItems.questionId })
		.from(assignmentItems)
		.where(inArray(assignmentItems.assignmentId, [...assignmentIds]))
		.orderBy(asc(assignmentItems.assignmentId), asc(assignmentItems.position))
		.all();
	const questionIds = [...new Set(items.map((i) => i.questionId))];
	const cardRows =
		studentIds.length && questionIds.length
			? db
					.select()
					.from(cards)
					.where(and(inArray(cards.userId, [...studentIds]), inArray(cards.questionId, questionIds)))
					.all()
			: [];
	const byUser = new Map<string, Map<number, CardMemory>>();
	for (const c of cardRows) {
		const map = byUser.get(c.userId) ?? new Map<number, CardMemory>();
		map.set(c.questionId, c);
		byUser.set(c.userId, map);
	}
	const weights = new Map(
		studentIds.length
			? db
					.select({ id: users.id, w: users.fsrsWeights })
					.from(users)
					.where(inArray(users.id, [...studentIds]))
					.all()
					.map((u) => [u.id, u.w] as const)
			: []
	);
	return assignmentIds.map((assignmentId) => {
		const ids = items.filter((i) => i.assignmentId === assignmentId).map((i) => i.questionId);
		const byStudent = new Map<string, StudentMastery>();
		for (const userId of studentIds) {
			byStudent.set(userId, studentMastery(ids, byUser.get(userId) ?? new Map(), now, weights.get(userId)));
		}
		return { assignmentId, questionIds: ids, byStudent };
	});
}
