import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireTeacher } from '$lib/server/guards';
import { readForm, textField } from '$lib/server/form';
import { failFromError } from '$lib/server/action-errors';
import { createClass } from '$lib/server/classes';

export const load: PageServerLoad = (event) => {
	requireTeacher(event);
};

export const actions: Actions = {
	default: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event.request);
		const name = form ? textField(form, 'name') : '';
		let id: number;
		try {
			id = createClass(getDb(), teacher.id, name).id;
		} catch (err) {
			return failFromError(err, { name: name.slice(0, 200) });
		}
		throw redirect(303, `/classes/${id}`);
	}
};
