import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { groupedWrite } from '$lib/server/db';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { parseRating, rateCard } from '$lib/server/review/rate';

/**
 * POST {"cardId", "version", "rating" (1–4), "durationMs"} as JSON: rates one of the
 * logged-in user's cards. 200 with the card's new version and due time; 400 bad input,
 * 401 not logged in, 404 not your card, 409 the card changed since it was shown, 415 not
 * JSON. Only JSON is accepted: a cross-site page cannot send it without a CORS preflight,
 * which this endpoint never grants.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	if (!locals.user) return json({ message: 'Log in to review your cards.' }, { status: 401 });
	if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
		return json({ message: 'Send the rating as JSON.' }, { status: 415 });
	}
	let body: unknown;
	try {
		body = await request.json();
	} catch (err) {
		if (err instanceof SyntaxError) return json({ message: 'The request body is not valid JSON.' }, { status: 400 });
		throw err;
	}
	try {
		if (typeof body !== 'object' || body === null) throw new ValidationError('Send an object with cardId, version and rating.');
		const fields = body as Record<string, unknown>;
		const input = parseRating({ cardId: fields.cardId, version: fields.version, rating: fields.rating, durationMs: fields.durationMs });
		const userId = locals.user.id;
		const now = new Date();
		const { card } = await groupedWrite((db) => rateCard(db, { ...input, userId, now }));
		return json({ cardId: card.id, version: card.version, state: card.state, due: card.due.toISOString() });
	} catch (err) {
		if (err instanceof ValidationError) return json({ message: err.message, field: err.field }, { status: 400 });
		if (err instanceof NotFoundError) return json({ message: err.message }, { status: 404 });
		if (err instanceof ConflictError) return json({ message: err.message }, { status: 409 });
		throw err;
	}
};
