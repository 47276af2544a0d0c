import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth';

export const load: PageServerLoad = () => {
	throw redirect(303, '/');
};

export const actions: Actions = {
	default: (event) => {
		if (event.locals.session) invalidateSession(getDb(), event.locals.session.id);
		deleteSessionCookie(event);
		throw redirect(303, '/');
	}
};
