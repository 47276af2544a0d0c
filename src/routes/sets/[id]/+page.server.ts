import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { readForm, textField } from '$lib/server/form';
import { failFromError } from '$lib/server/action-errors';
import { ValidationError } from '$lib/server/errors';
import { QUESTION_TYPES, type QuestionType } from '$lib/server/db/schema';
import { allowed } from '$lib/server/teaching/route-guards';
import { parseId, setForOwner } from '$lib/server/teaching/access';
import {
	addManualQuestion,
	approveAllDrafts,
	loadSetEditor,
	moveQuestion,
	questionInSet,
	renameSet,
	setQuestionStatus,
	updateQuestion
} from '$lib/server/teaching/set-editor';
import { regenerateQuestion } from '$lib/server/teaching/regenerate';
import { getGeneration } from '$lib/server/generation';
import { contentFromForm, type QuestionFormFields } from '$lib/teaching/question-form';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const set = allowed(() => setForOwner(db, user, parseId(event.params.id)));
	const addType = QUESTION_TYPES.find((t) => t === event.url.searchParams.get('add')) ?? null;
	return { ...loadSetEditor(db, set), addType, canAssign: user.role === 'teacher' };
};

/** Every action edits the caller's own set: anyone else gets 403 (404 for no such set) first. */
async function ownSet(event: RequestEvent) {
	const user = requireUser(event);
	const db = getDb();
	const set = allowed(() => setForOwner(db, user, parseId(event.params.id)));
	// An unreadable body reads as an empty form: every action then refuses it as incomplete.
	const form = (await readForm(event.request)) ?? new FormData();
	return { db, set, form };
}

function questionFields(form: FormData): QuestionFormFields {
	const text = (name: string, max = 4000) => textField(form, name).slice(0, max);
	return {
		prompt: text('prompt'),
		explanation: text('explanation'),
		option: form.getAll('option').map((v) => (typeof v === 'string' ? v.slice(0, 1000) : '')).slice(0, 12),
		correct: text('correct', 10),
		answer: text('answer', 1000),
		tolerance: text('tolerance', 50),
		items: text('items'),
		accept: text('accept')
	};
}

const back = (setId: number, questionId?: number) => `/sets/${setId}${questionId ? `#q-${questionId}` : ''}`;

export const actions: Actions = {
	rename: async (event) => {
		const { db, set, form } = await ownSet(event);
		const title = textField(form, 'title').slice(0, 1000);
		try {
			renameSet(db, set.id, title);
		} catch (err) {
			return failFromError(err, { rename: true, title });
		}
		throw redirect(303, back(set.id));
	},
	save: async (event) => {
		const { db, set, form } = await ownSet(event);
		const questionId = parseId(textField(form, 'questionId'));
		const fields = questionFields(form);
		let id: number;
		try {
			const question = questionInSet(db, set.id, questionId);
			id = updateQuestion(db, set.id, question.id, contentFromForm(question.type, fields, question.options), new Date());
		} catch (err) {
			return failFromError(err, { edit: questionId, fields });
		}
		throw redirect(303, back(set.id, id));
	},
	status: async (event) => {
		const { db, set, form } = await ownSet(event);
		const questionId = parseId(textField(form, 'questionId'));
		const status = textField(form, 'status');
		try {
			if (status !== 'approved' && status !== 'rejected' && status !== 'draft') throw new ValidationError('Choose approve or reject.');
			setQuestionStatus(db, set.id, questionId, status, new Date());
		} catch (err) {
			return failFromError(err, { question: questionId });
		}
		throw redirect(303, back(set.id, questionId ?? undefined));
	},
	approveAll: async (event) => {
		const { db, set } = await ownSet(event);
		approveAllDrafts(db, set.id, new Date());
		throw redirect(303, back(set.id));
	},
	move: async (event) => {
		const { db, set, form } = await ownSet(event);
		const questionId = parseId(textField(form, 'questionId'));
		const direction = textField(form, 'direction');
		try {
			if (direction !== 'up' && direction !== 'down') throw new ValidationError('Choose up or down.');
			moveQuestion(db, set.id, questionId, direction);
		} catch (err) {
			return failFromError(err, { question: questionId });
		}
		throw redirect(303, back(set.id, questionId ?? undefined));
	},
	regenerate: async (event) => {
		const { db, set, form } = await ownSet(event);
		const questionId = parseId(textField(form, 'questionId'));
		let id: number;
		try {
			const question = questionInSet(db, set.id, questionId);
			const generation = getGeneration();
			id = await regenerateQuestion(db, question.id, new Date(), (text, options) => generation.candidates(text, options));
		} catch (err) {
			return failFromError(err, { question: questionId });
		}
		throw redirect(303, back(set.id, id));
	},
	add: async (event) => {
		const { db, set, form } = await ownSet(event);
		const type = textField(form, 'type') as QuestionType;
		const fields = questionFields(form);
		const [articlePart, span] = textField(form, 'source').slice(0, 100).split(':');
		let id: number;
		try {
			if (!QUESTION_TYPES.includes(type)) throw new ValidationError('Choose a question type.', 'type');
			id = addManualQuestion(
				db,
				set,
				{ articleId: parseId(articlePart), source: span ?? '', content: contentFromForm(type, fields) },
				new Date()
			);
		} catch (err) {
			return failFromError(err, { add: type, fields, source: textField(form, 'source').slice(0, 100) });
		}
		throw redirect(303, back(set.id, id));
	}
};
