import { fail, type ActionFailure } from '@sveltejs/kit';
import { ConflictError, ForbiddenError, NotFoundError, ThrottledError, ValidationError } from './errors';

/**
 * Turns a domain error into the action's answer: the message for the form plus what the
 * user typed. Anything unexpected is re-thrown so it is logged and shown as a 500.
 */
export function failFromError<T extends Record<string, unknown>>(
	err: unknown,
	echo: T
): ActionFailure<T & { message: string; field?: string }> {
	if (err instanceof ValidationError) return fail(400, { ...echo, message: err.message, field: err.field });
	if (err instanceof ThrottledError) return fail(429, { ...echo, message: err.message });
	if (err instanceof ConflictError) return fail(409, { ...echo, message: err.message });
	if (err instanceof NotFoundError) return fail(404, { ...echo, message: err.message });
	if (err instanceof ForbiddenError) return fail(403, { ...echo, message: err.message });
	throw err;
}
