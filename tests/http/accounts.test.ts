import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startServer, type RunningServer } from '../helpers/server';
import { Client } from '../helpers/http';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.dispose();
});

function db() {
	return new Database(server.dbPath, { readonly: true });
}
function countRows(sql: string, ...params: unknown[]): number {
	const conn = db();
	try {
		return conn.prepare(sql).pluck().get(...params) as number;
	} finally {
		conn.close();
	}
}

describe('accounts over HTTP, as plain form posts', () => {
	it('signs up, shows the dashboard, logs out and logs in again', async () => {
		const c = new Client(server.url);
		const signup = await c.signUp({ name: 'Grace Hopper', email: 'grace@example.org', password: 'compiler 1952', role: 'teacher' });
		expect(signup.status).toBe(303);
		expect(signup.headers.get('location')).toBe('/');
		const cookie = signup.headers.getSetCookie().find((l) => l.startsWith('session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//);

		const dashboard = await c.get('/');
		const html = await dashboard.text();
		expect(dashboard.status).toBe(200);
		expect(html).toContain('Hello, Grace Hopper');
		expect(html).toContain('My classes');

		const firstToken = c.cookies.get('session')!;
		const out = await c.postForm('/logout', {});
		expect(out.status).toBe(303);
		expect(c.cookies.has('session')).toBe(false);
		// The old token no longer works, even if someone kept it.
		const replay = new Client(server.url);
		replay.cookies.set('session', firstToken);
		expect(await (await replay.get('/')).text()).not.toContain('Hello, Grace Hopper');

		const login = await c.logIn('GRACE@example.org', 'compiler 1952');
		expect(login.status).toBe(303);
		expect(c.cookies.get('session')).not.toBe(firstToken);
		expect(await (await c.get('/')).text()).toContain('Hello, Grace Hopper');
	});

	it('stores only argon2id hashes and SHA-256 session ids', async () => {
		const conn = db();
		try {
			const hashes = conn.prepare('SELECT password_hash FROM users').pluck().all() as string[];
			expect(hashes.length).toBeGreaterThan(0);
			for (const h of hashes) expect(h).toMatch(/^\$argon2id\$/);
			const ids = conn.prepare('SELECT id FROM sessions').pluck().all() as string[];
			for (const id of ids) expect(id).toMatch(/^[0-9a-f]{64}$/);
		} finally {
			conn.close();
		}
	});

	it.each([
		['a duplicate e-mail', { email: 'grace@example.org' }, 'already exists'],
		['a malformed e-mail', { email: 'grace-at-example' }, 'does not look like an e-mail'],
		['a short password', { password: 'abc' }, 'at least 8 characters'],
		['an unknown role', { role: 'admin' }, 'student or a teacher'],
		['an over-long name', { name: 'N'.repeat(5000) }, 'at most 100 characters']
	])('refuses %s with 400, keeps the typed values and writes nothing', async (_label, change, message) => {
		const before = countRows('SELECT count(*) FROM users');
		const c = new Client(server.url);
		const fields = { name: 'Kept Name', email: 'kept@example.org', password: 'secret-password-xyz', role: 'student', ...change };
		const res = await c.postForm('/signup', fields);
		const html = await res.text();
		expect(res.status).toBe(400);
		expect(html).toContain(message);
		if (!('email' in change)) expect(html).toContain('value="kept@example.org"');
		expect(html).not.toContain('secret-password-xyz');
		expect(countRows('SELECT count(*) FROM users')).toBe(before);
		expect(c.cookies.has('session')).toBe(false);
	});

	it('answers a wrong password with 400, then 429 after five failures', async () => {
		const c = new Client(server.url);
		await c.signUp({ name: 'Target', email: 'target@example.org', password: 'right password', role: 'student' });
		const other = new Client(server.url);
		for (let i = 0; i < 5; i++) {
			const res = await other.logIn('target@example.org', `wrong password ${i}`);
			expect(res.status).toBe(400);
			const html = await res.text();
			expect(html).toContain('Wrong e-mail address or password.');
			expect(html).toContain('value="target@example.org"');
		}
		const blocked = await other.logIn('target@example.org', 'right password');
		expect(blocked.status).toBe(429);
		expect(await blocked.text()).toMatch(/Try again in 1[45] minutes/);
	});

	it('sends an anonymous visitor to log in and back, and gives a student 403 on a teacher page', async () => {
		const anon = new Client(server.url);
		const res = await anon.get('/classes/new');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?redirectTo=%2Fclasses%2Fnew');

		const student = new Client(server.url);
		await student.signUp({ name: 'Sam Student', email: 'sam@example.org', password: 'student pass', role: 'student' });
		const forbidden = await student.get('/classes/new');
		expect(forbidden.status).toBe(403);
		expect(await forbidden.text()).toContain('Only teachers');

		const teacher = new Client(server.url);
		const back = await teacher.postForm('/login?redirectTo=%2Fclasses%2Fnew', { email: 'grace@example.org', password: 'compiler 1952' });
		expect(back.headers.get('location')).toBe('/classes/new');
	});

	it('refuses a cross-origin form post', async () => {
		const c = new Client(server.url);
		const res = await c.postForm('/signup', { name: 'X', email: 'x@example.org', password: 'password123', role: 'student' }, { origin: 'https://evil.example' });
		expect(res.status).toBe(403);
		expect(countRows('SELECT count(*) FROM users WHERE email = ?', 'x@example.org')).toBe(0);
	});

	it('reports health as JSON and friendly 404 pages', async () => {
		const res = await fetch(`${server.url}/api/health`);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ status: 'ok', database: { ok: true }, version: expect.any(String) });
		const missing = await fetch(`${server.url}/no/such/page`);
		expect(missing.status).toBe(404);
		expect(await missing.text()).toContain('We could not find that page');
	});

	it('seeds the demo accounts on the empty database', async () => {
		const c = new Client(server.url);
		const res = await c.logIn('student@factdeck.example', 'factdeck-student');
		expect(res.status).toBe(303);
		expect(server.output()).toContain('teacher@factdeck.example');
		expect(countRows('SELECT count(*) FROM memberships')).toBe(1);
	});
});
