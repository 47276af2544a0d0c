/**
 * Cram mode: practise a deck without touching its schedule. Nothing here writes: no card,
 * no review log. A student may cram a set they own (its approved questions) or any set
 * they have cards for (the questions they have cards for).
 */
import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import type { DB } from '../db/client';
import { cards, questionSets, questions, setItems } from '../db/schema';
import { NotFoundError } from '../errors';

export type CramDeckSummary = { id: number; title: string; cards: number };

/** The rule for which questions of a set the user may cram (see the file comment). */
function crammable(userId: string) {
	return or(
		and(eq(questionSets.ownerId, userId), eq(questions.status, 'approved')),
		exists(
			sql`(SELECT 1 FROM ${cards} WHERE ${cards.userId} = ${userId} AND ${cards.questionId} = ${setItems.questionId})`
		)
	);
}

/** The sets the user can cram, with how many cards each holds for them. */
export function crammableDecks(db: DB, userId: string): CramDeckSummary[] {
	return db
		.select({ id: questionSets.id, title: questionSets.title, cards: sql<number>`count(*)` })
		.from(questionSets)
		.innerJoin(setItems, eq(setItems.setId, questionSets.id))
		.innerJoin(questions, eq(questions.id, setItems.questionId))
		.where(crammable(userId))
		.groupBy(questionSets.id)
		.orderBy(asc(questionSets.title), asc(questionSets.id))
		.all();
}

export type CramDeck = { id: number; title: string; questionIds: number[] };

/** The set's crammable questions in set order; NotFoundError when the user may not cram it. */
export function cramDeck(db: DB, userId: string, setId: number): CramDeck {
	const set = db.select({ id: questionSets.id, title: questionSets.title }).from(questionSets).where(eq(questionSets.id, setId)).get();
	if (!set) throw new NotFoundError('There is no such deck.');
	const rows = db
		.select({ id: questions.id })
		.from(setItems)
		.innerJoin(questionSets, eq(questionSets.id, setItems.setId))
		.innerJoin(questions, eq(questions.id, setItems.questionId))
		.where(and(eq(setItems.setId, setId), crammable(userId)))
		.orderBy(asc(setItems.position), asc(setItems.questionId))
		.all();
	// Someone else's set with none of your cards in it: as if it did not exist.
	if (!rows.length) throw new NotFoundError('There is no such deck.');
	return { ...set, questionIds: rows.map((r) => r.id) };
}
