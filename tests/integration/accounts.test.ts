import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { tempDb, type TempDb } from '../helpers/db';
import { changePassword, logIn, signUp } from '../../src/lib/server/accounts';
import { createSession, generateSessionToken, sessionIdFromToken, validateSessionToken, SESSION_TTL } from '../../src/lib/server/auth';
import { sessions, users } from '../../src/lib/server/db/schema';
import { ThrottledError, ValidationError } from '../../src/lib/server/errors';

const NOW = new Date('2026-03-01T10:00:00Z');
const ctx = { ip: '203.0.113.7', now: NOW };
const ada = { name: 'Ada', email: 'ada@example.org', password: 'analytical engine', role: 'teacher' };

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

describe('sign-up', () => {
	it('stores an argon2id hash, never the password', async () => {
		const user = await signUp(t.db, ada, ctx);
		const row = t.db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect(row.passwordHash).toMatch(/^\$argon2id\$/);
		expect(row.passwordHash).not.toContain(ada.password);
	});

	it('refuses a duplicate e-mail, whatever its case, and writes nothing', async () => {
		await signUp(t.db, ada, ctx);
		await expect(signUp(t.db, { ...ada, email: 'ADA@example.org' }, ctx)).rejects.toThrow(ValidationError);
		expect(t.db.select({ n: count() }).from(users).get()!.n).toBe(1);
	});
});

describe('log-in', () => {
	it('accepts the right password and refuses a wrong one', async () => {
		await signUp(t.db, ada, ctx);
		await expect(logIn(t.db, { email: 'Ada@Example.org', password: ada.password }, ctx)).resolves.toMatchObject({ email: ada.email });
		await expect(logIn(t.db, { email: ada.email, password: 'wrong password' }, ctx)).rejects.toThrow('Wrong e-mail address or password.');
	});

	it('throttles an account after 5 failures in 15 minutes, from any address', async () => {
		await signUp(t.db, ada, ctx);
		for (let i = 0; i < 5; i++) {
			await expect(
				logIn(t.db, { email: ada.email, password: 'nope nope' }, { ip: `198.51.100.${i}`, now: new Date(NOW.getTime() + i * 60_000) })
			).rejects.toThrow(ValidationError);
		}
		const later = new Date(NOW.getTime() + 5 * 60_000);
		const err = await logIn(t.db, { email: ada.email, password: ada.password }, { ip: '192.0.2.1', now: later }).catch((e) => e);
		expect(err).toBeInstanceOf(ThrottledError);
		expect((err as ThrottledError).retryAfterMinutes).toBe(10);
		// 15 minutes after the first failure the block lifts.
		const free = new Date(NOW.getTime() + 15 * 60_000 + 1000);
		await expect(logIn(t.db, { email: ada.email, password: ada.password }, { ip: '192.0.2.1', now: free })).resolves.toBeTruthy();
	});

	it('throttles an address that guesses across accounts', async () => {
		for (let i = 0; i < 5; i++) {
			await expect(logIn(t.db, { email: `user${i}@example.org`, password: 'guess guess' }, ctx)).rejects.toThrow(ValidationError);
		}
		await expect(logIn(t.db, { email: 'other@example.org', password: 'guess guess' }, ctx)).rejects.toThrow(ThrottledError);
	});
});

describe('sessions', () => {
	it('stores only the SHA-256 of the token and slides the expiry', async () => {
		const user = await signUp(t.db, ada, ctx);
		const token = generateSessionToken();
		createSession(t.db, token, user.id, NOW);
		const row = t.db.select().from(sessions).get()!;
		expect(row.id).toBe(sessionIdFromToken(token));
		expect(row.id).toMatch(/^[0-9a-f]{64}$/);
		expect(row.id).not.toContain(token);

		const early = validateSessionToken(t.db, token, new Date(NOW.getTime() + 1000));
		expect(early.user?.email).toBe(ada.email);
		expect(early.renewed).toBe(false);

		const late = validateSessionToken(t.db, token, new Date(NOW.getTime() + SESSION_TTL * 0.75));
		expect(late.renewed).toBe(true);
		expect(late.session!.expiresAt.getTime()).toBe(NOW.getTime() + SESSION_TTL * 1.75);

		const gone = validateSessionToken(t.db, token, new Date(NOW.getTime() + SESSION_TTL * 3));
		expect(gone.session).toBeNull();
		expect(t.db.select({ n: count() }).from(sessions).get()!.n).toBe(0);
	});

	it('ends every session when the password changes', async () => {
		const user = await signUp(t.db, ada, ctx);
		createSession(t.db, generateSessionToken(), user.id, NOW);
		createSession(t.db, generateSessionToken(), user.id, NOW);
		await expect(changePassword(t.db, user.id, { current: 'wrong one!', next: 'new password 1' })).rejects.toThrow(ValidationError);
		expect(t.db.select({ n: count() }).from(sessions).get()!.n).toBe(2);
		await changePassword(t.db, user.id, { current: ada.password, next: 'new password 1' });
		expect(t.db.select({ n: count() }).from(sessions).get()!.n).toBe(0);
		await expect(logIn(t.db, { email: ada.email, password: 'new password 1' }, ctx)).resolves.toBeTruthy();
	});
});
