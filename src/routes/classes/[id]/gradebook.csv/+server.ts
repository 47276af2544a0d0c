import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { allowed } from '$lib/server/teaching/route-guards';
import { classForTeacher, parseId } from '$lib/server/teaching/access';
import { closeExpiredAttempts, gradebookCsv, gradebookFileName, loadGradebook } from '$lib/server/teaching/gradebook';
import { csvFileName } from '$lib/teaching/csv';

/** The gradebook as a CSV download, for the class's teacher only. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const cls = allowed(() => classForTeacher(db, user, parseId(event.params.id)));
	const now = new Date();
	closeExpiredAttempts(db, cls.id, now);
	const body = gradebookCsv(loadGradebook(db, cls.id, now));
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8; header=present',
			'content-disposition': `attachment; filename="${csvFileName(...gradebookFileName(cls, now))}"`,
			'cache-control': 'private, no-store'
		}
	});
};
