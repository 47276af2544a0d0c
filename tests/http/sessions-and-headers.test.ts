import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { startServer, type RunningServer } from '../helpers/server';
import { Client } from '../helpers/http';
import { clientFor } from '../helpers/session';
import { insertClass, insertUser } from '../helpers/fixtures';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { sessionIdFromToken } from '../../src/lib/server/auth';
import { sessions } from '../../src/lib/server/db/schema';

// Sessions: a fresh id at every log-in, logout and password changes end sessions on the
// server. Headers: the security headers on every kind of response the app makes.

let server: RunningServer;
let db: DB;
beforeAll(async () => {
	server = await startServer();
	db = openDatabase(server.dbPath);
});
afterAll(async () => {
	db?.$client.close();
	await server?.dispose();
});

let n = 0;
async function signedUp(role: 'student' | 'teacher' = 'student') {
	const email = `session-user-${++n}@example.org`;
	const password = `a long password ${n}`;
	const c = new Client(server.url);
	const res = await c.signUp({ name: `Session User ${n}`, email, password, role });
	expect(res.status).toBe(303);
	const userId = db.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.id, sessionIdFromToken(c.cookies.get('session')!))).get()!.userId;
	return { c, email, password, userId };
}

const rowFor = (token: string) => db.select().from(sessions).where(eq(sessions.id, sessionIdFromToken(token))).get();
const sessionsOf = (userId: string) => db.select().from(sessions).where(eq(sessions.userId, userId)).all();

/** Whether the token, sent as a cookie by a new client, is logged in (the dashboard greets its user). */
async function works(token: string, name: string): Promise<boolean> {
	const c = new Client(server.url);
	c.cookies.set('session', token);
	const html = await (await c.get('/')).text();
	return html.includes(`Hello, ${name}`);
}

describe('sessions', () => {
	it('gives a new session (cookie token and database row) at every log-in and ends the one before', async () => {
		const { c, email, password, userId } = await signedUp();
		const first = c.cookies.get('session')!;
		expect(rowFor(first)).toBeDefined();

		// Logging in again from the same browser: a new token and row; the old row is gone.
		expect((await c.logIn(email, password)).status).toBe(303);
		const second = c.cookies.get('session')!;
		expect(second).not.toBe(first);
		expect(sessionIdFromToken(second)).not.toBe(sessionIdFromToken(first));
		expect(rowFor(first)).toBeUndefined();
		expect(rowFor(second)).toMatchObject({ userId });
		expect(await works(first, `Session User ${n}`)).toBe(false);
		expect(await works(second, `Session User ${n}`)).toBe(true);
	});

	it('never adopts a session token planted before log-in (session fixation)', async () => {
		const { email, password, userId } = await signedUp();
		const planted = 'plantedtokenplantedtokenplantedt';
		const c = new Client(server.url);
		c.cookies.set('session', planted);
		expect((await c.logIn(email, password)).status).toBe(303);
		expect(c.cookies.get('session')).not.toBe(planted);
		expect(rowFor(planted)).toBeUndefined();
		expect(sessionsOf(userId).map((s) => s.id)).toContain(sessionIdFromToken(c.cookies.get('session')!));
	});

	it('ends the logged-in session of another account when someone logs in over it', async () => {
		const other = insertUser(db, 'student', 'Previous Person');
		const c = clientFor(db, server.url, other.id);
		const before = c.cookies.get('session')!;
		expect(await works(before, 'Previous Person')).toBe(true);
		const { email, password } = await signedUp();
		expect((await c.logIn(email, password)).status).toBe(303);
		expect(rowFor(before)).toBeUndefined();
		expect(await works(before, 'Previous Person')).toBe(false);
	});

	it('deletes the session row at logout; the old cookie no longer works, other sessions do', async () => {
		const { c, email, password, userId } = await signedUp();
		const elsewhere = new Client(server.url);
		await elsewhere.logIn(email, password);
		const token = c.cookies.get('session')!;
		const res = await c.postForm('/logout', {});
		expect(res.status).toBe(303);
		const cleared = res.headers.getSetCookie().find((l) => l.startsWith('session='))!;
		expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
		expect(rowFor(token)).toBeUndefined();
		expect(await works(token, `Session User ${n}`)).toBe(false);
		expect(sessionsOf(userId)).toHaveLength(1);
		expect(await works(elsewhere.cookies.get('session')!, `Session User ${n}`)).toBe(true);
	});

	it('does not log out on a GET or on a cross-site post', async () => {
		const { c } = await signedUp();
		const token = c.cookies.get('session')!;
		expect((await c.get('/logout')).status).toBe(303);
		const cross = await c.postForm('/logout', {}, { origin: 'https://evil.example' });
		expect(cross.status).toBe(403);
		expect(rowFor(token)).toBeDefined();
		expect(await works(token, `Session User ${n}`)).toBe(true);
	});

	it('changing the password ends every other session and gives this one a fresh id', async () => {
		const { c, email, password, userId } = await signedUp();
		const phone = new Client(server.url);
		await phone.logIn(email, password);
		const bystander = await signedUp();
		const before = c.cookies.get('session')!;
		const phoneToken = phone.cookies.get('session')!;
		expect(sessionsOf(userId)).toHaveLength(2);

		const res = await c.postForm('/settings?/password', { current: password, next: 'a brand new password', confirm: 'a brand new password' });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Your password is changed. You were logged out everywhere else.');
		const after = c.cookies.get('session')!;
		expect(after).not.toBe(before);
		expect(rowFor(before)).toBeUndefined();
		expect(rowFor(phoneToken)).toBeUndefined();
		expect(sessionsOf(userId).map((s) => s.id)).toEqual([sessionIdFromToken(after)]);
		expect(await works(after, `Session User ${n - 1}`)).toBe(true);
		expect(await works(phoneToken, `Session User ${n - 1}`)).toBe(false);
		// Someone else's session is untouched.
		expect(await works(bystander.c.cookies.get('session')!, `Session User ${n}`)).toBe(true);
		// The new password works and the old one does not.
		expect((await new Client(server.url).logIn(email, 'a brand new password')).status).toBe(303);
		expect((await new Client(server.url).logIn(email, password)).status).toBe(400);
	});

	it('a refused password change (wrong current password) ends nothing', async () => {
		const { c, email, password, userId } = await signedUp();
		const phone = new Client(server.url);
		await phone.logIn(email, password);
		const res = await c.postForm('/settings?/password', { current: 'not the password', next: 'another password', confirm: 'another password' });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('The current password is wrong.');
		expect(sessionsOf(userId)).toHaveLength(2);
		expect(await works(phone.cookies.get('session')!, `Session User ${n}`)).toBe(true);
	});

	it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, and not Secure over plain http', async () => {
		const c = new Client(server.url);
		const res = await c.signUp({ name: 'Cookie Check', email: `cookie-${++n}@example.org`, password: 'password for cookies', role: 'student' });
		const cookie = res.headers.getSetCookie().find((l) => l.startsWith('session='))!;
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax/i);
		expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
		expect(cookie).toMatch(/;\s*Expires=/i);
		// Over http a Secure cookie would never come back; the app sets Secure when its
		// public URL (ORIGIN) is https — see the next test. X-Forwarded-Proto is not trusted
		// on its own (adapter-node reads it only when PROTOCOL_HEADER is configured).
		expect(cookie).not.toMatch(/;\s*Secure/i);
		const spoofed = await new Client(server.url).postForm(
			'/signup',
			{ name: 'Spoof', email: `spoof-${++n}@example.org`, password: 'password for cookies', role: 'student' },
			{ 'x-forwarded-proto': 'https' }
		);
		expect(spoofed.headers.getSetCookie().find((l) => l.startsWith('session='))).not.toMatch(/;\s*Secure/i);
	});
});

