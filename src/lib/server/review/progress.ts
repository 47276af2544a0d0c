/**
 * The figures for /review/stats, read with four indexed queries and computed by the pure
 * functions in $lib/study/stats.
 */
import { and, count, eq, gt, gte, lt, sql } from 'drizzle-orm';
import type { DB } from '../db/client';
import { cards, reviewLogs, type User } from '../db/schema';
import { addDays, dayKey, startOfDayKey } from '$lib/study/day';
import {
	cardsByState,
	dueForecast,
	heatMap,
	reviewsPerDay,
	streak,
	trueRetention,
	FORECAST_DAYS,
	RETENTION_DAYS
} from '$lib/study/stats';

/** Reviews are grouped by quarter hour in SQL: every zone's offset is a multiple of 15 minutes. */
const BUCKET_MS = 15 * 60_000;

export function loadProgress(db: DB, user: Pick<User, 'id' | 'timeZone'>, now: Date) {
	const tz = user.timeZone;
	const today = dayKey(now, tz);
	const forecastEnd = startOfDayKey(addDays(today, FORECAST_DAYS), tz);
	const retentionFrom = startOfDayKey(addDays(today, -(RETENTION_DAYS - 1)), tz);

	const dues = db
		.select({ due: cards.due })
		.from(cards)
		.where(and(eq(cards.userId, user.id), gt(cards.state, 0), lt(cards.due, forecastEnd)))
		.all()
		.map((row) => row.due);
	const recent = db
		.select({ state: reviewLogs.state, rating: reviewLogs.rating })
		.from(reviewLogs)
		.where(and(eq(reviewLogs.userId, user.id), gte(reviewLogs.review, retentionFrom), eq(reviewLogs.state, 2)))
		.all();
	const bucket = sql<number>`(${reviewLogs.review} / ${BUCKET_MS}) * ${BUCKET_MS}`;
	const buckets = db
		.select({ at: bucket, count: count() })
		.from(reviewLogs)
		.where(eq(reviewLogs.userId, user.id))
		.groupBy(bucket)
		.all();
	const states = db
		.select({ state: cards.state, count: count() })
		.from(cards)
		.where(eq(cards.userId, user.id))
		.groupBy(cards.state)
		.all();

	const perDay = reviewsPerDay(buckets, tz);
	const cells = heatMap(perDay, now, tz);
	const inMap = cells.filter((c) => !c.future);
	return {
		today,
		forecast: dueForecast(dues, now, tz),
		retention: trueRetention(recent),
		heatmap: {
			cells,
			max: Math.max(0, ...inMap.map((c) => c.count)),
			total: inMap.reduce((n, c) => n + c.count, 0),
			activeDays: inMap.filter((c) => c.count > 0).length
		},
		streak: streak(perDay, now, tz),
		states: cardsByState(states),
		totalReviews: buckets.reduce((n, b) => n + b.count, 0)
	};
}

export type Progress = ReturnType<typeof loadProgress>;
