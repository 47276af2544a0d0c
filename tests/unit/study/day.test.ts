import { describe, expect, it } from 'vitest';
import { addDays, dayKey, dayStart, daysBetween, instantOfWallClock, startOfDayKey, studyDay, weekday, zoneOffset } from '../../../src/lib/study/day';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('study days start at 04:00 local time', () => {
	it('UTC: 03:59 belongs to the day before, 04:00 starts the day', () => {
		expect(dayKey(at('2026-05-06T03:59:59Z'), 'UTC')).toBe('2026-05-05');
		expect(dayKey(at('2026-05-06T04:00:00Z'), 'UTC')).toBe('2026-05-06');
		expect(iso(dayStart(at('2026-05-06T03:59:59Z'), 'UTC'))).toBe('2026-05-05T04:00:00.000Z');
		expect(iso(dayStart(at('2026-05-06T23:00:00Z'), 'UTC'))).toBe('2026-05-06T04:00:00.000Z');
	});

	it('Europe/Berlin, spring forward on 2026-03-29 (02:00 CET → 03:00 CEST): a 23-hour day', () => {
		const day = studyDay(at('2026-03-29T12:00:00Z'), 'Europe/Berlin');
		expect(day.key).toBe('2026-03-29');
		// 04:00 CEST is 02:00 UTC; the day before started at 04:00 CET = 03:00 UTC.
		expect(iso(day.start)).toBe('2026-03-29T02:00:00.000Z');
		expect(iso(day.end)).toBe('2026-03-30T02:00:00.000Z');
		const before = studyDay(at('2026-03-29T01:30:00Z'), 'Europe/Berlin'); // 03:30 CEST, just after the jump
		expect(before.key).toBe('2026-03-28');
		expect(iso(before.start)).toBe('2026-03-28T03:00:00.000Z');
		expect(before.end.getTime() - before.start.getTime()).toBe(23 * 3_600_000);
		expect(iso(before.end)).toBe(iso(day.start));
	});

	it('Europe/Berlin, fall back on 2026-10-25 (03:00 CEST → 02:00 CET): a 25-hour day', () => {
		const day = studyDay(at('2026-10-25T01:30:00Z'), 'Europe/Berlin'); // 02:30 CET, after the hour repeats
		expect(day.key).toBe('2026-10-24');
		expect(iso(day.start)).toBe('2026-10-24T02:00:00.000Z'); // 04:00 CEST
		expect(iso(day.end)).toBe('2026-10-25T03:00:00.000Z'); // 04:00 CET
		expect(day.end.getTime() - day.start.getTime()).toBe(25 * 3_600_000);
		expect(dayKey(at('2026-10-25T02:59:59Z'), 'Europe/Berlin')).toBe('2026-10-24');
		expect(dayKey(at('2026-10-25T03:00:00Z'), 'Europe/Berlin')).toBe('2026-10-25');
	});

	it('America/New_York across its own change on 2026-03-08', () => {
		// 04:00 EST (UTC−5) on the 7th; 04:00 EDT (UTC−4) on the 8th.
		expect(iso(startOfDayKey('2026-03-07', 'America/New_York'))).toBe('2026-03-07T09:00:00.000Z');
		expect(iso(startOfDayKey('2026-03-08', 'America/New_York'))).toBe('2026-03-08T08:00:00.000Z');
		expect(dayKey(at('2026-03-08T07:59:00Z'), 'America/New_York')).toBe('2026-03-07');
		expect(dayKey(at('2026-03-08T08:00:00Z'), 'America/New_York')).toBe('2026-03-08');
		// A late-night session on Saturday is still Saturday's study.
		expect(dayKey(at('2026-03-08T06:30:00Z'), 'America/New_York')).toBe('2026-03-07');
	});

	it('Pacific/Auckland: ahead of UTC, so the study day starts on the previous UTC date', () => {
		// NZDT (UTC+13) until 2026-04-05, then NZST (UTC+12).
		expect(iso(startOfDayKey('2026-01-15', 'Pacific/Auckland'))).toBe('2026-01-14T15:00:00.000Z');
		expect(iso(startOfDayKey('2026-06-15', 'Pacific/Auckland'))).toBe('2026-06-14T16:00:00.000Z');
		expect(dayKey(at('2026-01-14T14:59:00Z'), 'Pacific/Auckland')).toBe('2026-01-14');
		expect(dayKey(at('2026-01-14T15:00:00Z'), 'Pacific/Auckland')).toBe('2026-01-15');
		// The clocks go back at 03:00 NZDT on Sunday 5 April, inside the study day of the 4th,
		// which runs from 04:00 NZDT on the 4th to 04:00 NZST on the 5th: 25 hours.
		const change = studyDay(at('2026-04-04T12:00:00Z'), 'Pacific/Auckland'); // 01:00 NZDT on the 5th
		expect(change.key).toBe('2026-04-04');
		expect(iso(change.start)).toBe('2026-04-03T15:00:00.000Z');
		expect(iso(change.end)).toBe('2026-04-04T16:00:00.000Z');
		expect(change.end.getTime() - change.start.getTime()).toBe(25 * 3_600_000);
	});

	it('Asia/Kolkata: a half-hour offset, no daylight saving', () => {
		expect(iso(startOfDayKey('2026-07-01', 'Asia/Kolkata'))).toBe('2026-06-30T22:30:00.000Z');
		expect(dayKey(at('2026-06-30T22:29:59Z'), 'Asia/Kolkata')).toBe('2026-06-30');
		expect(dayKey(at('2026-06-30T22:30:00Z'), 'Asia/Kolkata')).toBe('2026-07-01');
		expect(zoneOffset(at('2026-07-01T00:00:00Z').getTime(), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
	});

	it('maps a wall time skipped by spring forward past the gap', () => {
		const t = instantOfWallClock({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin');
		expect(iso(t)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
	});
});

describe('day keys', () => {
	it('adds days across months, years and leap days', () => {
		expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
		expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
	});

	it('knows the weekday, Monday first', () => {
		expect(weekday('2026-03-30')).toBe(0); // a Monday
		expect(weekday('2026-03-29')).toBe(6); // a Sunday
	});
});
