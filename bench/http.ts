// The HTTP runs of the bench: autocannon against the built server, each request a valid
// one made as a real student would (their own session cookie, their own due card, their
// own open quiz attempt), so a non-2xx answer is a failure, not part of the load.
import autocannon, { type Request, type Result } from 'autocannon';
import type { School } from './seed-school';
import { steadyRun } from './steady';

export type HttpRun = {
	name: string;
	reqPerSec: number;
	p50Ms: number;
	p99Ms: number;
	non2xx: number;
	/** Connection errors and timeouts. */
	errors: number;
	requests: number;
	durationS: number;
	/** Set when the run ended early because its supply of valid requests ran out. */
	exhausted?: boolean;
	/** The server's CPU time (all threads, and its generation worker processes) per request, filled in by the caller. */
	serverCpuMsPerRequest?: number;
	/** The same for the server's main thread alone (the one answering requests). */
	mainThreadCpuMsPerRequest?: number;
};

export type RunOptions = { url: string; connections: number; duration: number };

const RATINGS = [1, 2, 3, 3, 3, 3, 3, 3, 4, 4];

function summary(name: string, result: Result, exhausted = false): HttpRun {
	const requests = result.requests.total;
	return {
		name,
		reqPerSec: result.duration > 0 ? Math.round(requests / result.duration) : 0,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors,
		requests,
		durationS: result.duration,
		...(exhausted ? { exhausted } : {})
	};
}

/**
 * One autocannon run. `next` makes each request; `amount` caps the number of requests (for
 * requests that can each be made only once), and the run stops after `duration` seconds
 * either way (autocannon stops at its next one-second tick).
 */
async function cannon(
	name: string,
	opts: RunOptions,
	next: (context: Record<string, unknown>) => Request,
	extra: { amount?: number; onResponse?: Request['onResponse']; exhausted?: () => boolean } = {}
): Promise<HttpRun> {
	const instance = autocannon({
		url: opts.url,
		connections: opts.connections,
		timeout: 30,

		...(extra.amount ? { amount: extra.amount } : { duration: opts.duration }),
		requests: [
			{
				setupRequest: (req, context) => ({ ...req, ...next(context) }),
				...(extra.onResponse ? { onResponse: extra.onResponse } : {})
			}
		]
	});
	const timer = extra.amount ? setTimeout(() => instance.stop(), opts.duration * 1000) : undefined;
	try {
		const result = await instance;
		return summary(name, result, extra.exhausted?.() ?? false);
	} finally {
		clearTimeout(timer);
	}
}

function cycle<T>(items: readonly T[]): () => T {
	if (!items.length) throw new Error('Nothing to send');
	let i = 0;
	return () => items[i++ % items.length];
}

/** GET a page as the students in turn. */
export function pageRun(name: string, path: string, school: School, opts: RunOptions): Promise<HttpRun> {
	const student = cycle(school.students);
	return cannon(name, opts, () => ({ method: 'GET', path, headers: { cookie: `session=${student().token}`, accept: 'text/html' } }));
}

export function healthRun(name: string, opts: RunOptions): Promise<HttpRun> {
	return cannon(name, opts, () => ({ method: 'GET', path: '/api/health' }));
}

export type Rating = { token: string; cardId: number; version: number };

/** Every due card of the school, students taking turns, so concurrent ratings are by different students. */
export function ratingPool(school: School): Rating[] {
	const pool: Rating[] = [];
	const longest = Math.max(0, ...school.students.map((s) => s.dueCards.length));
	for (let i = 0; i < longest; i++) {
		for (const s of school.students) {
			const card = s.dueCards[i];
			if (card) pool.push({ token: s.token, cardId: card.id, version: card.version });
		}
	}
	return pool;
}

/** What the server acknowledged (2xx), to check afterwards that the database holds it. */
export type Acknowledged = {
	/** cardId → the version the server said the card now has. */
	ratings: Map<number, number>;
	/** "attemptId:questionId" → the response saved. */
	answers: Map<string, string | string[]>;
};

export function newAcknowledged(): Acknowledged {
	return { ratings: new Map(), answers: new Map() };
}

