import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb, groupedWrite } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { readForm, textField } from '$lib/server/form';
import { failFromError } from '$lib/server/action-errors';
import { ValidationError } from '$lib/server/errors';
import { nextCard, whatsNext, type WhatsNext } from '$lib/server/review/queue';
import { formatDateTime, formatInterval } from '$lib/format';
import { parseRating, rateCard, undoLastRating } from '$lib/server/review/rate';
import { reviewCardView, schedulerParams, userCard } from '$lib/server/review/card-view';
import { crammableDecks } from '$lib/server/review/cram';
import { gradeFace, suggestedRating } from '$lib/study/card-face';
import { RATING_LABELS, isRating } from '$lib/study/scheduler';

const MAX_ANSWER = 500;

/** "in 3 h (29 Mar 2026, 04:00)", in the student's time zone. */
function describeNext(next: WhatsNext, now: Date, timeZone: string) {
	const { nextAt, ...waiting } = next;
	const nextAtText = nextAt
		? `in ${formatInterval(Math.max(0, nextAt.getTime() - now.getTime()))} (${formatDateTime(nextAt, timeZone)})`
		: null;
	return { nextAtText, ...waiting };
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const now = new Date();
	const url = event.url;
	const head = nextCard(db, user, now);
	// ?card= names a card to show first: the one just undone, or the one being revealed.
	const named = Number(url.searchParams.get('card'));
	const requested = Number.isSafeInteger(named) && named > 0 ? userCard(db, user.id, named) : null;
	const card = requested ?? head.card;
	const view = card ? reviewCardView(db, card, now, schedulerParams(db, user.id)) : null;
	const revealed = view !== null && requested !== null && url.searchParams.get('show') === '1';
	const typed = (url.searchParams.get('answer') ?? '').slice(0, MAX_ANSWER);
	const grade = revealed && view.face.typed ? gradeFace(view.face, typed) : null;
	const undone = Number(url.searchParams.get('undone'));
	// ?added= comes from "Study these" on an article: how many new cards it gave.
	const addedParam = url.searchParams.get('added');
	const added = addedParam !== null && /^\d{1,6}$/.test(addedParam) ? Number(addedParam) : null;
	return {
		card: view,
		counts: head.counts,
		revealed,
		typed,
		grade,
		suggested: suggestedRating(grade),
		undoneLabel: isRating(undone) ? RATING_LABELS[undone] : null,
		added,
		shownAt: now.getTime(),
		next: view ? null : describeNext(whatsNext(db, user, now), now, user.timeZone),
		decks: view ? [] : crammableDecks(db, user.id)
	};
};

export const actions: Actions = {
	rate: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request);
		try {
			if (!form) throw new ValidationError('The rating could not be read. Please try again.');
			const now = new Date();
			// Without JavaScript the page cannot time the answer; the time it was shown stands in.
			const shownAt = Number(textField(form, 'shownAt'));
			const measured = textField(form, 'durationMs') || (shownAt > 0 ? String(Math.max(0, now.getTime() - shownAt)) : '0');
			const input = parseRating({
				cardId: textField(form, 'cardId'),
				version: textField(form, 'version'),
				rating: textField(form, 'rating'),
				durationMs: measured
			});
			await groupedWrite((db) => rateCard(db, { ...input, userId: user.id, now }));
		} catch (err) {
			return failFromError(err, { rate: true });
		}
		redirect(303, '/review');
	},
	undo: async (event) => {
		const user = requireUser(event);
		let restored;
		try {
			restored = undoLastRating(getDb(), user.id, new Date());
		} catch (err) {
			return failFromError(err, { undo: true });
		}
		redirect(303, `/review?card=${restored.card.id}&undone=${restored.rating}`);
	}
};
