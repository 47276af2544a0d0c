import { error } from '@sveltejs/kit';
import { ForbiddenError, NotFoundError } from '../errors';

/**
 * Runs an access check in a load or action: NotFoundError becomes a 404 page and
 * ForbiddenError a 403 page, before anything else happens.
 */
export function allowed<T>(check: () => T): T {
	try {
		return check();
	} catch (err) {
		if (err instanceof NotFoundError) throw error(404, err.message);
		if (err instanceof ForbiddenError) throw error(403, err.message);
		throw err;
	}
}
