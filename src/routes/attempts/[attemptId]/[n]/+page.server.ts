import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { readForm, textField } from '$lib/server/form';
import { failFromError } from '$lib/server/action-errors';
import { ValidationError } from '$lib/server/errors';
import { idParam, rethrowAsHttpError } from '$lib/server/http-errors';
import { loadQuestionScreen, saveAnswer } from '$lib/server/quiz';

// /attempts/[attemptId]/[n]: question n (1-based) of an attempt. Reloading shows the
// saved answer; each answer is a form post saved at once (`go` picks where to go next).

function position(raw: string): number {
	if (!/^[1-9]\d{0,4}$/.test(raw)) error(404, 'This quiz has no such question.');
	return Number(raw);
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const attemptId = idParam(event.params.attemptId);
	const n = position(event.params.n);
	try {
		return { screen: loadQuestionScreen(getDb(), { attemptId, userId: user.id, n, now: new Date() }) };
	} catch (err) {
		rethrowAsHttpError(err);
	}
};

/** Where to go after saving: the next or previous question, the submit step, or stay. */
const DESTINATIONS = ['next', 'prev', 'review', 'stay'] as const;

export const actions: Actions = {
	answer: async (event) => {
		const user = requireUser(event);
		const attemptId = idParam(event.params.attemptId);
		const n = position(event.params.n);
		const form = await readForm(event.request);
		if (!form) return failFromError(new ValidationError('The answer could not be read. Please try again.'), { questionId: 0, typed: '' as string | string[] });
		const questionId = Number(textField(form, 'questionId'));
		// An ordering arrives as one `order` field per position; anything else as `response`.
		const response = form.has('order') ? form.getAll('order').map((v) => (typeof v === 'string' ? v : '')) : textField(form, 'response');
		const typed: string | string[] = Array.isArray(response) ? response.map((v) => v.slice(0, 600)) : response.slice(0, 600);
		let total: number;
		try {
			if (!Number.isInteger(questionId) || questionId <= 0) throw new ValidationError('That question is not part of this quiz.');
			total = saveAnswer(getDb(), { attemptId, userId: user.id, questionId, response, position: n, now: new Date() }).total;
		} catch (err) {
			return failFromError(err, { questionId, typed });
		}
		const go = (DESTINATIONS as readonly string[]).includes(textField(form, 'go')) ? textField(form, 'go') : 'stay';
		if (go === 'next') redirect(303, n < total ? `/attempts/${attemptId}/${n + 1}` : `/attempts/${attemptId}/submit`);
		if (go === 'prev' && n > 1) redirect(303, `/attempts/${attemptId}/${n - 1}`);
		if (go === 'review') redirect(303, `/attempts/${attemptId}/submit`);
		return { saved: true, questionId };
	}
};
