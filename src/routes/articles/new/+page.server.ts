import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { readForm, textField } from '$lib/server/form';
import { failFromError } from '$lib/server/action-errors';
import { cleanTitle, createArticle } from '$lib/server/articles';
import { readArticleInput } from '$lib/server/article-input';
import { getGeneration } from '$lib/server/generation';
import { ValidationError } from '$lib/server/errors';

export const load: PageServerLoad = (event) => {
	requireUser(event);
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request);
		const mode = form ? textField(form, 'mode') : '';
		const echo = {
			mode: mode.slice(0, 10),
			title: form ? textField(form, 'title').slice(0, 300) : '',
			url: form ? textField(form, 'url').slice(0, 2100) : '',
			// Pasted text is echoed back so a mistake elsewhere does not lose it.
			text: form ? textField(form, 'text').slice(0, 1_000_001) : ''
		};
		let articleId: number;
		try {
			if (!form) throw new ValidationError('The form could not be read. Please try again.');
			const title = cleanTitle(textField(form, 'title'));
			const input = await readArticleInput(form, mode);
			const generation = getGeneration();
			const extracted = await generation.extract(input.raw, input.kind, input.url);
			({ articleId } = createArticle(
				getDb(),
				user.id,
				{ title: title || extracted.title, text: extracted.text, source: input.source, sourceKind: input.sourceKind },
				new Date()
			));
			void generation.queue(articleId);
		} catch (err) {
			return failFromError(err, echo);
		}
		throw redirect(303, `/articles/${articleId}`);
	}
};
