import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { logIn } from '$lib/server/accounts';
import { failFromError } from '$lib/server/action-errors';
import { readForm, textField } from '$lib/server/form';
import { startSession } from '$lib/server/login-session';
import { safeRedirectTarget } from '$lib/server/guards';
import { ValidationError } from '$lib/server/errors';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) throw redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const echo = { email: form ? textField(form, 'email').slice(0, 300) : '' };
		const db = getDb();
		try {
			if (!form) throw new ValidationError('The form could not be read. Please try again.');
			const user = await logIn(
				db,
				{ email: textField(form, 'email'), password: textField(form, 'password') },
				{ ip: event.getClientAddress(), now: new Date() }
			);
			startSession(db, event, user.id);
		} catch (err) {
			return failFromError(err, echo);
		}
		throw redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
	}
};
