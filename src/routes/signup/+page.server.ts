import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { signUp } from '$lib/server/accounts';
import { failFromError } from '$lib/server/action-errors';
import { readForm, textField } from '$lib/server/form';
import { startSession } from '$lib/server/login-session';
import { safeRedirectTarget } from '$lib/server/guards';
import { ValidationError } from '$lib/server/errors';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) throw redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const echo = {
			name: form ? textField(form, 'name').slice(0, 200) : '',
			email: form ? textField(form, 'email').slice(0, 300) : '',
			role: form ? textField(form, 'role').slice(0, 20) : ''
		};
		const db = getDb();
		try {
			if (!form) throw new ValidationError('The form could not be read. Please try again.');
			const user = await signUp(
				db,
				{ ...echo, name: textField(form, 'name'), email: textField(form, 'email'), password: textField(form, 'password') },
				{ ip: event.getClientAddress(), now: new Date() }
			);
			startSession(db, event, user.id);
		} catch (err) {
			return failFromError(err, echo);
		}
		throw redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
	}
};
