import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPublicAddress } from '../../../src/lib/generation/address-rules';
import { fetchArticle } from '../../../src/lib/generation/fetch-url';
import { GenerationError } from '../../../src/lib/generation/errors';

describe('address rules', () => {
	it.each([
		'127.0.0.1', '127.8.9.1', '10.0.0.5', '172.16.3.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
		'224.0.0.1', '255.255.255.255', '192.0.2.10', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1',
		'::ffff:7f00:1', '::ffff:10.1.2.3', '64:ff9b::a00:1', '2002:c0a8:0101::1', '2001:db8::1', '[::1]', 'fe80::1%eth0', 'not-an-ip', '1.2.3'
	])('refuses %s', (ip) => expect(isPublicAddress(ip)).toBe(false));

	it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001:80b::200e'])('allows %s', (ip) =>
		expect(isPublicAddress(ip)).toBe(true)
	);
});

describe('fetching an article', () => {
	let server: http.Server;
	let base = '';
	const page = `<!doctype html><html><head><title>Test page</title></head><body><article><h1>Test</h1>${'<p>The Mali Empire was an empire in West Africa from 1226 to 1670, founded by Sundiata Keita and known for its wealth.</p>'.repeat(6)}</article></body></html>`;
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			if (req.url === '/article') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
			if (req.url === '/redirect') return res.writeHead(302, { location: '/article' }).end();
			if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
			if (req.url === '/big') {
				res.writeHead(200, { 'content-type': 'text/plain' });
				const chunk = 'x'.repeat(64 * 1024);
				for (let i = 0; i < 40; i++) res.write(chunk);
				return res.end();
			}
			if (req.url === '/image') return res.writeHead(200, { 'content-type': 'image/png' }).end('png');
			if (req.url === '/slow') return setTimeout(() => res.writeHead(200).end('late'), 2000);
			res.writeHead(404).end();
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((r) => server.close(() => r())));

	// the local test server lives on loopback, which the real guard refuses
	const allowLoopback = (ip: string) => ip === '127.0.0.1';
	const failure = async (p: Promise<unknown>) => {
		try {
			await p;
		} catch (e) {
			expect(e).toBeInstanceOf(GenerationError);
			return (e as GenerationError).code;
		}
		return 'no error';
	};

	it('fetches a page and follows a redirect', async () => {
		const r = await fetchArticle(`${base}/redirect`, { allowAddress: allowLoopback });
		expect(r.html).toBe(true);
		expect(r.url).toBe(`${base}/article`);
		expect(r.body).toContain('Mali Empire');
	});

	it('refuses loopback and private addresses with the real guard', async () => {
		expect(await failure(fetchArticle(`${base}/article`))).toBe('private_address');
		expect(await failure(fetchArticle('http://localhost:9/'))).toBe('private_address');
		expect(await failure(fetchArticle('http://[::1]:9/'))).toBe('private_address');
		expect(await failure(fetchArticle('http://10.1.2.3/'))).toBe('private_address');
	});

	it('refuses other schemes, endless redirects, large bodies, other content and slow servers', async () => {
		expect(await failure(fetchArticle('ftp://example.org/a.txt'))).toBe('bad_url');
		expect(await failure(fetchArticle('file:///etc/passwd'))).toBe('bad_url');
		expect(await failure(fetchArticle(`${base}/loop`, { allowAddress: allowLoopback }))).toBe('fetch_failed');
		expect(await failure(fetchArticle(`${base}/big`, { allowAddress: allowLoopback, maxBytes: 1_000_000 }))).toBe('too_large');
		expect(await failure(fetchArticle(`${base}/image`, { allowAddress: allowLoopback }))).toBe('fetch_failed');
		expect(await failure(fetchArticle(`${base}/slow`, { allowAddress: allowLoopback, timeoutMs: 300 }))).toBe('fetch_failed');
	});
});
