/**
 * Hostile requests for tests/http/hostile-input.test.ts: the payloads, how a request is
 * sent (as the enhanced form, as a plain browser form, as JSON), and how an answer is read
 * (status, the message a person would see).
 */
import type { Client } from '../http';
import { parseActionResult } from '../actions';

export const EVIL_ORIGIN = 'https://evil.example';

/** Field values sent as urlencoded text, as raw bytes, or as a file part. */
export type Value = string | string[] | { bytes: Buffer } | { file: string };
export type Fields = Record<string, Value>;

export const PAYLOADS = {
	script: '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">',
	sqlOr: "' OR 1=1 --",
	sqlDrop: "x'; DROP TABLE users; --",
	emoji: 'Zoë 👩‍🔬 café e\u0301 \u05E9\u05DC\u05D5\u05DD',
	nul: 'before\u0000after',
	bell: 'before\u0007after',
	c1: 'before\u0085after',
	rtlOverride: 'invoice\u202Efdp.exe',
	zeroWidthOnly: '\u200B\u200D\u2060',
	whitespaceOnly: ' \t  ',
	/** Unpaired UTF-16 surrogate as CESU-8 bytes, and a stray byte: invalid UTF-8 on the wire. */
	loneSurrogate: { bytes: Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62]) },
	badByte: { bytes: Buffer.from([0x61, 0xff, 0x62]) }
} as const;

export const HUGE_NAME = 'N'.repeat(10_000);
export const ONE_MB = 'M'.repeat(1024 * 1024 + 1);

function urlencode(fields: Fields): Buffer {
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		const values = Array.isArray(value) ? value : [value];
		for (const v of values) {
			const key = Buffer.from(encodeURIComponent(name));
			// Raw bytes go on the wire as they are: invalid UTF-8 in the body itself.
			const val = typeof v === 'string' ? Buffer.from(encodeURIComponent(v)) : 'bytes' in v ? v.bytes : Buffer.from(encodeURIComponent(v.file));
			parts.push(Buffer.concat([key, Buffer.from('='), val]));
		}
	}
	return Buffer.concat(parts.flatMap((p, i) => (i ? [Buffer.from('&'), p] : [p])));
}

function multipart(fields: Fields): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		const values = Array.isArray(value) ? value : [value];
		for (const v of values) {
			if (typeof v === 'string') form.append(name, v);
			else if ('file' in v) form.append(name, new Blob([v.file], { type: 'text/plain' }), 'payload.txt');
			else form.append(name, new Blob([new Uint8Array(v.bytes)]), 'bytes.bin');
		}
	}
	return form;
}

export type Body =
	| { kind: 'form'; fields: Fields }
	| { kind: 'multipart'; fields: Fields }
	| { kind: 'json'; text: string }
	| { kind: 'raw'; contentType: string; bytes: Buffer };

export type Style = 'enhanced' | 'plain' | 'endpoint';

export type Sent = { method: string; path: string; body?: Body; origin?: string | null };

/** Sends the request as the enhanced form (JSON back), a plain form (a page back) or an endpoint call. */
export function send(client: Client, req: Sent, style: Style): Promise<Response> {
	const headers: Record<string, string> = {};
	if (req.origin !== null) headers.origin = req.origin ?? client.base;
	if (style === 'enhanced') {
		headers.accept = 'application/json';
		headers['x-sveltekit-action'] = 'true';
	} else if (style === 'plain') {
		headers.accept = 'text/html,application/xhtml+xml';
	} else {
		headers.accept = 'application/json';
	}
	let body: BodyInit | undefined;
	const b = req.body;
	if (b?.kind === 'form') {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new Uint8Array(urlencode(b.fields));
	} else if (b?.kind === 'multipart') {
		body = multipart(b.fields);
	} else if (b?.kind === 'json') {
		headers['content-type'] = 'application/json';
		body = b.text;
	} else if (b?.kind === 'raw') {
		headers['content-type'] = b.contentType;
		body = new Uint8Array(b.bytes);
	}
	return client.request(req.path, { method: req.method, headers, body });
}

/** What a person would be told: the status and the message, from whichever kind of answer came back. */
export type Answer = {
	status: number;
	type: 'failure' | 'error' | 'success' | 'redirect' | 'page' | 'json' | 'text' | 'file';
	message: string | null;
	location: string | null;
	body: string;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: '\u00a0' };
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
		if (ENTITIES[e]) return ENTITIES[e];
		if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
		if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
		return m;
	});
}

/** The messages a page shows: its alerts and, on an error page, the error's message. */
export function pageMessages(html: string): string[] {
	const out: string[] = [];
	for (const m of html.matchAll(/<div class="alert error" role="alert">([\s\S]*?)<\/div>/g)) out.push(decodeEntities(m[1].replace(/<[^>]+>/g, '')).trim());
	const errorPage = /<section class="card error-page[^"]*">[\s\S]*?<h1>[\s\S]*?<\/h1>\s*<p>([\s\S]*?)<\/p>/.exec(html);
	if (errorPage) out.push(decodeEntities(errorPage[1].replace(/<[^>]+>/g, '')).trim());
	return out.filter(Boolean);
}

export async function readAnswer(res: Response, style: Style): Promise<Answer> {
	const body = await res.text();
	const type = res.headers.get('content-type') ?? '';
	const location = res.headers.get('location');
	if (res.status >= 300 && res.status < 400) return { status: res.status, type: 'redirect', message: null, location, body };
	if (style === 'enhanced' && type.startsWith('application/json') && /^\{"type":/.test(body)) {
		const result = parseActionResult(body);
		if (result.type === 'redirect') return { status: result.status, type: 'redirect', message: null, location: result.location, body };
		// An error's envelope carries no status of its own: the HTTP status is it.
		if (result.type === 'error') return { status: res.status, type: 'error', message: result.error.message ?? null, location: null, body };
		const message = typeof result.data.message === 'string' ? result.data.message : null;
		return { status: result.status, type: result.type, message, location: null, body };
	}
	if (type.startsWith('application/json')) {
		const json = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } };
		const message = typeof json.message === 'string' ? json.message : typeof json.error?.message === 'string' ? json.error.message : null;
		return { status: res.status, type: 'json', message, location: null, body };
	}
	if (type.startsWith('text/html')) {
		return { status: res.status, type: 'page', message: pageMessages(body)[0] ?? null, location: null, body };
	}
	if (type.startsWith('text/csv')) return { status: res.status, type: 'file', message: null, location: null, body };
	return { status: res.status, type: 'text', message: body.trim() || null, location: null, body };
}

/** A message a person can act on: words, not a stack trace or a placeholder. */
export function unclearMessage(message: string | null): string | null {
	if (message === null) return 'no message';
	const text = message.trim();
	if (text.length < 8) return `too short: "${text}"`;
	if (/Internal Error|Something went wrong on our side|SqliteError|TypeError|ReferenceError|RangeError|node_modules|\bat \S+ \(|\[object Object\]|\bundefined\b|\bnull\b/.test(text)) {
		return `not a clear message: "${text.slice(0, 200)}"`;
	}
	return null;
}
