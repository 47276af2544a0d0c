import { error } from '@sveltejs/kit';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';

/**
 * For loads: turns a domain error into the HTTP error page (404, 403, 409, 400) with its
 * message. Anything unexpected is re-thrown so it is logged and shown as a 500.
 */
export function rethrowAsHttpError(err: unknown): never {
	if (err instanceof NotFoundError) error(404, err.message);
	if (err instanceof ForbiddenError) error(403, err.message);
	if (err instanceof ConflictError) error(409, err.message);
	if (err instanceof ValidationError) error(400, err.message);
	throw err;
}

/** A positive integer id from a route parameter; anything else is a 404. */
export function idParam(raw: string): number {
	if (!/^[1-9]\d{0,14}$/.test(raw)) error(404, 'Not found');
	return Number(raw);
}
