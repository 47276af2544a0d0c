import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { listArticles } from '$lib/server/articles';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { articles: listArticles(getDb(), user.id) };
};
