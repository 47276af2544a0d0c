import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { listTeacherClasses } from '$lib/server/teaching/class-page';
import { classesOfStudent } from '$lib/server/teaching/membership';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	return {
		role: user.role,
		teaching: user.role === 'teacher' ? listTeacherClasses(db, user.id) : [],
		joined: classesOfStudent(db, user.id)
	};
};
