import { describe, expect, it } from 'vitest';
import { dateToLocalInput, localInputToDate, parseLocalInput } from '../../../src/lib/teaching/zoned-time';

const at = (value: string, zone: string) => localInputToDate(value, zone)?.toISOString();

describe('wall-clock times in a time zone', () => {
	it('converts ordinary times, east and west of UTC', () => {
		expect(at('2026-01-15T09:30', 'UTC')).toBe('2026-01-15T09:30:00.000Z');
		expect(at('2026-01-15T09:30', 'Europe/Berlin')).toBe('2026-01-15T08:30:00.000Z');
		expect(at('2026-07-15T09:30', 'Europe/Berlin')).toBe('2026-07-15T07:30:00.000Z');
		expect(at('2026-07-15T09:30', 'America/New_York')).toBe('2026-07-15T13:30:00.000Z');
		expect(at('2026-07-15T09:30', 'Asia/Kolkata')).toBe('2026-07-15T04:00:00.000Z');
		expect(at('2026-07-15T23:30', 'Pacific/Auckland')).toBe('2026-07-15T11:30:00.000Z');
	});

	it('handles the day clocks go forward (Europe/London, 29 March 2026)', () => {
		// 00:30 is still GMT; 01:00–02:00 does not exist; 02:30 is BST.
		expect(at('2026-03-29T00:30', 'Europe/London')).toBe('2026-03-29T00:30:00.000Z');
		expect(at('2026-03-29T02:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
		// A time in the gap moves forward by the gap's length: 01:30 → 02:30 BST.
		expect(at('2026-03-29T01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
	});

	it('handles the day clocks go back (America/New_York, 1 November 2026)', () => {
		// 01:30 happens twice (EDT, then EST); the earlier one is meant.
		expect(at('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
		expect(at('2026-11-01T00:30', 'America/New_York')).toBe('2026-11-01T04:30:00.000Z');
		expect(at('2026-11-01T03:00', 'America/New_York')).toBe('2026-11-01T08:00:00.000Z');
	});

	it('handles the southern hemisphere (Australia/Sydney, clocks forward 4 October 2026)', () => {
		expect(at('2026-10-04T01:59', 'Australia/Sydney')).toBe('2026-10-03T15:59:00.000Z');
		expect(at('2026-10-04T03:00', 'Australia/Sydney')).toBe('2026-10-03T16:00:00.000Z');
	});

	it('shows an instant as the datetime-local value in the zone, and back again', () => {
		const instant = new Date('2026-03-29T01:30:00Z');
		expect(dateToLocalInput(instant, 'Europe/London')).toBe('2026-03-29T02:30');
		expect(dateToLocalInput(instant, 'America/Los_Angeles')).toBe('2026-03-28T18:30');
		for (const zone of ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Adelaide']) {
			expect(localInputToDate(dateToLocalInput(instant, zone), zone)?.toISOString()).toBe(instant.toISOString());
		}
	});

	it('refuses what is not a date-time', () => {
		for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00']) {
			expect(parseLocalInput(bad)).toBeNull();
		}
		expect(parseLocalInput('2028-02-29T10:00:30')).toEqual({ year: 2028, month: 2, day: 29, hour: 10, minute: 0, second: 30 });
	});
});
