import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { readForm, textField } from '$lib/server/form';
import { failFromError } from '$lib/server/action-errors';
import { ValidationError } from '$lib/server/errors';
import { findClassByCode, joinClass } from '$lib/server/teaching/membership';
import { isMember } from '$lib/server/teaching/access';
import { users } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';

/**
 * /classes/join, and the join link /classes/join?code=XXXX: a visitor who is not logged in
 * is sent to log in (or sign up) and comes back here; the code is filled in and the class
 * named, and joining takes a click on "Join" (a link alone never changes anything).
 */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const code = (event.url.searchParams.get('code') ?? '').slice(0, 64);
	if (!code.trim()) return { code: '', preview: null };
	const db = getDb();
	try {
		const cls = findClassByCode(db, code);
		const teacher = db.select({ name: users.name }).from(users).where(eq(users.id, cls.teacherId)).get();
		return {
			code,
			preview: {
				id: cls.id,
				name: cls.name,
				teacherName: teacher?.name ?? '',
				open: cls.joinEnabled,
				member: isMember(db, cls.id, user.id),
				teaches: cls.teacherId === user.id
			}
		};
	} catch (err) {
		if (err instanceof ValidationError) return { code, preview: null, problem: err.message };
		throw err;
	}
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request);
		const code = form ? textField(form, 'code').slice(0, 64) : '';
		let classId: number;
		try {
			classId = joinClass(getDb(), user.id, code, new Date()).cls.id;
		} catch (err) {
			return failFromError(err, { code });
		}
		throw redirect(303, `/classes/${classId}`);
	}
};
