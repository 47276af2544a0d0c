/**
 * FSRS scheduling through ts-fsrs: desired retention from the student's settings, fuzz on,
 * ts-fsrs's default learning steps, and personal weights when "Optimize my schedule" has
 * fitted some. Pure: the time is passed in, and ts-fsrs derives its fuzz seed from the
 * review time and the card, so the same inputs always give the same schedule.
 */
import { fsrs, State, type Card as FsrsCard, type FSRS, type Grade, type ReviewLog as FsrsLog } from 'ts-fsrs';

export { State };

export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };
export const STATE_LABELS = ['New', 'Learning', 'Review', 'Relearning'] as const;

export function isRating(value: unknown): value is Rating {
	return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The scheduling fields of a card, as stored (the `cards` table uses these names). */
export type CardState = {
	due: Date;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: number;
	lastReview: Date | null;
};

/** The review-log fields ts-fsrs produces for a rating (names as in the `review_logs` table). */
export type LogState = {
	rating: Rating;
	/** The card's state before the rating. */
	state: number;
	due: Date;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	lastElapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	review: Date;
};

export type SchedulerParams = {
	desiredRetention: number;
	/** Personal FSRS weights; null or undefined means ts-fsrs's defaults. */
	weights?: readonly number[] | null;
};

// A scheduler per (retention, weights): building one is cheap, but ratings are the hot path.
const schedulers = new Map<string, FSRS>();
const MAX_CACHED = 256;

function schedulerFor(params: SchedulerParams): FSRS {
	const weights = params.weights && params.weights.length ? params.weights : null;
	const key = `${params.desiredRetention}|${weights ? weights.join(',') : ''}`;
	let f = schedulers.get(key);
	if (!f) {
		f = fsrs({
			request_retention: params.desiredRetention,
			enable_fuzz: true,
			...(weights ? { w: weights } : {})
		});
		if (schedulers.size >= MAX_CACHED) schedulers.delete(schedulers.keys().next().value!);
		schedulers.set(key, f);
	}
	return f;
}

export function toFsrsCard(card: CardState): FsrsCard {
	return {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsedDays,
		scheduled_days: card.scheduledDays,
		learning_steps: card.learningSteps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as State,
		last_review: card.lastReview ?? undefined
	};
}

export function fromFsrsCard(card: FsrsCard): CardState {
	return {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.last_review ?? null
	};
}

function fromFsrsLog(log: FsrsLog): LogState {
	return {
		rating: log.rating as Rating,
		state: log.state,
		due: log.due,
		stability: log.stability,
		difficulty: log.difficulty,
		elapsedDays: log.elapsed_days,
		lastElapsedDays: log.last_elapsed_days,
		scheduledDays: log.scheduled_days,
		learningSteps: log.learning_steps,
		review: log.review
	};
}

/** The card after rating it at `now`, and the log entry for that rating. */
export function schedule(card: CardState, rating: Rating, now: Date, params: SchedulerParams): { card: CardState; log: LogState } {
	const result = schedulerFor(params).next(toFsrsCard(card), now, rating as Grade);
	return { card: fromFsrsCard(result.card), log: fromFsrsLog(result.log) };
}

/** For each rating, how long until the card would come back if rated so now (milliseconds). */
export function previewIntervals(card: CardState, now: Date, params: SchedulerParams): Record<Rating, number> {
	const preview = schedulerFor(params).repeat(toFsrsCard(card), now);
	const out = {} as Record<Rating, number>;
	for (const rating of RATINGS) out[rating] = preview[rating as Grade].card.due.getTime() - now.getTime();
	return out;
}

/** The probability of recalling the card at `now` (0–1); 0 for a card never reviewed. */
export function retrievability(card: CardState, now: Date, params: SchedulerParams): number {
	if (card.state === State.New) return 0;
	return schedulerFor(params).get_retrievability(toFsrsCard(card), now, false);
}
