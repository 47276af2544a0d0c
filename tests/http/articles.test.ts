import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { insertUser } from '../helpers/fixtures';
import { clientFor } from '../helpers/session';
import type { Client } from '../helpers/http';

const MONEY = readFileSync(resolve('tests/fixtures/articles/06-functions-of-money.txt'), 'utf8');

let server: RunningServer;
let db: DB;
let student: Client;
let other: Client;
beforeAll(async () => {
	server = await startServer();
	db = openDatabase(server.dbPath);
	student = clientFor(db, server.url, insertUser(db, 'student', 'Article Student').id);
	other = clientFor(db, server.url, insertUser(db, 'student', 'Other Student').id);
});
afterAll(async () => {
	db?.$client.close();
	await server?.dispose();
});

const articleCount = () => db.$client.prepare('SELECT count(*) FROM articles').pluck().get() as number;

function multipart(fields: Record<string, string | { name: string; type: string; body: Uint8Array<ArrayBuffer> | string }>): FormData {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) {
		if (typeof v === 'string') form.set(k, v);
		else form.set(k, new Blob([v.body], { type: v.type }), v.name);
	}
	return form;
}

function post(client: Client, form: FormData) {
	return client.request('/articles/new', { method: 'POST', body: form, headers: { origin: server.url, accept: 'text/html' } });
}

async function waitUntilReady(client: Client, path: string): Promise<string> {
	for (let i = 0; i < 100; i++) {
		const html = await (await client.get(path)).text();
		if (!html.includes('Writing questions…')) return html;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('generation did not finish');
}

describe('adding articles', () => {
	it('pasted text becomes an article whose questions appear beside it, highlighted', async () => {
		const res = await post(student, multipart({ mode: 'paste', title: '', text: MONEY }));
		expect(res.status).toBe(303);
		const path = res.headers.get('location')!;
		expect(path).toMatch(/^\/articles\/\d+$/);
		const html = await waitUntilReady(student, path);
		expect(html).toContain('<h1>Defining Money by Its Functions</h1>');
		expect(html).toMatch(/\d+ questions/);
		expect(html).toContain('<mark id="src-');
		expect(html).toContain('Study these');
		// Nobody else may open it.
		expect((await other.get(path)).status).toBe(404);

		const studied = await student.postForm(`${path}?/study`, {});
		expect(studied.status).toBe(303);
		expect(studied.headers.get('location')).toMatch(/^\/review\?added=\d+$/);
	});

	it('an uploaded Markdown file keeps its name as the source', async () => {
		const res = await post(student, multipart({ mode: 'file', file: { name: 'money.md', type: 'text/markdown', body: `# Money matters\n\n${MONEY}` } }));
		expect(res.status).toBe(303);
		const html = await waitUntilReady(student, res.headers.get('location')!);
		expect(html).toContain('Source: money.md');
		expect(html).toContain('<h1>Money matters</h1>');
	});

	it('an uploaded HTML page is reduced to its main text', async () => {
		const page = `<!doctype html><html><head><title>Money</title></head><body><nav><a href="/">Home</a> <a href="/shop">Shop now</a></nav><article>${MONEY.split('\n\n')
			.map((p) => `<p>${p}</p>`)
			.join('\n')}</article><footer>Cookie settings</footer></body></html>`;
		const res = await post(student, multipart({ mode: 'file', title: 'From HTML', file: { name: 'money.html', type: 'text/html', body: page } }));
		expect(res.status).toBe(303);
		const html = await waitUntilReady(student, res.headers.get('location')!);
		expect(html).toContain('<h1>From HTML</h1>');
		expect(html).not.toContain('Shop now');
		expect(html).not.toContain('&lt;p&gt;');
	});

	it.each([
		['no text', { mode: 'paste', text: '   ' }, 'Paste the text'],
		['text that is not English', { mode: 'paste', text: 'Der Hund schläft unter dem Tisch und die Katze sitzt auf dem Stuhl. '.repeat(30) }, 'English'],
		['a too short text', { mode: 'paste', text: 'Money is useful.' }, 'too short'],
		['an unknown mode', { mode: 'telepathy' }, 'paste, upload or link'],
		['a title that is too long', { mode: 'paste', title: 'T'.repeat(500), text: MONEY }, 'at most 200 characters'],
		['no file', { mode: 'file' }, 'Choose a file'],
		['a file of the wrong type', { mode: 'file', file: { name: 'slides.pdf', type: 'application/pdf', body: '%PDF-1.4' } }, '.txt, .md or .html'],
		['a binary file', { mode: 'file', file: { name: 'notes.txt', type: 'text/plain', body: new Uint8Array([0, 1, 2, 3, 0, 255, 254, 0, 7]) } }, 'binary'],
		['an empty file', { mode: 'file', file: { name: 'empty.txt', type: 'text/plain', body: '' } }, 'empty'],
		['an HTML page with no article', { mode: 'file', file: { name: 'nav.html', type: 'text/html', body: '<html><body><nav><a href="/">Home</a></nav></body></html>' } }, 'article'],
		['a URL that is not http', { mode: 'url', url: 'file:///etc/passwd' }, 'http'],
		['a URL on this machine', { mode: 'url', url: `${'http://127.0.0.1'}:1/article` }, 'address'],
		['no URL', { mode: 'url', url: '' }, 'Enter the address']
	])('refuses %s with a clear message and stores nothing', async (_label, fields, message) => {
		const before = articleCount();
		const res = await post(student, multipart(fields as Record<string, string>));
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(message);
		expect(articleCount()).toBe(before);
	});

	it('refuses a file over 2 MB', async () => {
		const before = articleCount();
		const res = await post(student, multipart({ mode: 'file', file: { name: 'big.txt', type: 'text/plain', body: 'word '.repeat(500_000) } }));
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('the limit is 2 MB');
		expect(articleCount()).toBe(before);
	});

	it('keeps pasted text when the form is refused', async () => {
		const res = await post(student, multipart({ mode: 'paste', title: 'T'.repeat(300), text: 'My carefully pasted text' }));
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('My carefully pasted text');
	});

	it('lists only the user’s own articles', async () => {
		expect(await (await student.get('/articles')).text()).toContain('Defining Money by Its Functions');
		expect(await (await other.get('/articles')).text()).toContain('You have not added an article yet');
	});
});
