import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '../db/client';
import { articles, questions, setItems } from '../db/schema';
import type { ArticleKind, GeneratedQuestion } from '../../generation/index';
import { PoolClosedError, WorkerJobError, WorkerPool } from './pool';
import type { ExtractResult, GenerateResult, GenerationJob } from './worker';
import { ValidationError } from '../errors';

/** How many questions a new article's set starts with (the editor can ask for more). */
export const QUESTIONS_PER_ARTICLE = 20;
export const WORKER_MODULE = 'src/lib/server/generation/worker.ts';

export type GenerationPool = WorkerPool<GenerationJob, ExtractResult | GenerateResult>;

/** Maps a generator question onto a row of the questions table. */
export function questionRow(q: GeneratedQuestion, articleId: number, ownerId: string, now: Date) {
	return {
		articleId,
		ownerId,
		type: q.type,
		prompt: q.prompt,
		answer: q.answer,
		options: q.options.length ? q.options : null,
		accept: q.accept,
		explanation: q.explanation,
		sources: q.sources,
		tolerance: q.tolerance ?? null,
		cardFront: q.card.front,
		cardBack: q.card.back,
		score: q.score,
		status: 'draft' as const,
		origin: 'generated' as const,
		createdAt: now,
		updatedAt: now
	};
}

/**
 * Runs extraction and generation in the worker pool and stores the results. The web
 * request only queues work: the article page shows progress until the questions are in.
 */
export class GenerationService {
	private readonly inFlight = new Map<number, Promise<void>>();

	constructor(
		private readonly db: DB,
		private readonly pool: GenerationPool,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** The main text and title of raw input (HTML through Readability), computed in a worker. */
	async extract(raw: string, kind: ArticleKind, url?: string): Promise<ExtractResult> {
		try {
			return (await this.pool.run({ op: 'extract', raw, kind, url })) as ExtractResult;
		} catch (err) {
			throw asUserError(err);
		}
	}

	/** Every question the generator can make from the text (count 0), ranked, computed in a worker. */
	async candidates(text: string, options: { seed: number; title: string }): Promise<GeneratedQuestion[]> {
		try {
			const job = { op: 'generate' as const, text, title: options.title, seed: options.seed, count: 0 };
			return ((await this.pool.run(job)) as GenerateResult).questions;
		} catch (err) {
			throw asUserError(err);
		}
	}

	/** Queues generation for a pending article; resolves when its questions are stored or it failed. */
	queue(articleId: number): Promise<void> {
		const running = this.inFlight.get(articleId);
		if (running) return running;
		// Background work: a failure is logged and recorded on the article, never left as an
		// unhandled rejection (which would stop the whole server).
		const work = this.run(articleId)
			.catch((err) => this.storeFailed(articleId, err))
			.finally(() => this.inFlight.delete(articleId));
		this.inFlight.set(articleId, work);
		return work;
	}

	/** null when not queued here; 0 when generating; n when n-th in line. */
	position(articleId: number): number | null {
		return this.pool.positionOf(`article:${articleId}`);
	}

	/** After a restart: queue every article still waiting for its questions. */
	resumePending(): number {
		const pending = this.db
			.select({ id: articles.id })
			.from(articles)
			.where(eq(articles.generationStatus, 'pending'))
			.all();
		for (const { id } of pending) void this.queue(id);
		return pending.length;
	}

	private async run(articleId: number): Promise<void> {
		const article = this.db.select().from(articles).where(eq(articles.id, articleId)).get();
		if (!article || article.generationStatus !== 'pending') return;
		let generated: GeneratedQuestion[];
		try {
			const result = (await this.pool.run(
				{ op: 'generate', text: article.text, title: article.title, seed: article.id, count: QUESTIONS_PER_ARTICLE },
				`article:${articleId}`
			)) as GenerateResult;
			generated = result.questions;
		} catch (err) {
			// Shutting down is not the article's fault: it stays pending for the next start.
			if (err instanceof PoolClosedError) return;
			const message = asUserError(err).message;
			this.db
				.update(articles)
				.set({ generationStatus: 'failed', generationError: message })
				.where(and(eq(articles.id, articleId), eq(articles.generationStatus, 'pending')))
				.run();
			return;
		}
		this.store(article.id, article.ownerId, generated);
	}

	/**
	 * Generation or storing went wrong on our side (not the text's fault): the article shows
	 * the failure. When even that cannot be written (the database is closing), it stays
	 * pending and the next start generates it again.
	 */
	private storeFailed(articleId: number, err: unknown): void {
		console.error(`Factdeck: generating the questions of article ${articleId} failed:`, err);
		try {
			this.db
				.update(articles)
				.set({ generationStatus: 'failed', generationError: 'Something went wrong while making the questions. Please add the article again.' })
				.where(and(eq(articles.id, articleId), eq(articles.generationStatus, 'pending')))
				.run();
		} catch (again) {
			console.error(`Factdeck: article ${articleId} stays pending and is generated again at the next start:`, again);
		}
	}

	/** Writes the questions into every set built from the article, in one transaction. */
	private store(articleId: number, ownerId: string, generated: GeneratedQuestion[]): void {
		const now = this.clock();
		this.db.transaction((tx) => {
			const status = tx.select({ s: articles.generationStatus }).from(articles).where(eq(articles.id, articleId)).get();
			if (status?.s !== 'pending') return;
			const setIds = tx.all<{ set_id: number }>(sql`SELECT set_id FROM set_articles WHERE article_id = ${articleId}`);
			const rows = generated.map((q) => tx.insert(questions).values(questionRow(q, articleId, ownerId, now)).returning({ id: questions.id }).get());
			for (const { set_id } of setIds) {
				const start = tx.get<{ next: number }>(sql`SELECT coalesce(max(position) + 1, 0) AS next FROM set_items WHERE set_id = ${set_id}`)!.next;
				rows.forEach((row, i) => tx.insert(setItems).values({ setId: set_id, questionId: row.id, position: start + i }).run());
			}
			tx.update(articles)
				.set({
					generationStatus: generated.length ? 'ready' : 'failed',
					generationError: generated.length ? null : 'No questions could be made from this text. Try a longer article with more facts.'
				})
				.where(eq(articles.id, articleId))
				.run();
		}, { behavior: 'immediate' });
	}
}

/** Generator errors carry a sentence meant for the user; anything else is our fault and stays an Error. */
function asUserError(err: unknown): Error {
	if (err instanceof WorkerJobError && err.name === 'GenerationError') return new ValidationError(err.message);
	return err instanceof Error ? err : new Error(String(err));
}
