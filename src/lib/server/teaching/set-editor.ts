/**
 * The set editor: a set's questions beside its articles, and every change a teacher makes
 * to them. Each function takes the set (already checked to be the caller's) and refuses a
 * question that is not in it.
 */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { DB } from '../db/client';
import {
	articles,
	assignmentItems,
	questions,
	questionSets,
	setArticles,
	setItems,
	type Question,
	type QuestionSet,
	type SourceSpan
} from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { validateQuestion, type QuestionContent } from '../../teaching/question-validation';
import { cleanLine } from '../../text-rules';
import { cardFor } from '../../teaching/question-form';
import { splitSentences } from '../../teaching/sentences';

export const SET_TITLE_MAX = 200;

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
type Conn = DB | Tx;

/** The questions of a set in order, with their position. */
export function setQuestions(db: Conn, setId: number) {
	return db
		.select({ question: questions, position: setItems.position })
		.from(setItems)
		.innerJoin(questions, eq(questions.id, setItems.questionId))
		.where(eq(setItems.setId, setId))
		.orderBy(asc(setItems.position), asc(questions.id))
		.all();
}

/** How many assignments use each of the questions (frozen into them). */
export function assignmentUse(db: Conn, questionIds: readonly number[]): Map<number, number> {
	if (!questionIds.length) return new Map();
	const rows = db
		.select({ questionId: assignmentItems.questionId, n: count() })
		.from(assignmentItems)
		.where(inArray(assignmentItems.questionId, [...questionIds]))
		.groupBy(assignmentItems.questionId)
		.all();
	return new Map(rows.map((r) => [r.questionId, r.n]));
}

/**
 * Earlier versions of each question (newest first), so links to a question that has since
 * been edited or regenerated still find its current version.
 */
function earlierVersions(db: DB, list: readonly Question[]): Map<number, number[]> {
	const result = new Map<number, number[]>();
	for (const q of list) {
		const chain: number[] = [];
		let prev = q.previousVersionId;
		while (prev !== null && chain.length < 50 && !chain.includes(prev)) {
			chain.push(prev);
			prev = db.select({ p: questions.previousVersionId }).from(questions).where(eq(questions.id, prev)).get()?.p ?? null;
		}
		result.set(q.id, chain);
	}
	return result;
}

export function loadSetEditor(db: DB, set: QuestionSet) {
	const rows = setQuestions(db, set.id);
	const list = rows.map((r) => r.question);
	const use = assignmentUse(db, list.map((q) => q.id));
	const versions = earlierVersions(db, list);
	const setArticleRows = db
		.select({ id: articles.id, title: articles.title, text: articles.text, source: articles.source })
		.from(setArticles)
		.innerJoin(articles, eq(articles.id, setArticles.articleId))
		.where(eq(setArticles.setId, set.id))
		.orderBy(asc(articles.id))
		.all();
	return {
		set,
		articles: setArticleRows.map((a) => ({ ...a, sentences: splitSentences(a.text) })),
		questions: list.map((q) => ({
			...q,
			usedBy: use.get(q.id) ?? 0,
			earlierIds: versions.get(q.id) ?? []
		})),
		counts: {
			draft: list.filter((q) => q.status === 'draft').length,
			approved: list.filter((q) => q.status === 'approved').length,
			rejected: list.filter((q) => q.status === 'rejected').length
		}
	};
}

export type SetEditorData = ReturnType<typeof loadSetEditor>;

/** The question, when it is in the set. */
export function questionInSet(db: Conn, setId: number, questionId: number | null): Question {
	const row =
		questionId === null
			? undefined
			: db
					.select({ question: questions })
					.from(setItems)
					.innerJoin(questions, eq(questions.id, setItems.questionId))
					.where(and(eq(setItems.setId, setId), eq(setItems.questionId, questionId)))
					.get();
	if (!row) throw new NotFoundError('That question is not in this set.');
	return row.question;
}

export function renameSet(db: DB, setId: number, rawTitle: string): string {
	const title = cleanLine(rawTitle, { field: 'title', label: 'A title', max: SET_TITLE_MAX, required: 'Give the set a title.' });
	db.update(questionSets).set({ title }).where(eq(questionSets.id, setId)).run();
	return title;
}

type Replacement = Partial<typeof questions.$inferInsert>;

/**
 * Writes new content for a question. A question no assignment uses is changed in place; one
 * an assignment uses gets a new version that takes its place in the sets holding it, so
 * assigned quizzes and students' cards keep what students saw. Returns the id of the
 * question now in the sets.
 */
export function replaceQuestionContent(tx: Tx, old: Question, changes: Replacement, now: Date): number {
	const used = (assignmentUse(tx, [old.id]).get(old.id) ?? 0) > 0;
	if (!used) {
		tx.update(questions).set({ ...changes, updatedAt: now }).where(eq(questions.id, old.id)).run();
		return old.id;
	}
	const copy: Partial<Question> = { ...old };
	delete copy.id;
	delete copy.createdAt;
	const fresh = tx
		.insert(questions)
		.values({ ...(copy as Omit<Question, 'id' | 'createdAt'>), ...changes, previousVersionId: old.id, createdAt: now, updatedAt: now })
		.returning({ id: questions.id })
		.get();
	tx.update(setItems).set({ questionId: fresh.id }).where(eq(setItems.questionId, old.id)).run();
	return fresh.id;
}

function contentColumns(content: QuestionContent, sources: SourceSpan[]) {
	return {
		prompt: content.prompt,
		answer: content.answer,
		options: content.options,
		accept: content.accept,
		explanation: content.explanation,
		tolerance: content.tolerance,
		...cardFor(content, sources)
	};
}

