/**
 * Cram mode: practise a deck without touching its schedule. Nothing here writes: no card,
 * no review log. A student may cram a set they own (its approved questions) or any set
 * they have cards for (the questions they have cards for).
 */
import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import type { DB } from '../db/client';
import { cards, questionSets, questions, setItems } from '../db/schema';
import { NotFoundError } from '../errors';
import { preparedFor } from '../db/prepared';

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

// The same rule as `crammable`, written from the user's side: the questions they have cards
// for and the approved questions of the sets they own, each found by an index, instead of
// testing every set item of the school (which took milliseconds on the bench's school).
const DECKS_SQL = `SELECT qs.id AS id, qs.title AS title, count(*) AS cards
	FROM (
		SELECT si.set_id, si.question_id FROM cards c JOIN set_items si ON si.question_id = c.question_id WHERE c.user_id = @userId
		UNION
		SELECT si.set_id, si.question_id FROM question_sets s JOIN set_items si ON si.set_id = s.id JOIN questions q ON q.id = si.question_id
		WHERE s.owner_id = @userId AND q.status = 'approved'
	) AS item
	JOIN question_sets qs ON qs.id = item.set_id
	GROUP BY qs.id
	ORDER BY qs.title, qs.id`;

const decksQuery = preparedFor((db: DB) => db.$client.prepare<[{ userId: string }], CramDeckSummary>(DECKS_SQL));

/** The sets the user can cram, with how many cards each holds for them. */
export function crammableDecks(db: DB, userId: string): CramDeckSummary[] {
	return decksQuery(db).all({ userId });
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
