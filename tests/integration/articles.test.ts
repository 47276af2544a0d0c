import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tempDb, type TempDb } from '../helpers/db';
import { insertClass, insertUser } from '../helpers/fixtures';
import { createArticle, deleteArticle, listArticles, loadArticle, studySet } from '../../src/lib/server/articles';
import { GenerationService, WORKER_MODULE } from '../../src/lib/server/generation/service';
import { WorkerPool } from '../../src/lib/server/generation/pool';
import { articles, assignments, cards, questions, setItems } from '../../src/lib/server/db/schema';
import { NotFoundError, ValidationError } from '../../src/lib/server/errors';

const NOW = new Date('2026-04-01T09:00:00Z');
const MONEY = readFileSync(resolve('tests/fixtures/articles/06-functions-of-money.txt'), 'utf8');

let pool: WorkerPool<never, never>;
let t: TempDb;
let service: GenerationService;
beforeAll(() => {
	pool = new WorkerPool(resolve(WORKER_MODULE), 2) as WorkerPool<never, never>;
});
afterAll(async () => pool.close());
beforeEach(() => {
	t = tempDb();
	service = new GenerationService(t.db, pool as never, () => NOW);
});
afterEach(() => t.close());

function newArticle(ownerId: string, text = MONEY) {
	return createArticle(t.db, ownerId, { title: 'Functions of money', text, source: 'pasted', sourceKind: 'paste' }, NOW);
}

describe('generating an article’s questions', () => {
	it('stores grounded draft questions in the article’s set and marks it ready', async () => {
		const owner = insertUser(t.db, 'teacher');
		const { articleId, setId } = newArticle(owner.id);
		expect(t.db.select().from(articles).where(eq(articles.id, articleId)).get()!.generationStatus).toBe('pending');
		await service.queue(articleId);

		const { article, set, questions: qs } = loadArticle(t.db, owner.id, articleId);
		expect(article.generationStatus).toBe('ready');
		expect(set?.id).toBe(setId);
		expect(qs.length).toBeGreaterThanOrEqual(10);
		for (const q of qs) {
			expect(q.status).toBe('draft');
			for (const s of q.sources) expect(article.text.slice(s.start, s.end)).toBe(s.text);
		}
		const positions = t.db.select({ p: setItems.position }).from(setItems).where(eq(setItems.setId, setId)).all().map((r) => r.p);
		expect(positions).toEqual(positions.map((_, i) => i));
	});

	it('queues the same article once, however often it is asked', async () => {
		const owner = insertUser(t.db, 'student');
		const { articleId } = newArticle(owner.id);
		await Promise.all([service.queue(articleId), service.queue(articleId), service.queue(articleId)]);
		const n = t.db.select({ n: count() }).from(questions).where(eq(questions.articleId, articleId)).get()!.n;
		expect(n).toBe(loadArticle(t.db, owner.id, articleId).questions.length);
		await service.queue(articleId);
		expect(t.db.select({ n: count() }).from(questions).where(eq(questions.articleId, articleId)).get()!.n).toBe(n);
	});

	it('marks the article failed with a readable reason when the text cannot be used', async () => {
		const owner = insertUser(t.db, 'student');
		const { articleId } = newArticle(owner.id, 'Le chat est sur la table. '.repeat(40));
		await service.queue(articleId);
		const article = loadArticle(t.db, owner.id, articleId).article;
		expect(article.generationStatus).toBe('failed');
		expect(article.generationError).toMatch(/English/);
	});

	it('resumes articles left pending by a restart', async () => {
		const owner = insertUser(t.db, 'student');
		const a = newArticle(owner.id);
		expect(service.resumePending()).toBe(1);
		await service.queue(a.articleId);
		expect(loadArticle(t.db, owner.id, a.articleId).article.generationStatus).toBe('ready');
		expect(service.resumePending()).toBe(0);
	});

	it('extracts the main text of an HTML page in a worker', async () => {
		const html = `<html><head><title>Money</title></head><body><nav>Home | About</nav><article><h1>Money</h1>${MONEY.split('\n\n')
			.map((p) => `<p>${p}</p>`)
			.join('')}</article><footer>© 2026</footer></body></html>`;
		const extracted = await service.extract(html, 'html');
		expect(extracted.text).toContain('double coincidence of wants');
		expect(extracted.text).not.toContain('Home | About');
	});

	it('turns the generator’s input errors into messages for the form', async () => {
		await expect(service.extract('too short', 'text')).rejects.toThrow(ValidationError);
	});
});

describe('articles of a user', () => {
	it('are listed and opened only by their owner', async () => {
		const owner = insertUser(t.db, 'student');
		const other = insertUser(t.db, 'student');
		const { articleId } = newArticle(owner.id);
		expect(listArticles(t.db, owner.id).map((a) => a.id)).toEqual([articleId]);
		expect(listArticles(t.db, other.id)).toEqual([]);
		expect(() => loadArticle(t.db, other.id, articleId)).toThrow(NotFoundError);
	});

	it('“Study these” makes one card per question that is not rejected, once', async () => {
		const owner = insertUser(t.db, 'student');
		const { articleId, setId } = newArticle(owner.id);
		await service.queue(articleId);
		const qs = loadArticle(t.db, owner.id, articleId).questions;
		t.db.update(questions).set({ status: 'rejected' }).where(eq(questions.id, qs[0].id)).run();
		expect(studySet(t.db, owner.id, setId, NOW)).toBe(qs.length - 1);
		expect(studySet(t.db, owner.id, setId, NOW)).toBe(0);
		const mine = t.db.select().from(cards).where(eq(cards.userId, owner.id)).all();
		expect(mine).toHaveLength(qs.length - 1);
		expect(mine.every((c) => c.state === 0 && c.due.getTime() === NOW.getTime())).toBe(true);
		const stranger = insertUser(t.db, 'student');
		expect(() => studySet(t.db, stranger.id, setId, NOW)).toThrow(ValidationError);
	});

	it('deletes an article with its set, but not while the set is assigned', async () => {
		const owner = insertUser(t.db, 'teacher');
		const { articleId, setId } = newArticle(owner.id);
		const cls = insertClass(t.db, owner.id);
		t.db.insert(assignments).values({ classId: cls.id, setId, kind: 'quiz', title: 'Quiz' }).run();
		expect(() => deleteArticle(t.db, owner.id, articleId)).toThrow(/assigned/);
		t.db.delete(assignments).run();
		expect(() => deleteArticle(t.db, insertUser(t.db).id, articleId)).toThrow(NotFoundError);
		deleteArticle(t.db, owner.id, articleId);
		expect(listArticles(t.db, owner.id)).toEqual([]);
	});
});
