import { json } from '@sveltejs/kit';
import { version } from '$app/environment';
import type { RequestHandler } from './$types';
import { checkDatabase } from '$lib/server/health';
import { getDb } from '$lib/server/db';

export const GET: RequestHandler = () => {
	const database = checkDatabase(getDb());
	return json(
		{ status: database.ok ? 'ok' : 'error', database, version },
		{ status: database.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
