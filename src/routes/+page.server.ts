import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { loadDashboard } from '$lib/server/dashboard';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) return { dashboard: null };
	return { dashboard: loadDashboard(getDb(), locals.user, new Date()) };
};
