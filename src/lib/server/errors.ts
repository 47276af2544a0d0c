/** Bad input from a user: the message is shown on the form, next to the field when one is named. */
export class ValidationError extends Error {
	constructor(
		message: string,
		readonly field?: string
	) {
		super(message);
		this.name = 'ValidationError';
	}
}

/** Too many attempts: the caller answers 429 with the message. */
export class ThrottledError extends Error {
	constructor(readonly retryAfterMinutes: number) {
		super(
			`Too many failed attempts. Try again in ${retryAfterMinutes} minute${retryAfterMinutes === 1 ? '' : 's'}.`
		);
		this.name = 'ThrottledError';
	}
}

/** The thing does not exist, or the user may not know that it does. */
export class NotFoundError extends Error {
	constructor(message = 'Not found') {
		super(message);
		this.name = 'NotFoundError';
	}
}

/** The user is known but may not do this. */
export class ForbiddenError extends Error {
	constructor(message = 'You do not have access to this page.') {
		super(message);
		this.name = 'ForbiddenError';
	}
}

/** The request conflicts with the current state (a stale card, a closed quiz). */
export class ConflictError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConflictError';
	}
}
