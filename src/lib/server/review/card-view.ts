import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '../db/client';
import { articles, cards, questions, users, type Card } from '../db/schema';
import { preparedFor } from '../db/prepared';
import { cardFace, type CardFace } from '$lib/study/card-face';
import { previewIntervals, type Rating, type SchedulerParams } from '$lib/study/scheduler';

/** A card as the review page shows it: its face, where it comes from, and the buttons' intervals. */
export type ReviewCardView = {
	cardId: number;
	version: number;
	state: number;
	face: CardFace;
	article: { id: number; title: string };
	/** Milliseconds until the card would come back, for each rating. */
	intervals: Record<Rating, number>;
};

const p = <T extends string>(name: T) => sql.placeholder(name);

// Every review page shows a card: its queries are prepared once per connection.
const queries = preparedFor((db: DB) => ({
	params: db
		.select({ desiredRetention: users.desiredRetention, weights: users.fsrsWeights })
		.from(users)
		.where(eq(users.id, p('userId')))
		.prepare(),
	face: db
		.select({ question: questions, articleId: articles.id, articleTitle: articles.title })
		.from(questions)
		.innerJoin(articles, eq(articles.id, questions.articleId))
		.where(eq(questions.id, p('questionId')))
		.prepare(),
	card: db
		.select()
		.from(cards)
		.where(and(eq(cards.id, p('cardId')), eq(cards.userId, p('userId'))))
		.prepare()
}));

export function schedulerParams(db: DB, userId: string): SchedulerParams {
	const row = queries(db).params.get({ userId });
	return { desiredRetention: row?.desiredRetention ?? 0.9, weights: row?.weights ?? null };
}

export function faceOfQuestion(db: DB, questionId: number): { face: CardFace; article: { id: number; title: string } } | null {
	const row = queries(db).face.get({ questionId });
	if (!row) return null;
	return { face: cardFace(row.question), article: { id: row.articleId, title: row.articleTitle } };
}

export function reviewCardView(db: DB, card: Card, now: Date, params: SchedulerParams): ReviewCardView | null {
	const found = faceOfQuestion(db, card.questionId);
	if (!found) return null;
	return {
		cardId: card.id,
		version: card.version,
		state: card.state,
		face: found.face,
		article: found.article,
		intervals: previewIntervals(card, now, params)
	};
}

/** One of the user's cards by id, or null when it is not theirs. */
export function userCard(db: DB, userId: string, cardId: number): Card | null {
	return queries(db).card.get({ cardId, userId }) ?? null;
}
