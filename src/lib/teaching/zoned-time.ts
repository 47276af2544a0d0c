/**
 * Converting between a wall-clock time in a named time zone (what a `datetime-local` input
 * shows a teacher) and an instant (what the database stores). No library: `Intl` knows
 * every zone's offsets, including daylight-saving changes.
 */

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClockAt(instant: number, timeZone: string): WallClock {
	const parts: Record<string, number> = {};
	for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** The zone's offset from UTC at that instant, in milliseconds (east positive). */
export function offsetAt(instant: number, timeZone: string): number {
	const w = wallClockAt(instant, timeZone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

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

/**
 * The instant at which clocks in `timeZone` show the given wall-clock time.
 *
 * Daylight-saving changes make some wall-clock times ambiguous or impossible; like
 * Temporal's "compatible" disambiguation, a time that happens twice (clocks go back) is
 * read as the earlier one, and a time that never happens (clocks go forward) is moved
 * forward by the length of the gap — 02:30 on the morning clocks jump from 02:00 to 03:00
 * becomes 03:30.
 */
export function zonedToInstant(local: WallClock, timeZone: string): Date {
	const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
	// The offsets in force a day either side cover every real transition (none is longer).
	const before = offsetAt(naive - 86_400_000, timeZone);
	const after = offsetAt(naive + 86_400_000, timeZone);
	const candidates = [...new Set([before, after])]
		.map((offset) => naive - offset)
		.filter((instant) => naive - offsetAt(instant, timeZone) === instant)
		.sort((a, b) => a - b);
	if (candidates.length) return new Date(candidates[0]);
	// In a gap: the wall time read with the offset from before the change lands after it.
	return new Date(naive - before);
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
