/**
 * Converting between a wall-clock time in a named time zone (what a `datetime-local` input
 * shows a teacher) and an instant (what the database stores). No library: `Intl` knows
 * every zone's offsets, including daylight-saving changes.
 */

import { offsetAt, wallClockAt, zonedToInstant, type WallClock } from '../time-zone';

export { offsetAt, zonedToInstant };

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Parses "2026-03-29T09:30" into its fields, or null when it is not such a string or not a real date. */
export function parseLocalInput(value: string): WallClock | null {
	const m = LOCAL_INPUT.exec(value.trim());
	if (!m) return null;
	const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
	const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		return null;
	}
	return { year, month, day, hour, minute, second };
}

/** "2026-03-29T09:30" typed in `timeZone` → the instant, or null when the text is not a date-time. */
export function localInputToDate(value: string, timeZone: string): Date | null {
	const local = parseLocalInput(value);
	return local ? zonedToInstant(local, timeZone) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value for a `datetime-local` input showing `instant` in `timeZone`: "2026-03-29T09:30". */
export function dateToLocalInput(instant: Date, timeZone: string): string {
	const w = wallClockAt(instant.getTime(), timeZone);
	return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
