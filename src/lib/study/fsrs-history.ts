/**
 * Turns a student's review log into the training data of the FSRS optimizer: for each card,
 * its ratings in order with the whole study days since the previous one (0 for the first
 * review and for reviews on the same day). Pure; the time zone decides where days break.
 */
import { dayKey, daysBetween } from './day';

export type LoggedReview = { cardId: number; rating: number; state: number; review: Date | number };

/** [rating 1–4, days since the previous review] */
export type HistoryStep = [rating: number, deltaT: number];

/**
 * One history per card, from the card's last first-time (New) rating onwards — reviews
 * before a card was reset say nothing about the memory it has now. Cards without such a
 * rating (history imported mid-way) are left out. Reviews must be in time order per card.
 */
export function trainingHistories(logs: Iterable<LoggedReview>, timeZone: string): HistoryStep[][] {
	const byCard = new Map<number, LoggedReview[]>();
	for (const log of logs) {
		if (log.rating < 1 || log.rating > 4) continue;
		let list = byCard.get(log.cardId);
		if (!list) byCard.set(log.cardId, (list = []));
		list.push(log);
	}
	// Day keys repeat a lot (many reviews a day): compute each quarter hour's once.
	const keys = new Map<number, string>();
	const keyOf = (at: Date | number) => {
		const ms = typeof at === 'number' ? at : at.getTime();
		const bucket = Math.floor(ms / 900_000);
		let key = keys.get(bucket);
		if (key === undefined) keys.set(bucket, (key = dayKey(ms, timeZone)));
		return key;
	};
	const histories: HistoryStep[][] = [];
	for (const list of byCard.values()) {
		let first = -1;
		for (let i = list.length - 1; i >= 0; i--) {
			if (list[i].state === 0) {
				first = i;
				break;
			}
		}
		if (first < 0) continue;
		const steps: HistoryStep[] = [];
		let previous = '';
		for (const log of list.slice(first)) {
			const key = keyOf(log.review);
			steps.push([log.rating, previous ? Math.max(0, daysBetween(previous, key)) : 0]);
			previous = key;
		}
		histories.push(steps);
	}
	return histories;
}

/**
 * How many training items the histories make: as in Anki, one per review after the first
 * that comes on a later day than the one before it (a long-term review).
 */
export function countTrainingItems(histories: readonly HistoryStep[][]): number {
	let n = 0;
	for (const steps of histories) for (let i = 1; i < steps.length; i++) if (steps[i][1] > 0) n++;
	return n;
}
