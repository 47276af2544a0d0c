import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tempDb, type TempDb } from '../helpers/db';
import { insertUser } from '../helpers/fixtures';
import { createArticle } from '../../src/lib/server/articles';
import { GenerationService, WORKER_MODULE } from '../../src/lib/server/generation/service';
import { WorkerPool } from '../../src/lib/server/generation/pool';
import { articles } from '../../src/lib/server/db/schema';

// Generation runs in the background of the server: when storing its result fails, the
// failure must land on the article, not escape as an unhandled rejection (which stops
// the whole Node process — it did, when another process held the database at that moment).

const NOW = new Date('2026-04-01T09:00:00Z');
const MONEY = readFileSync(resolve('tests/fixtures/articles/06-functions-of-money.txt'), 'utf8');

let pool: WorkerPool<never, never>;
let t: TempDb;
beforeAll(() => {
	pool = new WorkerPool(resolve(WORKER_MODULE), 1) as WorkerPool<never, never>;
});
afterAll(async () => pool.close());
beforeEach(() => (t = tempDb()));
afterEach(() => {
	vi.restoreAllMocks();
	t.close();
});

describe('when storing generated questions fails', () => {
	it('marks the article failed with a message and resolves the queue instead of rejecting', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const owner = insertUser(t.db, 'student');
		const { articleId } = createArticle(t.db, owner.id, { title: 'Money', text: MONEY, source: 'pasted', sourceKind: 'paste' }, NOW);
		// The database refuses the write the way a real fault would: with an SQLite error.
		t.db.$client.exec(`CREATE TRIGGER refuse_questions BEFORE INSERT ON questions BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
		const service = new GenerationService(t.db, pool as never, () => NOW);

		await expect(service.queue(articleId)).resolves.toBeUndefined();
		const article = t.db.select().from(articles).where(eq(articles.id, articleId)).get()!;
		expect(article.generationStatus).toBe('failed');
		expect(article.generationError).toBe('Something went wrong while making the questions. Please add the article again.');
		expect(String(logged.mock.calls[0]?.[0])).toContain(`article ${articleId}`);
	});

	it('leaves the article pending (generated again at the next start) when even that cannot be written', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const owner = insertUser(t.db, 'student');
		const { articleId } = createArticle(t.db, owner.id, { title: 'Money', text: MONEY, source: 'pasted', sourceKind: 'paste' }, NOW);
		t.db.$client.exec(`CREATE TRIGGER refuse_questions BEFORE INSERT ON questions BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
		t.db.$client.exec(`CREATE TRIGGER refuse_failure BEFORE UPDATE ON articles BEGIN SELECT RAISE(ABORT, 'still broken'); END`);
		const service = new GenerationService(t.db, pool as never, () => NOW);

		await expect(service.queue(articleId)).resolves.toBeUndefined();
		expect(t.db.select().from(articles).where(eq(articles.id, articleId)).get()!.generationStatus).toBe('pending');
		t.db.$client.exec('DROP TRIGGER refuse_questions; DROP TRIGGER refuse_failure;');
		expect(service.resumePending()).toBe(1);
		await service.queue(articleId);
		expect(t.db.select().from(articles).where(eq(articles.id, articleId)).get()!.generationStatus).toBe('ready');
	});
});

describe('when the server shuts down', () => {
	it('leaves articles waiting for their questions pending, to be generated at the next start', async () => {
		const owner = insertUser(t.db, 'student');
		const { articleId } = createArticle(t.db, owner.id, { title: 'Money', text: MONEY, source: 'pasted', sourceKind: 'paste' }, NOW);
		const closing = new WorkerPool(resolve(WORKER_MODULE), 1);
		await closing.close();
		const service = new GenerationService(t.db, closing as never, () => NOW);
		await expect(service.queue(articleId)).resolves.toBeUndefined();
		const article = t.db.select().from(articles).where(eq(articles.id, articleId)).get()!;
		expect(article).toMatchObject({ generationStatus: 'pending', generationError: null });
	});
});
