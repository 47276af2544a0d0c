/**
 * The study day: it starts at 04:00 in the student's IANA time zone (as in Anki), so a
 * late-night session still counts for the day it began. Days are named by keys such as
 * "2026-03-29". Everything here is pure: the instant is passed in.
 *
 * Time-zone arithmetic uses Intl.DateTimeFormat only. Days are 23 or 25 hours long around
 * daylight-saving changes, so day ends are always computed from wall-clock times, never by
 * adding 24 hours.
 */

import { offsetAt, wallClockAt, zonedToInstant, type WallClock } from '../time-zone';

export const DAY_START_HOUR = 4;

const DAY = 24 * 60 * 60_000;

/** The zone's offset from UTC at the instant `ms`, in milliseconds (Berlin in summer: +2 h). */
export const zoneOffset = offsetAt;

/**
 * The instant at which the wall clock in `timeZone` reads the given time. A time skipped by
 * a daylight-saving jump maps to the wall time it would be without the jump (02:30 → 03:30).
 */
export function instantOfWallClock(wall: Omit<WallClock, 'second'>, timeZone: string): Date {
	return zonedToInstant({ ...wall, second: 0 }, timeZone);
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

function keyOf(year: number, month: number, day: number): string {
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parseKey(key: string): { year: number; month: number; day: number } {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
	if (!m) throw new Error(`Not a day key: ${key}`);
	return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The key of the study day containing `date` in `timeZone`, e.g. "2026-03-29". */
export function dayKey(date: Date | number, timeZone: string): string {
	const w = wallClockAt(typeof date === 'number' ? date : date.getTime(), timeZone);
	if (w.hour >= DAY_START_HOUR) return keyOf(w.year, w.month, w.day);
	return addDays(keyOf(w.year, w.month, w.day), -1);
}

/** The key `n` calendar days after (or before, for negative `n`) `key`. */
export function addDays(key: string, n: number): string {
	const { year, month, day } = parseKey(key);
	const d = new Date(Date.UTC(year, month - 1, day + n));
	return keyOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from key `a` to key `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
	const x = parseKey(a);
	const y = parseKey(b);
	return Math.round((Date.UTC(y.year, y.month - 1, y.day) - Date.UTC(x.year, x.month - 1, x.day)) / DAY);
}

/** Day of the week of a key, 0 Monday … 6 Sunday. */
export function weekday(key: string): number {
	const { year, month, day } = parseKey(key);
	return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** When the study day named `key` starts: 04:00 on that date in `timeZone`. */
export function startOfDayKey(key: string, timeZone: string): Date {
	return instantOfWallClock({ ...parseKey(key), hour: DAY_START_HOUR, minute: 0 }, timeZone);
}

/** When the study day containing `now` started. */
export function dayStart(now: Date, timeZone: string): Date {
	return startOfDayKey(dayKey(now, timeZone), timeZone);
}

export type StudyDay = { key: string; start: Date; end: Date };

/** The study day containing `now`: its key, its start and the start of the next one. */
export function studyDay(now: Date, timeZone: string): StudyDay {
	const key = dayKey(now, timeZone);
	return { key, start: startOfDayKey(key, timeZone), end: startOfDayKey(addDays(key, 1), timeZone) };
}
