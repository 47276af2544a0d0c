/**
 * A cram session kept in the URL, so it works without JavaScript and writes nothing:
 * `i` the position, `right` how many were known, `missed` the question ids not known, and
 * `only` to practise just some of the deck's cards (the ones missed last time).
 */

export type CramPosition = {
	/** The question ids of this session, in order. */
	order: number[];
	index: number;
	right: number;
	missed: number[];
	/** The subset being practised, when not the whole deck. */
	only?: number[];
};

function ids(raw: string | null, allowed: ReadonlySet<number>): number[] {
	if (!raw) return [];
	const out: number[] = [];
	for (const part of raw.split(',').slice(0, 1000)) {
		const n = Number(part);
		if (Number.isSafeInteger(n) && allowed.has(n) && !out.includes(n)) out.push(n);
	}
	return out;
}

function count(raw: string | null, max: number): number {
	const n = Number(raw ?? 0);
	return Number.isSafeInteger(n) && n > 0 ? Math.min(n, max) : 0;
}

/** Reads the session from the query string; anything out of range is clamped or ignored. */
export function cramPosition(params: URLSearchParams, deck: readonly number[]): CramPosition {
	const inDeck = new Set(deck);
	const only = ids(params.get('only'), inDeck);
	const order = only.length ? deck.filter((id) => only.includes(id)) : [...deck];
	const index = count(params.get('i'), order.length);
	const missed = ids(params.get('missed'), new Set(order.slice(0, index)));
	const right = Math.min(count(params.get('right'), index), index - missed.length);
	return { order, index, right, missed, ...(only.length ? { only } : {}) };
}

/** The session as form fields, for the "Show answer" form (a GET of the same page). */
export function cramFields(pos: CramPosition): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(cramHref('', pos, {}).replace(/^\?/, '')));
}

/** The link for the next step: reveal (same card), got it / missed it (next card), or restart. */
export function cramHref(
	base: string,
	pos: CramPosition,
	step: { next?: boolean; right?: boolean; missed?: number; restart?: boolean }
): string {
	const params = new URLSearchParams();
	if (pos.only?.length) params.set('only', pos.only.join(','));
	if (!step.restart) {
		const missed = step.missed !== undefined ? [...pos.missed, step.missed] : pos.missed;
		params.set('i', String(step.next ? pos.index + 1 : pos.index));
		const right = pos.right + (step.right ? 1 : 0);
		if (right) params.set('right', String(right));
		if (missed.length) params.set('missed', missed.join(','));
	}
	const query = params.toString();
	return query ? `${base}?${query}` : base;
}
