import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { failFromError } from '$lib/server/action-errors';
import { deleteArticle, loadArticle, studySet } from '$lib/server/articles';
import { getGeneration } from '$lib/server/generation';
import { NotFoundError } from '$lib/server/errors';

function articleId(raw: string): number {
	const id = Number(raw);
	if (!Number.isSafeInteger(id) || id <= 0) throw error(404, 'This article does not exist.');
	return id;
}

function load404<T>(fn: () => T): T {
	try {
		return fn();
	} catch (err) {
		if (err instanceof NotFoundError) throw error(404, err.message);
		throw err;
	}
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const id = articleId(event.params.id);
	const data = load404(() => loadArticle(getDb(), user.id, id));
	const position = data.article.generationStatus === 'pending' ? getGeneration().position(id) : null;
	return { ...data, queuePosition: position, canEdit: user.role === 'teacher' };
};

export const actions: Actions = {
	study: (event) => {
		const user = requireUser(event);
		const id = articleId(event.params.id);
		let created: number;
		try {
			const { set } = load404(() => loadArticle(getDb(), user.id, id));
			if (!set) throw new NotFoundError('This article has no question set.');
			created = studySet(getDb(), user.id, set.id, new Date());
		} catch (err) {
			return failFromError(err, {});
		}
		throw redirect(303, `/review?added=${created}`);
	},
	delete: (event) => {
		const user = requireUser(event);
		try {
			deleteArticle(getDb(), user.id, articleId(event.params.id));
		} catch (err) {
			return failFromError(err, {});
		}
		throw redirect(303, '/articles');
	}
};
