/**
 * Rating a card, and undoing the last rating. A rating writes the card and its review log
 * in one short synchronous transaction, and is refused when the card changed since it was
 * shown (its version differs). This is the hot path of the app: prepared queries, no
 * awaits, one indexed lookup of the card by id and user.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DB } from '../db/client';
import { cards, reviewLogs, users, type Card } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { isRating, schedule, type CardState, type Rating } from '$lib/study/scheduler';
import { preparedFor } from '../db/prepared';

export const STALE_CARD_MESSAGE =
	'This card changed since it was shown (perhaps you rated it in another tab), so that rating was not saved. Here it is as it is now.';
export const MAX_DURATION_MS = 60 * 60_000;

const p = <T extends string>(name: T) => sql.placeholder(name);

const statements = (db: DB) => ({
	cardWithSettings: db
		.select({ card: cards, desiredRetention: users.desiredRetention, weights: users.fsrsWeights })
		.from(cards)
		.innerJoin(users, eq(users.id, cards.userId))
		.where(and(eq(cards.id, p('id')), eq(cards.userId, p('userId'))))
		.prepare(),
	card: db
		.select()
		.from(cards)
		.where(and(eq(cards.id, p('id')), eq(cards.userId, p('userId'))))
		.prepare(),
	// The version in the WHERE clause makes the write itself refuse a card changed meanwhile.
	// (Written as SQL: drizzle's update builder takes no placeholders in SET.)
	updateCard: db.$client.prepare<[UpdateParams]>(
		`UPDATE cards SET due = @due, stability = @stability, difficulty = @difficulty, elapsed_days = @elapsedDays,
			scheduled_days = @scheduledDays, learning_steps = @learningSteps, reps = @reps, lapses = @lapses, state = @state,
			last_review = @lastReview, version = version + 1
		WHERE id = @id AND version = @version`
	),
	insertLog: db
		.insert(reviewLogs)
		.values({
			cardId: p('cardId'),
			userId: p('userId'),
			rating: p('rating'),
			state: p('state'),
			due: p('due'),
			stability: p('stability'),
			difficulty: p('difficulty'),
			elapsedDays: p('elapsedDays'),
			lastElapsedDays: p('lastElapsedDays'),
			scheduledDays: p('scheduledDays'),
			learningSteps: p('learningSteps'),
			review: p('review'),
			durationMs: p('durationMs'),
			previousCard: p('previousCard')
		})
		.prepare(),
	newestLog: db
		.select({
			id: reviewLogs.id,
			cardId: reviewLogs.cardId,
			rating: reviewLogs.rating,
			review: reviewLogs.review,
			previousCard: reviewLogs.previousCard
		})
		.from(reviewLogs)
		.where(eq(reviewLogs.userId, p('userId')))
		.orderBy(desc(reviewLogs.review), desc(reviewLogs.id))
		.limit(1)
		.prepare(),
	deleteLog: db.delete(reviewLogs).where(eq(reviewLogs.id, p('id'))).prepare()
});

type Statements = ReturnType<typeof statements>;

// The statements and the two transactions (better-sqlite3's own, run BEGIN IMMEDIATE), per connection.
const prepared = preparedFor((db: DB) => {
	const q = statements(db);
	return {
		rate: db.$client.transaction((input: RatingInput) => rateInTransaction(q, input)),
		undo: db.$client.transaction((userId: string, now: Date) => undoInTransaction(q, userId, now))
	};
});

type UpdateParams = Omit<Record<keyof CardState, number | null>, never> & { id: number; version: number };

/** The named parameters of the card update: times as epoch milliseconds, as stored. */
function updateParams(card: CardState, id: number, version: number): UpdateParams {
	return {
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsedDays,
		scheduledDays: card.scheduledDays,
		learningSteps: card.learningSteps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.lastReview ? card.lastReview.getTime() : null,
		id,
		version
	};
}

export type RatingInput = {
	userId: string;
	cardId: number;
	/** The card version the student was shown. */
	version: number;
	rating: Rating;
	durationMs: number;
	now: Date;
};