describe('the session cookie behind https', () => {
	it('is Secure when the public URL (ORIGIN) is https, as behind a TLS-terminating proxy', async () => {
		const probe = await startServer({ env: { ORIGIN: 'https://factdeck.test' } });
		try {
			const c = new Client(probe.url);
			const res = await c.postForm(
				'/signup',
				{ name: 'Secure Cookie', email: 'secure@example.org', password: 'password over https', role: 'student' },
				{ origin: 'https://factdeck.test' }
			);
			expect(res.status).toBe(303);
			const cookie = res.headers.getSetCookie().find((l) => l.startsWith('session='))!;
			expect(cookie).toMatch(/;\s*Secure/i);
			expect(cookie).toMatch(/;\s*HttpOnly/i);
			const out = await c.postForm('/logout', {}, { origin: 'https://factdeck.test' });
			expect(out.headers.getSetCookie().find((l) => l.startsWith('session='))).toMatch(/;\s*Secure/i);
		} finally {
			await probe.dispose();
		}
	});
});

type Checked = { label: string; res: Response };

function expectSecurityHeaders({ label, res }: Checked, kind: 'page' | 'other') {
	const h = res.headers;
	expect(h.get('x-content-type-options'), label).toBe('nosniff');
	expect(h.get('referrer-policy'), label).toMatch(/^(strict-origin-when-cross-origin|same-origin|no-referrer|strict-origin)$/);
	expect(h.get('x-frame-options'), label).toBe('DENY');
	const csp = h.get('content-security-policy');
	expect(csp, label).toBeTruthy();
	const directives = new Map(
		csp!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name, values] as const)
	);
	expect(directives.get('frame-ancestors'), label).toEqual(["'none'"]);
	const scripts = directives.get('script-src') ?? directives.get('default-src');
	expect(scripts, label).toBeDefined();
	expect(scripts, label).not.toContain("'unsafe-inline'");
	expect(scripts, label).not.toContain("'unsafe-eval'");
	if (kind === 'page') {
		// Pages allow their own inline scripts by nonce only.
		expect(scripts!.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s)), label).toBe(true);
		expect(directives.get('object-src'), label).toEqual(["'none'"]);
		expect(directives.get('base-uri'), label).toEqual(["'self'"]);
		expect(directives.get('form-action'), label).toEqual(["'self'"]);
	} else {
		expect(directives.get('default-src'), label).toEqual(["'none'"]);
	}
}

