/**
 * "Optimize my schedule": fits personal FSRS parameters to the student's review history
 * with @open-spaced-repetition/binding, in a worker thread so no request waits for it.
 * A run is an `optimizations` row: running → done (log loss before and after, weights) or
 * failed (with the error). The new weights are used only when they fit the history at
 * least as well as the current ones.
 *
 * One fit runs at a time in this process (the machine is small); others wait their turn
 * with their row "running". A server that stops mid-fit leaves a row running: the next
 * start marks it failed, and so does a read after the time limit.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { and, asc, count, desc, eq, lt } from 'drizzle-orm';
import { default_w } from 'ts-fsrs';
import type { DB } from '../db/client';
import { optimizations, reviewLogs, users, type Optimization, type User } from '../db/schema';
import { ConflictError, ValidationError } from '../errors';
import { trainingHistories } from '$lib/study/fsrs-history';
import { OPTIMIZE_WORKER_SOURCE, type OptimizeWorkerMessage } from '../workers/optimize-worker';

/** About this many reviews are needed before personal parameters beat the defaults. */
export const OPTIMIZE_MIN_REVIEWS = 400;
export const OPTIMIZE_TIME_LIMIT_MS = 10 * 60_000;
export const INTERRUPTED_MESSAGE = 'The server stopped before the fit finished. Please start it again.';

export type OptimizeOptions = { timeLimitMs?: number };

type Job = { id: number; run: () => void };
const queue: Job[] = [];
let running = 0;
const progress = new Map<number, number>();

function nextJob() {
	if (running > 0) return;
	const job = queue.shift();
	if (!job) return;
	running++;
	job.run();
}

export function reviewCount(db: DB, userId: string): number {
	return db.select({ n: count() }).from(reviewLogs).where(eq(reviewLogs.userId, userId)).get()?.n ?? 0;
}

export function latestOptimization(db: DB, userId: string): Optimization | null {
	return (
		db
			.select()
			.from(optimizations)
			.where(eq(optimizations.userId, userId))
			.orderBy(desc(optimizations.startedAt), desc(optimizations.id))
			.limit(1)
			.get() ?? null
	);
}

/** Marks every running row failed: called when the server starts, when no fit can be running. */
export function failInterruptedOptimizations(db: DB, now: Date, olderThan?: Date): number {
	return db
		.update(optimizations)
		.set({ status: 'failed', error: INTERRUPTED_MESSAGE, finishedAt: now })
		.where(and(eq(optimizations.status, 'running'), olderThan ? lt(optimizations.startedAt, olderThan) : undefined))
		.run().changes;
}

export type OptimizationView = {
	reviewCount: number;
	minReviews: number;
	latest: Optimization | null;
	/** 0–1 while the fit runs in this process, null otherwise. */
	progress: number | null;
	/** Whether the fitted weights are the ones in use. */
	applied: boolean;
};

/** What the settings page shows. A run older than the time limit is failed on the way. */
export function optimizationView(db: DB, userId: string, now: Date): OptimizationView {
	let latest = latestOptimization(db, userId);
	if (latest?.status === 'running' && latest.startedAt.getTime() < now.getTime() - OPTIMIZE_TIME_LIMIT_MS * 2) {
		failInterruptedOptimizations(db, now, new Date(now.getTime() - OPTIMIZE_TIME_LIMIT_MS * 2));
		latest = latestOptimization(db, userId);
	}
	const weights = db.select({ w: users.fsrsWeights }).from(users).where(eq(users.id, userId)).get()?.w ?? null;
	return {
		reviewCount: reviewCount(db, userId),
		minReviews: OPTIMIZE_MIN_REVIEWS,
		latest,
		progress: latest?.status === 'running' ? (progress.get(latest.id) ?? null) : null,
		applied: Boolean(latest?.status === 'done' && latest.weights && weights && JSON.stringify(latest.weights) === JSON.stringify(weights))
	};
}

function bindingPath(): string {
	return createRequire(import.meta.url).resolve('@open-spaced-repetition/binding');
}

/**
 * Starts a fit for the user and returns its row (running) at once, with a promise of the
 * row as it ends (done or failed; it never rejects). ValidationError with too few reviews,
 * ConflictError when the user already has a run going.
 */
