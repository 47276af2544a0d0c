import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { listSets } from '$lib/server/teaching/set-editor';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { sets: listSets(getDb(), user.id), role: user.role };
};
