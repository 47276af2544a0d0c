import { json, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { getDb, closeDb } from '$lib/server/db';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { closeGeneration, getGeneration } from '$lib/server/generation';
import { failInterruptedOptimizations } from '$lib/server/review/optimize';

export const init: ServerInit = async () => {
	if (building) return;
	const db = getDb();
	// No schedule fit survives a restart: runs left "running" by the last process failed.
	failInterruptedOptimizations(db, new Date());
	const demo = await seedDemoIfEmpty(db);
	if (demo) {
		console.log('Factdeck: created demo accounts on the empty database:');
		for (const account of demo.accounts) {
			console.log(`  ${account.role.padEnd(8)} ${account.email}  password: ${account.password}`);
		}
	}
	getGeneration().resumePending();
	// adapter-node emits this on SIGTERM/SIGINT once the requests in flight have finished
	// (after at most SHUTDOWN_TIMEOUT seconds). Question generation still running is
	// abandoned: its articles stay pending and are generated again at the next start.
	process.once('sveltekit:shutdown', async (reason: string) => {
		await closeGeneration();
		closeDb();
		console.log(`Factdeck: stopped (${reason}); requests finished and the database closed.`);
	});
};

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	'cross-origin-opener-policy': 'same-origin'
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SvelteKit refuses cross-site form posts before this hook runs; this refuses every other
 * cross-site write (JSON included) whose Origin names another site. Requests without an
 * Origin header come from outside a browser, where a cookie cannot be borrowed.
 */
function isCrossSiteWrite(request: Request, url: URL): boolean {
	if (SAFE_METHODS.has(request.method)) return false;
	const origin = request.headers.get('origin');
	return origin !== null && origin !== url.origin;
}

function withSecurityHeaders(response: Response): Response {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	// SvelteKit sets the CSP on pages; other responses (JSON, files) get a strict one.
	if (!response.headers.has('content-security-policy')) {
		response.headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	}
	return response;
}

export const handle: Handle = async ({ event, resolve }) => {
	if (isCrossSiteWrite(event.request, event.url)) {
		return withSecurityHeaders(json({ message: 'Cross-site requests are forbidden.' }, { status: 403 }));
	}
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const result = validateSessionToken(getDb(), token);
		if (result.session) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			if (result.renewed) setSessionCookie(event, token, result.session.expiresAt);
		} else {
			deleteSessionCookie(event);
		}
	}
	return withSecurityHeaders(await resolve(event));
};

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return { message: status >= 500 ? 'Something went wrong on our side. Please try again.' : message };
};
