import { createSession, generateSessionToken } from '../../src/lib/server/auth';
import type { DB } from '../../src/lib/server/db/client';
import { Client } from './http';

/** A client logged in as the user, via a session written straight into the server's database. */
export function clientFor(db: DB, base: string, userId: string): Client {
	const token = generateSessionToken();
	createSession(db, token, userId);
	const client = new Client(base);
	client.cookies.set('session', token);
	return client;
}
