import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { readForm, textField } from '$lib/server/form';
import { failFromError } from '$lib/server/action-errors';
import { saveStudySettings, timeZones, validateStudySettings, RETENTION_RANGE } from '$lib/server/settings';
import { changePassword } from '$lib/server/accounts';
import { startSession } from '$lib/server/login-session';
import { ValidationError } from '$lib/server/errors';
import { optimizationView, startOptimization } from '$lib/server/review/optimize';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		settings: {
			timeZone: user.timeZone,
			desiredRetention: user.desiredRetention,
			newPerDay: user.newPerDay,
			reviewsPerDay: user.reviewsPerDay
		},
		timeZones: timeZones(),
		retentionRange: RETENTION_RANGE,
		optimization: optimizationView(getDb(), user.id, new Date())
	};
};

export const actions: Actions = {
	study: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request);
		const input = {
			timeZone: form ? textField(form, 'timeZone').slice(0, 100) : '',
			desiredRetention: form ? textField(form, 'desiredRetention').slice(0, 20) : '',
			newPerDay: form ? textField(form, 'newPerDay').slice(0, 20) : '',
			reviewsPerDay: form ? textField(form, 'reviewsPerDay').slice(0, 20) : ''
		};
		try {
			saveStudySettings(getDb(), user.id, validateStudySettings(input));
		} catch (err) {
			return failFromError(err, { study: input });
		}
		return { study: input, ok: true, message: 'Your study settings are saved.' };
	},
	optimize: (event) => {
		const user = requireUser(event);
		try {
			// Returns at once: the fit runs in a worker thread and records its result itself.
			startOptimization(getDb(), user, new Date());
		} catch (err) {
			return failFromError(err, { optimize: true });
		}
		return { optimize: true, ok: true, message: 'Optimizing your schedule. This takes a little while; the result appears here.' };
	},
	password: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request);
		const db = getDb();
		try {
			if (!form) throw new ValidationError('The form could not be read. Please try again.');
			const next = textField(form, 'next');
			if (next !== textField(form, 'confirm')) {
				throw new ValidationError('The new password and its confirmation differ.', 'confirm');
			}
			await changePassword(db, user.id, { current: textField(form, 'current'), next });
			// Every session, this one included, has ended; carry on in a new one.
			startSession(db, event, user.id);
		} catch (err) {
			return failFromError(err, { password: true });
		}
		return { password: true, ok: true, message: 'Your password is changed. You were logged out everywhere else.' };
	}
};
