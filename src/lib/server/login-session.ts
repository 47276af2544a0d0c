import type { RequestEvent } from '@sveltejs/kit';
import type { DB } from './db/client';
import { createSession, generateSessionToken, invalidateSession, setSessionCookie } from './auth';

/** Starts a fresh session for the user (a new id at every log-in) and sets its cookie. */
export function startSession(db: DB, event: RequestEvent, userId: string): void {
	if (event.locals.session) invalidateSession(db, event.locals.session.id);
	const token = generateSessionToken();
	const session = createSession(db, token, userId);
	setSessionCookie(event, token, session.expiresAt);
}
