import { eq } from 'drizzle-orm';
import type { DB } from './db/client';
import { users } from './db/schema';
import { ValidationError } from './errors';

export const RETENTION_RANGE = { min: 0.7, max: 0.97 } as const;
export const NEW_PER_DAY_MAX = 999;
export const REVIEWS_PER_DAY_MAX = 9999;

let zones: Set<string> | undefined;
export function timeZones(): string[] {
	// Node's list leaves out "UTC", the default every account starts with.
	const zones = Intl.supportedValuesOf('timeZone');
	return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
export function isTimeZone(value: string): boolean {
	zones ??= new Set([...timeZones(), 'UTC']);
	return zones.has(value);
}

export type StudySettingsInput = {
	timeZone: string;
	desiredRetention: string;
	newPerDay: string;
	reviewsPerDay: string;
};

export type StudySettings = {
	timeZone: string;
	desiredRetention: number;
	newPerDay: number;
	reviewsPerDay: number;
};

function wholeNumber(raw: string, field: string, label: string, max: number): number {
	// Digits only: "0x10", "1e2" and "Infinity" are numbers to JavaScript, not to a person.
	const n = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
	if (!Number.isInteger(n) || n < 0 || n > max) {
		throw new ValidationError(`${label} must be a whole number from 0 to ${max}.`, field);
	}
	return n;
}

export function validateStudySettings(input: StudySettingsInput): StudySettings {
	const timeZone = input.timeZone.trim();
	if (!isTimeZone(timeZone)) throw new ValidationError('Choose a time zone from the list.', 'timeZone');
	const typed = input.desiredRetention.trim();
	const retention = /^(\d+(\.\d*)?|\.\d+)$/.test(typed) ? Number(typed) : NaN;
	if (!Number.isFinite(retention) || retention < RETENTION_RANGE.min || retention > RETENTION_RANGE.max) {
		throw new ValidationError(
			`Desired retention must be between ${RETENTION_RANGE.min} and ${RETENTION_RANGE.max}.`,
			'desiredRetention'
		);
	}
	return {
		timeZone,
		desiredRetention: Math.round(retention * 100) / 100,
		newPerDay: wholeNumber(input.newPerDay, 'newPerDay', 'New cards per day', NEW_PER_DAY_MAX),
		reviewsPerDay: wholeNumber(input.reviewsPerDay, 'reviewsPerDay', 'Reviews per day', REVIEWS_PER_DAY_MAX)
	};
}

export function saveStudySettings(db: DB, userId: string, settings: StudySettings): void {
	db.update(users).set(settings).where(eq(users.id, userId)).run();
}
