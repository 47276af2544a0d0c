import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DB } from './db/client';
import { articles, assignments, questionSets, questions, setArticles, setItems, type Article } from './db/schema';
import { NotFoundError, ValidationError } from './errors';
import { ensureCards } from './cards';
import { cleanLine } from '../text-rules';

export const TITLE_MAX = 200;
export const TEXT_MAX_CHARS = 1_000_000;
export const FILE_MAX_BYTES = 2_000_000;
export const ALLOWED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];

export type NewArticle = {
	title: string;
	text: string;
	source: string;
	sourceKind: Article['sourceKind'];
};

export function cleanTitle(raw: string): string {
	return cleanLine(raw, { field: 'title', label: 'A title', max: TITLE_MAX });
}

/** Checks an uploaded file's name and size before it is read. */
export function checkUpload(name: string, size: number): void {
	const lower = name.toLowerCase();
	if (!ALLOWED_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
		throw new ValidationError('Upload a .txt, .md or .html file.', 'file');
	}
	if (size === 0) throw new ValidationError('The file is empty.', 'file');
	if (size > FILE_MAX_BYTES) {
		throw new ValidationError(`The file is ${(size / 1e6).toFixed(1)} MB; the limit is ${FILE_MAX_BYTES / 1e6} MB.`, 'file');
	}
}

/** Stores a new article, waiting for its questions, with the question set they will fill. */
export function createArticle(db: DB, ownerId: string, input: NewArticle, now: Date): { articleId: number; setId: number } {
	return db.transaction((tx) => {
		const article = tx
			.insert(articles)
			.values({ ownerId, ...input, generationStatus: 'pending', createdAt: now })
			.returning({ id: articles.id })
			.get();
		const set = tx.insert(questionSets).values({ ownerId, title: input.title, createdAt: now }).returning({ id: questionSets.id }).get();
		tx.insert(setArticles).values({ setId: set.id, articleId: article.id }).run();
		return { articleId: article.id, setId: set.id };
	}, { behavior: 'immediate' });
}

export function listArticles(db: DB, ownerId: string) {
	return db
		.select({
			id: articles.id,
			title: articles.title,
			source: articles.source,
			status: articles.generationStatus,
			createdAt: articles.createdAt,
			questionCount: sql<number>`(SELECT count(*) FROM ${questions} WHERE ${questions.articleId} = ${articles.id} AND ${questions.status} != 'rejected')`
		})
		.from(articles)
		.where(eq(articles.ownerId, ownerId))
		.orderBy(desc(articles.createdAt), desc(articles.id))
		.all();
}

/** The article with the set made from it and that set's questions, for its owner only. */
export function loadArticle(db: DB, ownerId: string, articleId: number) {
	const article = db.select().from(articles).where(and(eq(articles.id, articleId), eq(articles.ownerId, ownerId))).get();
	if (!article) throw new NotFoundError('This article does not exist, or it is not yours.');
	const set = db
		.select({ id: questionSets.id, title: questionSets.title })
		.from(setArticles)
		.innerJoin(questionSets, eq(questionSets.id, setArticles.setId))
		.where(and(eq(setArticles.articleId, articleId), eq(questionSets.ownerId, ownerId)))
		.orderBy(asc(questionSets.id))
		.get();
	const items = set
		? db
				.select({
					id: questions.id,
					type: questions.type,
					prompt: questions.prompt,
					answer: questions.answer,
					options: questions.options,
					sources: questions.sources,
					status: questions.status,
					score: questions.score
				})
				.from(setItems)
				.innerJoin(questions, eq(questions.id, setItems.questionId))
				.where(and(eq(setItems.setId, set.id), eq(questions.articleId, articleId)))
				.orderBy(asc(setItems.position))
				.all()
		: [];
	return { article, set: set ?? null, questions: items };
}

/** "Study these": a card for each question of the set that is not rejected. Returns how many are new. */
export function studySet(db: DB, userId: string, setId: number, now: Date): number {
	const ids = db
		.select({ id: questions.id })
		.from(setItems)
		.innerJoin(questions, eq(questions.id, setItems.questionId))
		.innerJoin(questionSets, eq(questionSets.id, setItems.setId))
		.where(and(eq(setItems.setId, setId), eq(questionSets.ownerId, userId), ne(questions.status, 'rejected')))
		.orderBy(asc(setItems.position))
		.all()
		.map((r) => r.id);
	if (!ids.length) throw new ValidationError('This set has no questions to study yet.');
	return db.transaction((tx) => ensureCards(tx, userId, ids, 'self', now), { behavior: 'immediate' });
}

export function deleteArticle(db: DB, ownerId: string, articleId: number): void {
	db.transaction((tx) => {
		const owned = tx.select({ id: articles.id }).from(articles).where(and(eq(articles.id, articleId), eq(articles.ownerId, ownerId))).get();
		if (!owned) throw new NotFoundError('This article does not exist, or it is not yours.');
		// Sets made only from this article go with it; questions and cards cascade.
		const setIds = tx.select({ id: setArticles.setId }).from(setArticles).where(eq(setArticles.articleId, articleId)).all().map((r) => r.id);
		if (setIds.length && tx.select({ id: assignments.id }).from(assignments).where(inArray(assignments.setId, setIds)).get()) {
			throw new ValidationError('Questions from this article are assigned to a class. Remove those assignments first.');
		}
		tx.delete(articles).where(eq(articles.id, articleId)).run();
		if (setIds.length) {
			const orphaned = tx
				.select({ id: questionSets.id, n: count(setArticles.articleId) })
				.from(questionSets)
				.leftJoin(setArticles, eq(setArticles.setId, questionSets.id))
				.where(inArray(questionSets.id, setIds))
				.groupBy(questionSets.id)
				.all()
				.filter((r) => r.n === 0)
				.map((r) => r.id);
			if (orphaned.length) tx.delete(questionSets).where(inArray(questionSets.id, orphaned)).run();
		}
	}, { behavior: 'immediate' });
}
