import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { readForm, textField } from '$lib/server/form';
import { failFromError } from '$lib/server/action-errors';
import { ValidationError } from '$lib/server/errors';
import { allowed } from '$lib/server/teaching/route-guards';
import { classForTeacher, classForViewer, parseId } from '$lib/server/teaching/access';
import { loadStudentClassPage, loadTeacherClassPage } from '$lib/server/teaching/class-page';
import { removeMember, rotateJoinCode, setJoinEnabled } from '$lib/server/teaching/membership';
import { createAssignment } from '$lib/server/teaching/assignments';
import { closeExpiredAttempts } from '$lib/server/teaching/gradebook';
import { parseAssignmentForm, type AssignmentForm } from '$lib/teaching/assignment-input';
import { dateToLocalInput } from '$lib/teaching/zoned-time';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { cls, as } = allowed(() => classForViewer(db, user, parseId(event.params.id)));
	const now = new Date();
	if (as === 'student') return { ...loadStudentClassPage(db, cls, user.id, now), timeZone: user.timeZone };
	closeExpiredAttempts(db, cls.id, now);
	return {
		...loadTeacherClassPage(db, cls, user.id, now),
		joinLink: cls.joinCode ? `${event.url.origin}/classes/join?code=${encodeURIComponent(cls.joinCode)}` : null,
		timeZone: user.timeZone,
		// The form's earliest sensible due time, shown in the teacher's zone.
		nowLocal: dateToLocalInput(now, user.timeZone),
		assigned: event.url.searchParams.get('assigned')
	};
};

/** Every action here is the class teacher's: anyone else gets 403 before anything changes. */
function teacherClass(event: RequestEvent) {
	const user = requireUser(event);
	const db = getDb();
	const cls = allowed(() => classForTeacher(db, user, parseId(event.params.id)));
	return { user, db, cls };
}

const ASSIGN_FIELDS = [
	'setId',
	'kind',
	'title',
	'attemptsAllowed',
	'timeLimitMinutes',
	'opensAt',
	'dueAt',
	'shuffleQuestions',
	'shuffleOptions',
	'feedback'
] as const;

export const actions: Actions = {
	rotate: async (event) => {
		const { db, cls } = teacherClass(event);
		rotateJoinCode(db, cls.id);
		return { code: true, ok: true, message: 'The class has a new join code. The old one no longer works.' };
	},
	joining: async (event) => {
		const { db, cls } = teacherClass(event);
		const form = await readForm(event.request);
		const enabled = form ? textField(form, 'enabled') === 'on' : false;
		setJoinEnabled(db, cls.id, enabled);
		return {
			code: true,
			ok: true,
			message: enabled ? 'Students can join with the code again.' : 'Joining is switched off: the code no longer lets anyone in.'
		};
	},
	remove: async (event) => {
		const { db, cls } = teacherClass(event);
		const form = await readForm(event.request);
		const userId = form ? textField(form, 'userId') : '';
		try {
			removeMember(db, cls.id, userId);
		} catch (err) {
			return failFromError(err, { members: true });
		}
		return { members: true, ok: true, message: 'The student was removed from the class. Their own history is kept.' };
	},
	assign: async (event) => {
		const { user, db, cls } = teacherClass(event);
		const form = await readForm(event.request);
		const raw = Object.fromEntries(ASSIGN_FIELDS.map((f) => [f, form ? textField(form, f).slice(0, 300) : ''])) as AssignmentForm;
		let id: number;
		try {
			if (!form) throw new ValidationError('The form could not be read. Please try again.');
			const now = new Date();
			id = createAssignment(db, cls, user.id, parseAssignmentForm(raw, user.timeZone, now), now).assignment.id;
		} catch (err) {
			return failFromError(err, { assign: raw });
		}
		throw redirect(303, `/classes/${cls.id}?assigned=${id}#assignments`);
	}
};
