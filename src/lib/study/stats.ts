/**
 * Progress figures for /review/stats, computed from plain rows. Pure: the time and the
 * student's time zone are passed in; days are study days (see day.ts).
 */
import { addDays, dayKey, daysBetween, weekday } from './day';

export const FORECAST_DAYS = 30;
export const RETENTION_DAYS = 30;
/** The heat map shows whole weeks, Monday to Sunday, ending with the current one. */
export const HEATMAP_WEEKS = 26;

export type DayCount = { key: string; count: number };

/**
 * Cards coming due on each of the next `days` study days. Cards already due (overdue, or
 * due later today) count for today.
 */
export function dueForecast(dues: readonly (Date | number)[], now: Date, timeZone: string, days = FORECAST_DAYS): DayCount[] {
	const today = dayKey(now, timeZone);
	const out: DayCount[] = Array.from({ length: days }, (_, i) => ({ key: addDays(today, i), count: 0 }));
	for (const due of dues) {
		const offset = Math.max(0, daysBetween(today, dayKey(due, timeZone)));
		if (offset < days) out[offset].count++;
	}
	return out;
}

/**
 * True retention: of the reviews given to cards in the Review state (state 2 before the
 * rating), the share that were not "Again". Learning steps do not count. Null without reviews.
 */
export function trueRetention(logs: readonly { state: number; rating: number }[]): { retention: number | null; reviews: number; passed: number } {
	let reviews = 0;
	let passed = 0;
	for (const log of logs) {
		if (log.state !== 2) continue;
		reviews++;
		if (log.rating !== 1) passed++;
	}
	return { retention: reviews ? passed / reviews : null, reviews, passed };
}

/**
 * Reviews per study day. `buckets` are counts of reviews starting at an instant (the
 * service groups the log by quarter hour: every time zone's offset is a multiple of 15
 * minutes, so a bucket never straddles 04:00).
 */
export function reviewsPerDay(buckets: readonly { at: number; count: number }[], timeZone: string): Map<string, number> {
	const days = new Map<string, number>();
	for (const bucket of buckets) {
		const key = dayKey(bucket.at, timeZone);
		days.set(key, (days.get(key) ?? 0) + bucket.count);
	}
	return days;
}

export type HeatCell = { key: string; count: number; week: number; weekday: number; future: boolean };

/**
 * The cells of a contribution-calendar heat map: `weeks` columns of Monday–Sunday, the last
 * column holding today; days after today are marked `future` (drawn empty).
 */
export function heatMap(perDay: ReadonlyMap<string, number>, now: Date, timeZone: string, weeks = HEATMAP_WEEKS): HeatCell[] {
	const today = dayKey(now, timeZone);
	const firstMonday = addDays(today, -weekday(today) - (weeks - 1) * 7);
	const cells: HeatCell[] = [];
	for (let i = 0; i < weeks * 7; i++) {
		const key = addDays(firstMonday, i);
		cells.push({ key, count: perDay.get(key) ?? 0, week: Math.floor(i / 7), weekday: i % 7, future: key > today });
	}
	return cells;
}

/** Heat levels 0–4 for the map: 0 for none, then quartiles of the busiest day. */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
	if (count <= 0 || max <= 0) return 0;
	return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}

/**
 * Consecutive study days with at least one review, ending today, or yesterday when today
 * has none yet (the streak is not broken until the day is over).
 */
export function streak(perDay: ReadonlyMap<string, number>, now: Date, timeZone: string): number {
	const today = dayKey(now, timeZone);
	let day = (perDay.get(today) ?? 0) > 0 ? today : addDays(today, -1);
	let n = 0;
	while ((perDay.get(day) ?? 0) > 0) {
		n++;
		day = addDays(day, -1);
	}
	return n;
}

export type StateCounts = { new: number; learning: number; review: number; relearning: number };

/** Cards by FSRS state, from (state, count) rows. */
export function cardsByState(rows: readonly { state: number; count: number }[]): StateCounts {
	const out: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0 };
	const names = ['new', 'learning', 'review', 'relearning'] as const;
	for (const row of rows) {
		const name = names[row.state];
		if (name) out[name] += row.count;
	}
	return out;
}