/**
 * POST /api/review/rate, each request a different due card rated once with the version it
 * has, as the review page's script sends it. Takes `count` cards from the front of `pool`.
 * Without `rate`, autocannon sends as many as the server answers; with it, a steady
 * `rate` a second (steady.ts).
 */
export function rateRun(name: string, pool: Rating[], count: number, opts: RunOptions, acked: Acknowledged, rate?: number): Promise<HttpRun> {
	const take = pool.splice(0, Math.min(count, pool.length));
	if (take.length < opts.connections) throw new Error(`Only ${take.length} due cards left to rate`);
	let i = 0;
	const started = performance.now();
	const request = () => {
		const r = take[i];
		const rating = RATINGS[i % RATINGS.length];
		i++;
		return {
			method: 'POST' as const,
			path: '/api/review/rate',
			headers: { cookie: `session=${r.token}`, 'content-type': 'application/json', accept: 'application/json', origin: opts.url },
			body: JSON.stringify({ cardId: r.cardId, version: r.version, rating, durationMs: 2000 + ((i * 7919) % 13000) })
		};
	};
	const onResponse = (status: number, body: string) => {
		if (status !== 200) return;
		const saved = JSON.parse(body) as { cardId: number; version: number };
		acked.ratings.set(saved.cardId, saved.version);
	};
	if (rate) {
		if (take.length < rate * opts.duration) throw new Error(`Only ${take.length} due cards left for ${rate} ratings a second`);
		return steadyRun(name, opts, rate, request, onResponse);
	}
	return cannon(name, opts, request, {
		amount: take.length,
		// Ran out: every card was used before the time was up.
		exhausted: () => i >= take.length && performance.now() - started < opts.duration * 1000 - 1000,
		onResponse
	});
}

/**
 * The quiz's answer path as the question page's enhanced form sends it (`use:enhance`:
 * urlencoded, `x-sveltekit-action: true`, the page's Origin), over every student's open
 * attempt in turn. Answering a question again replaces the answer, as autosave does.
 */
export function answerRun(name: string, school: School, opts: RunOptions, acked: Acknowledged): Promise<HttpRun> {
	const tokens = new Map(school.students.flatMap((s) => s.answers.map((a) => [a.attemptId, s.token] as const)));
	// Students take turns: question 1 of every attempt, then question 2, …
	const longest = Math.max(0, ...school.students.map((s) => s.answers.length));
	const posts: School['students'][number]['answers'] = [];
	for (let n = 0; n < longest; n++) for (const s of school.students) if (s.answers[n]) posts.push(s.answers[n]);
	const post = cycle(posts);
	return cannon(
		name,
		opts,
		(context) => {
			const a = post();
			context.sent = a;
			return {
				method: 'POST',
				path: `/attempts/${a.attemptId}/${a.n}?/answer`,
				headers: {
					cookie: `session=${tokens.get(a.attemptId)}`,
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					origin: opts.url
				},
				body: a.body
			};
		},
		{
			onResponse: (status, body, context) => {
				const a = context.sent as (typeof posts)[number] | undefined;
				if (status !== 200 || !a || !body.startsWith('{"type":"success"')) return;
				acked.answers.set(`${a.attemptId}:${a.questionId}`, a.response);
			}
		}
	);
}

/** One cheap request of each kind first, so a broken route fails the bench at once with its answer. */
export async function probe(url: string, school: School): Promise<void> {
	const s = school.students[0];
	const check = async (what: string, res: Response) => {
		if (res.status !== 200) throw new Error(`${what} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
	};
	const cookie = `session=${s.token}`;
	await check('GET /', await fetch(`${url}/`, { headers: { cookie }, redirect: 'manual' }));
	await check('GET /review', await fetch(`${url}/review`, { headers: { cookie }, redirect: 'manual' }));
	const a = s.answers[0];
	const res = await fetch(`${url}/attempts/${a.attemptId}/${a.n}?/answer`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-sveltekit-action': 'true', origin: url },
		body: a.body
	});
	const text = await res.text();
	if (res.status !== 200 || !text.startsWith('{"type":"success"')) throw new Error(`The quiz answer was refused (${res.status}): ${text.slice(0, 500)}`);
}
