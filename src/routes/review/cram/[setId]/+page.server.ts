import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { NotFoundError } from '$lib/server/errors';
import { cramDeck } from '$lib/server/review/cram';
import { faceOfQuestion } from '$lib/server/review/card-view';
import { gradeFace, suggestedRating } from '$lib/study/card-face';
import { cramFields, cramHref, cramPosition } from '$lib/study/cram';

/**
 * Cram mode: the deck's cards one by one, answers revealed and typed answers graded, and
 * nothing written — the whole session lives in the URL (position, score, cards missed).
 */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const setId = Number(event.params.setId);
	if (!Number.isSafeInteger(setId) || setId < 1) error(404, 'There is no such deck.');
	const db = getDb();
	let deck;
	try {
		deck = cramDeck(db, user.id, setId);
	} catch (err) {
		if (err instanceof NotFoundError) error(404, err.message);
		throw err;
	}
	const pos = cramPosition(event.url.searchParams, deck.questionIds);
	const base = `/review/cram/${deck.id}`;
	const questionId = pos.order[pos.index];
	const found = questionId === undefined ? null : faceOfQuestion(db, questionId);
	const revealed = found !== null && event.url.searchParams.get('show') === '1';
	const typed = (event.url.searchParams.get('answer') ?? '').slice(0, 500);
	const grade = revealed && found.face.typed ? gradeFace(found.face, typed) : null;
	return {
		deck: { id: deck.id, title: deck.title, size: deck.questionIds.length },
		position: { index: pos.index, total: pos.order.length, right: pos.right, missed: pos.missed.length },
		card: found && questionId !== undefined ? { questionId, ...found } : null,
		revealed,
		typed,
		grade,
		suggested: suggestedRating(grade),
		fields: cramFields(pos),
		links: {
			base,
			gotIt: questionId === undefined ? null : cramHref(base, pos, { next: true, right: true }),
			missed: questionId === undefined ? null : cramHref(base, pos, { next: true, missed: questionId }),
			again: cramHref(base, { ...pos, index: 0, right: 0, missed: [] }, { restart: true }),
			missedOnly: pos.missed.length ? cramHref(base, { order: pos.missed, index: 0, right: 0, missed: [], only: pos.missed }, {}) : null
		}
	};
};
