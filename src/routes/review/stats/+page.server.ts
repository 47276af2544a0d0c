import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { loadProgress } from '$lib/server/review/progress';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { progress: loadProgress(getDb(), user, new Date()), timeZone: user.timeZone };
};
