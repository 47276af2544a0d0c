/**
 * Today's review queue. What is due, in the order it is shown:
 *
 * 1. learning and relearning cards whose step is due now (they are never held back by a
 *    limit: a card half-way through its steps has to finish them);
 * 2. review cards due today — before the next 04:00 in the student's time zone, as in
 *    Anki — oldest first, up to the daily review limit minus reviews already given today;
 * 3. new cards, oldest first, up to the new-card limit minus cards introduced today (today's
 *    review logs whose state before the rating was New);
 * 4. when nothing else is left, learning cards due within the next 20 minutes, so a
 *    session does not stop just short of a step.
 *
 * Every query is prepared and answered from the (user, state, due) index.
 */
import { and, asc, count, eq, gte, gt, inArray, lt, lte, min, sql } from 'drizzle-orm';
import type { DB } from '../db/client';
import { cards, reviewLogs, type Card, type User } from '../db/schema';
import { dayKey, startOfDayKey, studyDay } from '$lib/study/day';
import { preparedFor } from '../db/prepared';

/** What the queue needs to know about the student. */
export type StudyUser = Pick<User, 'id' | 'timeZone' | 'newPerDay' | 'reviewsPerDay'>;

export const LEARN_AHEAD_MS = 20 * 60_000;

const STATE_NEW = 0;
const STATE_REVIEW = 2;
const LEARNING_STATES = [1, 3];

const p = <T extends string>(name: T) => sql.placeholder(name);

// Counting stops at the limit: only "how many are left today" is ever shown.
const REVIEW_COUNT_SQL = `SELECT count(*) AS n FROM (SELECT 1 FROM cards WHERE user_id = ? AND state = 2 AND due < ? LIMIT ?)`;
const NEW_COUNT_SQL = `SELECT count(*) AS n FROM (SELECT 1 FROM cards WHERE user_id = ? AND state = 0 LIMIT ?)`;

/** The queue's queries, unprepared (prepared below; listed for EXPLAIN QUERY PLAN in tests). */
function queries(db: DB) {
	return {
		doneToday: db
			.select({
				newDone: sql<number>`coalesce(sum(${reviewLogs.state} = 0), 0)`,
				reviewsDone: sql<number>`coalesce(sum(${reviewLogs.state} = 2), 0)`
			})
			.from(reviewLogs)
			.where(and(eq(reviewLogs.userId, p('userId')), gte(reviewLogs.review, p('dayStart')))),
		learningCount: db
			.select({ n: count() })
			.from(cards)
			.where(and(eq(cards.userId, p('userId')), inArray(cards.state, LEARNING_STATES), lte(cards.due, p('until')))),
		firstLearning: db
			.select()
			.from(cards)
			.where(and(eq(cards.userId, p('userId')), inArray(cards.state, LEARNING_STATES), lte(cards.due, p('until'))))
			.orderBy(asc(cards.due), asc(cards.id))
			.limit(1),
		firstReview: db
			.select()
			.from(cards)
			.where(and(eq(cards.userId, p('userId')), eq(cards.state, STATE_REVIEW), lt(cards.due, p('dayEnd'))))
			.orderBy(asc(cards.due), asc(cards.id))
			.limit(1),
		firstNew: db
			.select()
			.from(cards)
			.where(and(eq(cards.userId, p('userId')), eq(cards.state, STATE_NEW)))
			.orderBy(asc(cards.due), asc(cards.id))
			.limit(1),
		nextLearning: db
			.select({ due: min(cards.due) })
			.from(cards)
			.where(and(eq(cards.userId, p('userId')), inArray(cards.state, LEARNING_STATES), gt(cards.due, p('after')))),
		nextReview: db
			.select({ due: min(cards.due) })
			.from(cards)
			.where(and(eq(cards.userId, p('userId')), eq(cards.state, STATE_REVIEW), gte(cards.due, p('from'))))
	};
}

/** The SQL of every queue query, to check with EXPLAIN QUERY PLAN that each uses an index. */
export function queueSql(db: DB): { name: string; sql: string }[] {
	const built = Object.entries(queries(db)).map(([name, query]) => ({ name, sql: query.toSQL().sql }));
	return [...built, { name: 'reviewCount', sql: REVIEW_COUNT_SQL }, { name: 'newCount', sql: NEW_COUNT_SQL }];
}

const prepared = preparedFor((db: DB) => {
	const q = queries(db);
	return {
		doneToday: q.doneToday.prepare(),
		learningCount: q.learningCount.prepare(),
		firstLearning: q.firstLearning.prepare(),
		firstReview: q.firstReview.prepare(),
		firstNew: q.firstNew.prepare(),
		nextLearning: q.nextLearning.prepare(),
		nextReview: q.nextReview.prepare(),
		reviewCount: db.$client.prepare<[string, number, number], { n: number }>(REVIEW_COUNT_SQL),
		newCount: db.$client.prepare<[string, number], { n: number }>(NEW_COUNT_SQL)
	};
});