/** Every inline <script> of the page carries the nonce the header allows, so nothing else can run. */
async function expectNoncedScripts({ label, res }: Checked) {
	const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy')!)![1];
	const html = await res.text();
	const scripts = [...html.matchAll(/<script\b([^>]*)>/g)];
	expect(scripts.length, label).toBeGreaterThan(0);
	for (const [, attrs] of scripts) {
		if (/\bsrc=/.test(attrs)) continue;
		expect(attrs, label).toContain(`nonce="${nonce}"`);
	}
}

describe('security headers', () => {
	it('are on pages (anonymous and logged in), with a per-response nonce', async () => {
		const student = insertUser(db, 'student', 'Header Student');
		const s = clientFor(db, server.url, student.id);
		const pages: Checked[] = [
			{ label: 'landing', res: await new Client(server.url).get('/') },
			{ label: 'login', res: await new Client(server.url).get('/login') },
			{ label: 'dashboard', res: await s.get('/') },
			{ label: 'settings', res: await s.get('/settings') },
			{ label: 'review', res: await s.get('/review') }
		];
		for (const page of pages) {
			expect(page.res.status, page.label).toBe(200);
			expect(page.res.headers.get('content-type'), page.label).toMatch(/^text\/html/);
			expectSecurityHeaders(page, 'page');
			await expectNoncedScripts(page);
		}
		const nonces = pages.map((p) => /'nonce-([^']+)'/.exec(p.res.headers.get('content-security-policy')!)![1]);
		expect(new Set(nonces).size).toBe(nonces.length);
	});

	it('are on error pages (404, 403) and on a refused form (400)', async () => {
		const student = insertUser(db, 'student');
		const s = clientFor(db, server.url, student.id);
		const notFound = await s.get('/no/such/page');
		expect(notFound.status).toBe(404);
		const forbidden = await s.get('/classes/new');
		expect(forbidden.status).toBe(403);
		const refused = await new Client(server.url).logIn('nobody@example.org', 'wrong password');
		expect(refused.status).toBe(400);
		for (const page of [
			{ label: '404', res: notFound },
			{ label: '403', res: forbidden },
			{ label: '400', res: refused }
		]) {
			expectSecurityHeaders(page, 'page');
			await expectNoncedScripts(page);
		}
	});

	it('are on JSON endpoints, their errors, redirects and downloads', async () => {
		const teacher = insertUser(db, 'teacher');
		const cls = insertClass(db, teacher.id);
		const t = clientFor(db, server.url, teacher.id);
		const anon = new Client(server.url);
		const responses: Checked[] = [
			{ label: 'health', res: await anon.get('/api/health') },
			{ label: 'rate, not logged in (401)', res: await anon.request('/api/review/rate', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }) },
			{ label: 'rate, bad JSON (400)', res: await t.request('/api/review/rate', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }) },
			{ label: 'health, wrong method (405)', res: await anon.request('/api/health', { method: 'POST', body: '', headers: { 'content-type': 'application/json' } }) },
			{ label: 'redirect to log in (303)', res: await anon.get('/classes/new') },
			{ label: 'redirect after log-out (303)', res: await anon.postForm('/logout', {}) },
			{ label: 'gradebook CSV', res: await t.get(`/classes/${cls.id}/gradebook.csv`) },
			{ label: 'unknown action (404, JSON)', res: await t.postAction(`/classes/${cls.id}?/nope`, {}) }
		];
		expect(responses.map((r) => r.res.status)).toEqual([200, 401, 400, 405, 303, 303, 200, 404]);
		for (const r of responses) expectSecurityHeaders(r, 'other');
	});

	it('static files: served by adapter-node before the app, with exact content types (the proxy adds headers there)', async () => {
		// adapter-node serves build/client with its own file server, which runs before
		// SvelteKit's hooks, so these responses do not get the app's headers. What keeps
		// them safe: they are the app's own files with exact types, never user content.
		// The README's reverse-proxy section adds the headers to every response.
		const dir = join('build', 'client', '_app', 'immutable', 'entry');
		const entry = readdirSync(dir).find((f) => f.endsWith('.js'))!;
		const files = [
			{ path: `/_app/immutable/entry/${entry}`, type: /^text\/javascript/ },
			{ path: '/favicon.svg', type: /^image\/svg\+xml/ },
			{ path: '/robots.txt', type: /^text\/plain/ }
		];
		for (const file of files) {
			const res = await fetch(new URL(file.path, server.url));
			expect(res.status, file.path).toBe(200);
			expect(res.headers.get('content-type'), file.path).toMatch(file.type);
			const body = await res.text();
			expect(body, file.path).not.toMatch(/<script/i);
		}
	});
});
