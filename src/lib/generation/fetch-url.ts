import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { GenerationError } from './errors.js';
import { isPublicAddress } from './address-rules.js';
import { decodeInput } from './input/validate.js';

export interface FetchOptions {
	/** Whole fetch, redirects included. Default 10 s. */
	timeoutMs?: number;
	/** Largest body accepted. Default 2 MB. */
	maxBytes?: number;
	maxRedirects?: number;
	/** Which resolved addresses may be contacted. Tests replace it to reach a local server. */
	allowAddress?: (ip: string) => boolean;
}

export interface FetchedPage {
	/** Final address after redirects. */
	url: string;
	body: string;
	html: boolean;
}

const TEXT_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|text\/markdown|text\/x-markdown)\b/i;

/**
 * Fetches an article for the server: http and https only, every resolved address
 * checked (also after each redirect, and at connect time so DNS cannot change its
 * mind in between), at most 2 MB and 10 s, redirects followed by hand (at most 5).
 */
export async function fetchArticle(address: string, opts: FetchOptions = {}): Promise<FetchedPage> {
	const timeoutMs = opts.timeoutMs ?? 10_000;
	const maxBytes = opts.maxBytes ?? 2_000_000;
	const maxRedirects = opts.maxRedirects ?? 5;
	const allow = opts.allowAddress ?? isPublicAddress;
	const deadline = Date.now() + timeoutMs;
	let url = parseUrl(address);
	for (let hop = 0; ; hop++) {
		const res = await request(url, allow, maxBytes, deadline);
		if (res.status >= 300 && res.status < 400 && res.location) {
			if (hop >= maxRedirects) throw new GenerationError('fetch_failed', `The page at ${address} redirects too many times.`);
			url = parseUrl(new URL(res.location, url).toString());
			continue;
		}
		if (res.status < 200 || res.status >= 300) throw new GenerationError('fetch_failed', `The page could not be fetched: the server answered ${res.status}.`);
		const type = res.contentType ?? '';
		if (type && !TEXT_TYPES.test(type)) throw new GenerationError('fetch_failed', `The address does not point to a web page or text (it is ${type.split(';')[0]}).`);
		const body = decodeInput(res.body, maxBytes);
		const html = /html/i.test(type) || (!type && /^\s*<(!doctype|html)/i.test(body));
		return { url: url.toString(), body, html };
	}
}

function parseUrl(address: string): URL {
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		throw new GenerationError('bad_url', `"${address}" is not a valid web address.`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new GenerationError('bad_url', 'Only http and https addresses can be fetched.');
	if (url.username || url.password) throw new GenerationError('bad_url', 'Addresses with a user name or password are not fetched.');
	return url;
}

interface RawResponse {
	status: number;
	location?: string;
	contentType?: string;
	body: Uint8Array;
}

/** A DNS lookup that refuses the whole host when any of its addresses is not allowed. */
export function guardedLookup(allow: (ip: string) => boolean): LookupFunction {
	return ((hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
		dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
			if (err) return callback(err, '', 0);
			const list = addresses as LookupAddress[];
			const bad = list.find((x) => !allow(x.address));
			if (bad || !list.length) {
				const e = new GenerationError('private_address', `The address ${hostname} points to a private or local network (${bad?.address ?? 'no address'}), which Factdeck does not fetch from.`);
				return callback(e as unknown as NodeJS.ErrnoException, '', 0);
			}
			if ((options as { all?: boolean }).all) return callback(null, list);
			callback(null, list[0].address, list[0].family);
		});
	}) as LookupFunction;
}

function request(url: URL, allow: (ip: string) => boolean, maxBytes: number, deadline: number): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const host = url.hostname.replace(/^\[|\]$/g, '');
		// a literal IP never goes through DNS: check it here
		if (/^[\d.]+$/.test(host) || host.includes(':')) {
			if (!allow(host)) return reject(new GenerationError('private_address', `The address ${host} is on a private or local network, which Factdeck does not fetch from.`));
		}
		const remaining = deadline - Date.now();
		if (remaining <= 0) return reject(timeoutError());
		const mod = url.protocol === 'https:' ? https : http;
		const req = mod.request(
			url,
			{ method: 'GET', lookup: guardedLookup(allow), headers: { 'user-agent': 'Factdeck/1.0 (article import)', accept: 'text/html, text/plain;q=0.9, */*;q=0.1', 'accept-encoding': 'identity' } },
			(res) => {
				const status = res.statusCode ?? 0;
				const location = res.headers.location;
				if (status >= 300 && status < 400) {
					res.resume();
					return resolve({ status, location, body: new Uint8Array() });
				}
				const declared = Number(res.headers['content-length'] ?? 0);
				if (declared > maxBytes) {
					req.destroy();
					return reject(tooLarge(maxBytes));
				}
				const chunks: Buffer[] = [];
				let size = 0;
				res.on('data', (c: Buffer) => {
					size += c.length;
					if (size > maxBytes) {
						req.destroy();
						reject(tooLarge(maxBytes));
						return;
					}
					chunks.push(c);
				});
				res.on('end', () => resolve({ status, contentType: res.headers['content-type'], body: new Uint8Array(Buffer.concat(chunks)) }));
				res.on('error', (e) => reject(wrap(e)));
			}
		);
		const timer = setTimeout(() => req.destroy(timeoutError()), remaining);
		req.on('close', () => clearTimeout(timer));
		req.on('error', (e) => reject(wrap(e)));
		req.end();
	});
}

function tooLarge(max: number): GenerationError {
	return new GenerationError('too_large', `The page is larger than ${Math.round(max / 1e6)} MB, the most Factdeck fetches.`);
}

function timeoutError(): GenerationError {
	return new GenerationError('fetch_failed', 'The page took too long to answer (more than 10 seconds).');
}

function wrap(e: unknown): GenerationError {
	if (e instanceof GenerationError) return e;
	const code = (e as NodeJS.ErrnoException).code;
	const why = code === 'ENOTFOUND' ? 'the host name does not exist' : code === 'ECONNREFUSED' ? 'the server refused the connection' : code === 'ECONNRESET' ? 'the connection was reset' : (e as Error).message;
	return new GenerationError('fetch_failed', `The page could not be fetched: ${why}.`);
}
