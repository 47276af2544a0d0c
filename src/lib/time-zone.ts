/**
 * Wall-clock times in named IANA time zones, with `Intl` only (it knows every zone's
 * offsets, daylight-saving changes included). Shared by the study day (reviews) and the
 * teacher's date inputs (assignments).
 */

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** What clocks in `timeZone` show at the instant. */
export function wallClockAt(instant: number, timeZone: string): WallClock {
	const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
	for (const part of formatterFor(timeZone).formatToParts(instant)) {
		if (part.type in out) out[part.type as keyof WallClock] = Number(part.value);
	}
	// Some engines print midnight as 24 even with h23; it is 0 of the same day.
	if (out.hour === 24) out.hour = 0;
	return out;
}

/** The zone's offset from UTC at that instant, in milliseconds (east positive: Berlin in summer +2 h). */
export function offsetAt(instant: number, timeZone: string): number {
	const w = wallClockAt(instant, timeZone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
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
