import type { RequestEvent } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { DB } from './db/client';
import { preparedFor } from './db/prepared';
import { sessions, users, type Session, type User } from './db/schema';

// Sessions as in the Lucia guide: a random token in the cookie, only its SHA-256 in the database.
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_TTL = 30 * DAY;
export const SESSION_COOKIE = 'session';

export type SessionUser = Pick<
	User,
	'id' | 'email' | 'name' | 'role' | 'timeZone' | 'desiredRetention' | 'newPerDay' | 'reviewsPerDay'
>;

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

// Node's native SHA-256: every request with a session cookie hashes its token.
export function sessionIdFromToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function createSession(db: DB, token: string, userId: string, now = new Date()): Session {
	const session = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_TTL),
		createdAt: now
	};
	db.insert(sessions).values(session).run();
	return session;
}

export type SessionValidation =
	| { session: Session; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

// Every request looks its session up: the query is prepared once per connection.
const sessionQueries = preparedFor((db: DB) => ({
	lookup: db
		.select({
			session: sessions,
			user: {
				id: users.id,
				email: users.email,
				name: users.name,
				role: users.role,
				timeZone: users.timeZone,
				desiredRetention: users.desiredRetention,
				newPerDay: users.newPerDay,
				reviewsPerDay: users.reviewsPerDay
			}
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
}));

/** Looks the token up; expired sessions are deleted, and ones past half their life are extended. */
export function validateSessionToken(db: DB, token: string, now = new Date()): SessionValidation {
	const id = sessionIdFromToken(token);
	const row = sessionQueries(db).lookup.get({ id });
	if (!row) return { session: null, user: null, renewed: false };
	const { session, user } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return { session: null, user: null, renewed: false };
	}
	let renewed = false;
	if (now.getTime() >= session.expiresAt.getTime() - SESSION_TTL / 2) {
		session.expiresAt = new Date(now.getTime() + SESSION_TTL);
		db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id)).run();
		renewed = true;
	}
	return { session, user, renewed };
}

export function invalidateSession(db: DB, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions(db: DB, userId: string): void {
	db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function setSessionCookie(event: RequestEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionCookie(event: RequestEvent): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:' });
}
