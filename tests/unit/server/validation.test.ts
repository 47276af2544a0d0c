import { describe, expect, it } from 'vitest';
import { validateSignUp } from '../../../src/lib/server/accounts';
import { validateStudySettings } from '../../../src/lib/server/settings';
import { safeRedirectTarget } from '../../../src/lib/server/guards';
import { readConfig } from '../../../src/lib/server/config';
import { ValidationError } from '../../../src/lib/server/errors';

const good = { name: 'Ada Lovelace', email: 'Ada@Example.org ', password: 'correct horse', role: 'student' };

function fieldOf(fn: () => unknown): string | undefined {
	try {
		fn();
	} catch (err) {
		if (err instanceof ValidationError) return err.field;
		throw err;
	}
	throw new Error('expected a ValidationError');
}

describe('sign-up validation', () => {
	it('normalises a good sign-up', () => {
		expect(validateSignUp({ ...good, name: '  Ada   Lovelace ' })).toEqual({
			name: 'Ada Lovelace',
			email: 'ada@example.org',
			password: 'correct horse',
			role: 'student'
		});
	});

	it.each([
		['name', { name: '   ' }],
		['name', { name: 'x'.repeat(101) }],
		['email', { email: 'not-an-email' }],
		['email', { email: `${'a'.repeat(250)}@example.org` }],
		['email', { email: 'a@b' }],
		['password', { password: 'short' }],
		['password', { password: 'p'.repeat(257) }],
		['role', { role: 'admin' }],
		['role', { role: '' }]
	])('names the %s field when it is bad', (field, change) => {
		expect(fieldOf(() => validateSignUp({ ...good, ...change }))).toBe(field);
	});
});

describe('study settings validation', () => {
	const ok = { timeZone: 'Europe/Berlin', desiredRetention: '0.9', newPerDay: '20', reviewsPerDay: '200' };

	it('accepts the defaults and a real zone', () => {
		expect(validateStudySettings(ok)).toEqual({ timeZone: 'Europe/Berlin', desiredRetention: 0.9, newPerDay: 20, reviewsPerDay: 200 });
	});

	it.each([
		['timeZone', { timeZone: 'Mars/Olympus' }],
		['desiredRetention', { desiredRetention: '0.5' }],
		['desiredRetention', { desiredRetention: '0.99' }],
		['desiredRetention', { desiredRetention: 'lots' }],
		['newPerDay', { newPerDay: '-1' }],
		['newPerDay', { newPerDay: '2.5' }],
		['reviewsPerDay', { reviewsPerDay: '' }],
		['reviewsPerDay', { reviewsPerDay: '100000' }]
	])('refuses a bad %s', (field, change) => {
		expect(fieldOf(() => validateStudySettings({ ...ok, ...change }))).toBe(field);
	});
});

describe('redirect after log-in', () => {
	it.each([
		['/review', '/review'],
		['/classes/3?tab=members', '/classes/3?tab=members'],
		['https://evil.example/', '/'],
		['//evil.example/', '/'],
		['/\\evil.example', '/'],
		[null, '/']
	])('%s goes to %s', (raw, expected) => {
		expect(safeRedirectTarget(raw)).toBe(expected);
	});
});

describe('configuration', () => {
	it('defaults the database path', () => {
		expect(readConfig({}).databaseUrl).toBe('./data/factdeck.db');
	});
	it('fails fast naming the variable', () => {
		expect(() => readConfig({ GENERATION_WORKERS: 'many' })).toThrow(/GENERATION_WORKERS/);
		expect(() => readConfig({ DATABASE_URL: ' ' })).toThrow(/DATABASE_URL/);
	});
});