/** Parses a rating from form or JSON fields; bad input is a ValidationError. */
export function parseRating(fields: { cardId: unknown; version: unknown; rating: unknown; durationMs?: unknown }) {
	const cardId = wholeNumber(fields.cardId);
	const version = wholeNumber(fields.version);
	const rating = wholeNumber(fields.rating);
	if (cardId === null || cardId < 1) throw new ValidationError('The rating does not name a card.', 'cardId');
	if (version === null) throw new ValidationError('The rating does not say which version of the card was shown.', 'version');
	if (!isRating(rating)) throw new ValidationError('Rate the card 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).', 'rating');
	const duration = wholeNumber(fields.durationMs ?? '0') ?? 0;
	return { cardId, version, rating, durationMs: Math.min(MAX_DURATION_MS, Math.max(0, duration)) };
}

function wholeNumber(value: unknown): number | null {
	// Text must be plain digits: "0x10", "1e3" and "Infinity" are numbers to JavaScript only.
	const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : NaN;
	return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** The card row as stored, for undo: times as epoch milliseconds. */
function snapshot(card: Card): Record<string, unknown> {
	return { ...card, due: card.due.getTime(), lastReview: card.lastReview?.getTime() ?? null, createdAt: card.createdAt.getTime() };
}

function scheduling(previous: Record<string, unknown>): CardState {
	const num = (key: string) => {
		const value = previous[key];
		if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`The saved card has no ${key}`);
		return value;
	};
	return {
		due: new Date(num('due')),
		stability: num('stability'),
		difficulty: num('difficulty'),
		elapsedDays: num('elapsedDays'),
		scheduledDays: num('scheduledDays'),
		learningSteps: num('learningSteps'),
		reps: num('reps'),
		lapses: num('lapses'),
		state: num('state'),
		lastReview: previous.lastReview === null ? null : new Date(num('lastReview'))
	};
}

export type RatingResult = { card: Card; logId: number };

/**
 * Rates the user's card: schedules it with FSRS, writes the card (version + 1) and its
 * review log together. Throws NotFoundError for a card that is not the user's, and
 * ConflictError when `version` is not the card's current version; then nothing is written.
 */
export function rateCard(db: DB, input: RatingInput): RatingResult {
	return prepared(db).rate.immediate(input);
}

function rateInTransaction(q: Statements, input: RatingInput): RatingResult {
	const row = q.cardWithSettings.get({ id: input.cardId, userId: input.userId });
	if (!row) throw new NotFoundError('That card is not in your reviews.');
	const { card } = row;
	if (card.version !== input.version) throw new ConflictError(STALE_CARD_MESSAGE);
	const next = schedule(card, input.rating, input.now, { desiredRetention: row.desiredRetention, weights: row.weights });
	const updated = q.updateCard.run(updateParams(next.card, card.id, card.version));
	if (updated.changes !== 1) throw new ConflictError(STALE_CARD_MESSAGE);
	const log = q.insertLog.run({
		...next.log,
		cardId: card.id,
		userId: input.userId,
		durationMs: input.durationMs,
		previousCard: snapshot(card)
	});
	return { card: { ...card, ...next.card, version: card.version + 1 }, logId: Number(log.lastInsertRowid) };
}

export type UndoResult = { card: Card; rating: number };

/** Undo reaches back one day: enough for a session, not a way to erase one's history. */
export const UNDO_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Undoes the user's newest rating (given in the last day): restores the card as it was
 * before it and deletes the log. Refused (ConflictError) when the card changed since that
 * rating; NotFoundError when there is nothing to undo.
 */
export function undoLastRating(db: DB, userId: string, now: Date): UndoResult {
	return prepared(db).undo.immediate(userId, now);
}

function undoInTransaction(q: Statements, userId: string, now: Date): UndoResult {
	const log = q.newestLog.get({ userId });
	if (!log || log.review.getTime() < now.getTime() - UNDO_WINDOW_MS) throw new NotFoundError('There is no recent rating to undo.');
	const card = q.card.get({ id: log.cardId, userId });
	if (!card) throw new NotFoundError('There is no recent rating to undo.');
	const previous = log.previousCard;
	if (card.version !== Number(previous.version) + 1) throw new ConflictError(UNDO_CONFLICT_MESSAGE);
	const restored = scheduling(previous);
	const updated = q.updateCard.run(updateParams(restored, card.id, card.version));
	if (updated.changes !== 1) throw new ConflictError(UNDO_CONFLICT_MESSAGE);
	q.deleteLog.run({ id: log.id });
	return { card: { ...card, ...restored, version: card.version + 1 }, rating: log.rating };
}

const UNDO_CONFLICT_MESSAGE = 'This card changed after that rating, so the rating can no longer be undone.';