export type QueueCounts = {
	/** New cards still to introduce today. */
	new: number;
	/** Learning and relearning cards due now or within the learn-ahead window. */
	learning: number;
	/** Review cards due today, within what is left of the daily limit. */
	review: number;
	/** Limits left for today, after what was already done. */
	newLeft: number;
	reviewsLeft: number;
};

type Today = { now: number; dayStart: number; dayEnd: number; newLeft: number; reviewsLeft: number };

function today(db: DB, user: StudyUser, now: Date): Today {
	const day = studyDay(now, user.timeZone);
	const done = prepared(db).doneToday.get({ userId: user.id, dayStart: day.start.getTime() });
	return {
		now: now.getTime(),
		dayStart: day.start.getTime(),
		dayEnd: day.end.getTime(),
		newLeft: Math.max(0, user.newPerDay - (done?.newDone ?? 0)),
		reviewsLeft: Math.max(0, user.reviewsPerDay - (done?.reviewsDone ?? 0))
	};
}

function countsFor(db: DB, user: StudyUser, t: Today): QueueCounts {
	const q = prepared(db);
	return {
		learning: q.learningCount.get({ userId: user.id, until: t.now + LEARN_AHEAD_MS })?.n ?? 0,
		review: t.reviewsLeft > 0 ? (q.reviewCount.get(user.id, t.dayEnd, t.reviewsLeft)?.n ?? 0) : 0,
		new: t.newLeft > 0 ? (q.newCount.get(user.id, t.newLeft)?.n ?? 0) : 0,
		newLeft: t.newLeft,
		reviewsLeft: t.reviewsLeft
	};
}

/** How many cards are left today, by kind. The dashboard shows these too. */
export function queueCounts(db: DB, user: StudyUser, now: Date): QueueCounts {
	return countsFor(db, user, today(db, user, now));
}

export type QueueHead = { card: Card | null; counts: QueueCounts };

/** The card to show next (or null when the day's work is done) and what is left. */
export function nextCard(db: DB, user: StudyUser, now: Date): QueueHead {
	const q = prepared(db);
	const t = today(db, user, now);
	const counts = countsFor(db, user, t);
	const learning = q.firstLearning.get({ userId: user.id, until: t.now + LEARN_AHEAD_MS }) ?? null;
	if (learning && learning.due.getTime() <= t.now) return { card: learning, counts };
	if (t.reviewsLeft > 0) {
		const review = q.firstReview.get({ userId: user.id, dayEnd: t.dayEnd });
		if (review) return { card: review, counts };
	}
	if (t.newLeft > 0) {
		const fresh = q.firstNew.get({ userId: user.id });
		if (fresh) return { card: fresh, counts };
	}
	return { card: learning, counts };
}

export type WhatsNext = {
	/** When the next card becomes available (learning step, or the study day a review falls on). */
	nextAt: Date | null;
	/** Cards held back by today's limits. */
	reviewsWaiting: number;
	newWaiting: number;
};

/** For the "All done for today" screen: when more comes, and what the limits held back. */
export function whatsNext(db: DB, user: StudyUser, now: Date): WhatsNext {
	const q = prepared(db);
	const t = today(db, user, now);
	const reviewsWaiting = t.reviewsLeft > 0 ? 0 : (q.reviewCount.get(user.id, t.dayEnd, LOTS)?.n ?? 0);
	const newWaiting = t.newLeft > 0 ? 0 : (q.newCount.get(user.id, LOTS)?.n ?? 0);
	const candidates: number[] = [];
	// A learning card is shown once its step is within the learn-ahead window.
	const learning = q.nextLearning.get({ userId: user.id, after: t.now + LEARN_AHEAD_MS })?.due;
	if (learning) candidates.push(learning.getTime() - LEARN_AHEAD_MS);
	// Held back by a limit: the limits start afresh with the next study day.
	if (reviewsWaiting > 0 || newWaiting > 0) candidates.push(t.dayEnd);
	// A review card is shown from the start of the study day it falls due on.
	const review = q.nextReview.get({ userId: user.id, from: t.dayEnd })?.due;
	if (review) candidates.push(startOfDayKey(dayKey(review, user.timeZone), user.timeZone).getTime());
	return { nextAt: candidates.length ? new Date(Math.min(...candidates)) : null, reviewsWaiting, newWaiting };
}

const LOTS = 1_000_000;