/** Saves a teacher's edit: validated for the question's type; a generated question becomes "edited". */
export function updateQuestion(db: DB, setId: number, questionId: number | null, input: QuestionContent, now: Date): number {
	return db.transaction((tx) => {
		const old = questionInSet(tx, setId, questionId);
		const content = validateQuestion({ ...input, type: old.type });
		const columns = contentColumns(content, old.sources);
		// Keep the generator's card text for the parts the teacher did not change.
		if (content.prompt === old.prompt) columns.cardFront = old.cardFront;
		if (JSON.stringify(content.answer) === JSON.stringify(old.answer)) columns.cardBack = old.cardBack;
		return replaceQuestionContent(tx, old, { ...columns, origin: old.origin === 'manual' ? 'manual' : 'edited' }, now);
	}, { behavior: 'immediate' });
}

export type ManualQuestionInput = {
	articleId: number | null;
	/** "start-end" offsets of the chosen sentence in the article. */
	source: string;
	content: QuestionContent;
};

/**
 * Adds a question the teacher wrote. It must point at a sentence of one of the set's
 * articles (so it is grounded like a generated one); its source text is the article's own
 * slice. It joins the set approved, at the end.
 */
export function addManualQuestion(db: DB, set: QuestionSet, input: ManualQuestionInput, now: Date): number {
	const article =
		input.articleId === null
			? undefined
			: db
					.select({ id: articles.id, text: articles.text })
					.from(setArticles)
					.innerJoin(articles, eq(articles.id, setArticles.articleId))
					.where(and(eq(setArticles.setId, set.id), eq(setArticles.articleId, input.articleId)))
					.get();
	if (!article) throw new ValidationError('Choose the article the question comes from.', 'source');
	const match = /^(\d+)-(\d+)$/.exec(input.source.trim());
	const start = match ? Number(match[1]) : NaN;
	const end = match ? Number(match[2]) : NaN;
	const sentence = splitSentences(article.text).find((s) => s.start === start && s.end === end);
	if (!sentence) throw new ValidationError('Choose the sentence the question comes from.', 'source');
	const sources: SourceSpan[] = [{ start, end, text: article.text.slice(start, end) }];
	const content = validateQuestion(input.content);
	return db.transaction((tx) => {
		const last = tx
			.select({ position: setItems.position })
			.from(setItems)
			.where(eq(setItems.setId, set.id))
			.orderBy(asc(setItems.position))
			.all()
			.at(-1);
		const row = tx
			.insert(questions)
			.values({
				articleId: article.id,
				ownerId: set.ownerId,
				type: content.type,
				...contentColumns(content, sources),
				sources,
				score: 0,
				status: 'approved',
				origin: 'manual',
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: questions.id })
			.get();
		tx.insert(setItems).values({ setId: set.id, questionId: row.id, position: (last?.position ?? -1) + 1 }).run();
		return row.id;
	}, { behavior: 'immediate' });
}

/** Moves a question one place up or down; positions are rewritten 0..n−1 in one transaction. */
export function moveQuestion(db: DB, setId: number, questionId: number | null, direction: 'up' | 'down'): void {
	db.transaction((tx) => {
		questionInSet(tx, setId, questionId);
		const order = setQuestions(tx, setId).map((r) => r.question.id);
		const from = order.indexOf(questionId!);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= order.length) return;
		[order[from], order[to]] = [order[to], order[from]];
		order.forEach((id, position) => {
			tx.update(setItems)
				.set({ position })
				.where(and(eq(setItems.setId, setId), eq(setItems.questionId, id)))
				.run();
		});
	}, { behavior: 'immediate' });
}

export function setQuestionStatus(db: DB, setId: number, questionId: number | null, status: 'draft' | 'approved' | 'rejected', now: Date): void {
	db.transaction((tx) => {
		const q = questionInSet(tx, setId, questionId);
		tx.update(questions).set({ status, updatedAt: now }).where(eq(questions.id, q.id)).run();
	}, { behavior: 'immediate' });
}

/** Approves every draft of the set; returns how many. */
export function approveAllDrafts(db: DB, setId: number, now: Date): number {
	return db.transaction((tx) => {
		const ids = setQuestions(tx, setId)
			.filter((r) => r.question.status === 'draft')
			.map((r) => r.question.id);
		if (!ids.length) return 0;
		return tx.update(questions).set({ status: 'approved', updatedAt: now }).where(inArray(questions.id, ids)).run().changes;
	}, { behavior: 'immediate' });
}

/** The sets a user owns, newest first, with how many questions are approved and waiting. */
export function listSets(db: DB, ownerId: string) {
	const sets = db.select().from(questionSets).where(eq(questionSets.ownerId, ownerId)).orderBy(desc(questionSets.createdAt), desc(questionSets.id)).all();
	const counts = sets.length
		? db
				.select({ setId: setItems.setId, status: questions.status, n: count() })
				.from(setItems)
				.innerJoin(questions, eq(questions.id, setItems.questionId))
				.where(inArray(setItems.setId, sets.map((s) => s.id)))
				.groupBy(setItems.setId, questions.status)
				.all()
		: [];
	const of = (setId: number, status: string) => counts.find((c) => c.setId === setId && c.status === status)?.n ?? 0;
	return sets.map((s) => ({
		id: s.id,
		title: s.title,
		createdAt: s.createdAt,
		approved: of(s.id, 'approved'),
		draft: of(s.id, 'draft'),
		rejected: of(s.id, 'rejected')
	}));
}
