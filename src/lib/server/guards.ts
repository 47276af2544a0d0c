import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './auth';

/** The logged-in user; anyone else is sent to /login and brought back afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		throw redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return user;
}

export function requireTeacher(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'teacher') throw error(403, 'Only teachers can open this page.');
	return user;
}

/** A same-site path to return to after logging in; anything else falls back to the dashboard. */
export function safeRedirectTarget(raw: string | null): string {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
	return raw;
}