export function startOptimization(
	db: DB,
	user: Pick<User, 'id' | 'timeZone'>,
	now: Date,
	options: OptimizeOptions = {}
): { run: Optimization; finished: Promise<Optimization> } {
	const reviews = reviewCount(db, user.id);
	if (reviews < OPTIMIZE_MIN_REVIEWS) {
		throw new ValidationError(`Optimizing needs about ${OPTIMIZE_MIN_REVIEWS} reviews; you have ${reviews} so far.`);
	}
	if (latestOptimization(db, user.id)?.status === 'running') {
		throw new ConflictError('Your schedule is being optimized already. This page shows the result when it is ready.');
	}
	const logs = db
		.select({ cardId: reviewLogs.cardId, rating: reviewLogs.rating, state: reviewLogs.state, review: reviewLogs.review })
		.from(reviewLogs)
		.where(eq(reviewLogs.userId, user.id))
		.orderBy(asc(reviewLogs.cardId), asc(reviewLogs.review), asc(reviewLogs.id))
		.all();
	const histories = trainingHistories(logs, user.timeZone);
	const current = db.select({ w: users.fsrsWeights }).from(users).where(eq(users.id, user.id)).get()?.w;
	const run = db
		.insert(optimizations)
		.values({ userId: user.id, status: 'running', reviewCount: reviews, startedAt: now })
		.returning()
		.get();

	const finished = new Promise<Optimization>((resolve) => {
		const finish = (result: { ok: true; weights: number[]; before: number; after: number } | { ok: false; error: string }) => {
			progress.delete(run.id);
			try {
				const end = new Date();
				const row = db.transaction((tx) => {
					if (result.ok) {
						tx.update(optimizations)
							.set({ status: 'done', weights: result.weights, logLossBefore: result.before, logLossAfter: result.after, finishedAt: end })
							.where(eq(optimizations.id, run.id))
							.run();
						// Keep the current parameters when the new ones do not predict the history better.
						if (result.after <= result.before) tx.update(users).set({ fsrsWeights: result.weights }).where(eq(users.id, user.id)).run();
					} else {
						tx.update(optimizations).set({ status: 'failed', error: result.error.slice(0, 1000), finishedAt: end }).where(eq(optimizations.id, run.id)).run();
					}
					return tx.select().from(optimizations).where(eq(optimizations.id, run.id)).get()!;
				}, { behavior: 'immediate' });
				resolve(row);
			} catch (err) {
				// The database closed under us (the server is shutting down): the next start marks the row failed.
				console.error('Factdeck: could not record the end of an optimization', err);
				resolve({ ...run, status: 'failed', error: String(err) });
			}
		};

		queue.push({
			id: run.id,
			run: () => {
				let settled = false;
				let timer: ReturnType<typeof setTimeout> | undefined;
				const settle = (result: Parameters<typeof finish>[0]) => {
					if (settled) return;
					settled = true;
					clearTimeout(timer);
					running--;
					finish(result);
					nextJob();
				};
				let worker: Worker;
				try {
					worker = new Worker(OPTIMIZE_WORKER_SOURCE, {
						eval: true,
						workerData: { bindingPath: bindingPath(), histories, weights: current?.length ? current : [...default_w] }
					});
				} catch (err) {
					settle({ ok: false, error: `The optimizer could not start: ${err instanceof Error ? err.message : String(err)}` });
					return;
				}
				timer = setTimeout(() => {
					settle({ ok: false, error: 'The fit took too long and was stopped.' });
					void worker.terminate();
				}, options.timeLimitMs ?? OPTIMIZE_TIME_LIMIT_MS);
				timer.unref();
				worker.on('message', (message: OptimizeWorkerMessage) => {
					if (message.type === 'progress') {
						if (message.total > 0) progress.set(run.id, message.done / message.total);
					} else if (message.type === 'done') {
						settle({ ok: true, weights: message.weights, before: message.logLossBefore, after: message.logLossAfter });
						void worker.terminate();
					} else {
						settle({ ok: false, error: message.message });
						void worker.terminate();
					}
				});
				worker.on('error', (err) => settle({ ok: false, error: err.message }));
				worker.on('exit', (code) => settle({ ok: false, error: `The optimizer stopped unexpectedly (exit code ${code}).` }));
				// A fit in progress must not keep the process alive at shutdown.
				worker.unref();
			}
		});
		nextJob();
	});
	return { run, finished };
}
