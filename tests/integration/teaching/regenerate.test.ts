import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { tempDb, type TempDb } from '../../helpers/db';
import { insertUser } from '../../helpers/fixtures';
import { insertAssignment } from '../../helpers/teaching-fixtures';
import { generate } from '../../../src/lib/generation';
import { questionRow } from '../../../src/lib/server/generation/service';
import { createClass } from '../../../src/lib/server/classes';
import { articles, questions, questionSets, setArticles, setItems, type Question } from '../../../src/lib/server/db/schema';
import { regenerateQuestion, regenerationSeed } from '../../../src/lib/server/teaching/regenerate';
import { normaliseAnswer } from '../../../src/lib/study/answers';
import type { DB } from '../../../src/lib/server/db/client';

// The real generator on a real article, never a fake.
const TEXT = readFileSync('tests/fixtures/articles/06-functions-of-money.txt', 'utf8');
const NOW = new Date('2026-03-01T10:00:00Z');

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

/** An article with a set of its top six generated questions, as the article pipeline stores them. */
function generatedSet(db: DB) {
	const teacher = insertUser(db, 'teacher');
	const article = db
		.insert(articles)
		.values({ ownerId: teacher.id, title: 'Functions of money', source: 'pasted', sourceKind: 'paste', text: TEXT, generationStatus: 'ready' })
		.returning()
		.get();
	const set = db.insert(questionSets).values({ ownerId: teacher.id, title: 'Functions of money' }).returning().get();
	db.insert(setArticles).values({ setId: set.id, articleId: article.id }).run();
	const rows = generate(TEXT, { count: 6, seed: article.id, title: article.title }).questions.map((q, position) => {
		const row = db.insert(questions).values(questionRow(q, article.id, teacher.id, NOW)).returning().get();
		db.insert(setItems).values({ setId: set.id, questionId: row.id, position }).run();
		return row;
	});
	return { teacher, article, set, questions: rows };
}

const inSet = (db: DB, setId: number) =>
	db
		.select({ q: questions })
		.from(setItems)
		.innerJoin(questions, eq(questions.id, setItems.questionId))
		.where(eq(setItems.setId, setId))
		.orderBy(asc(setItems.position))
		.all()
		.map((r) => r.q);

const overlaps = (a: Question['sources'], b: Question['sources']) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
const key = (q: { type: string; prompt: string }) => `${q.type}|${normaliseAnswer(q.prompt)}`;

describe('regenerating one question with the real generator', () => {
	it('replaces it with the best-ranked new candidate from the same sentence', async () => {
		const { set, questions: qs } = generatedSet(t.db);
		// What the rule says, worked out here from the generator's own ranked list: the first
		// question of the set whose sentence has another candidate is the one to regenerate.
		const alternativesFor = (old: (typeof qs)[number]) => {
			const taken = new Set(qs.map(key));
			return generate(TEXT, { count: 0, seed: regenerationSeed(old.id, 0), title: 'Functions of money' }).questions.filter(
				(c) => !taken.has(key(c))
			);
		};
		const old = qs.find((q) => alternativesFor(q).some((c) => overlaps(c.sources, q.sources)));
		expect(old).toBeDefined();
		const expected = alternativesFor(old!).find((c) => overlaps(c.sources, old!.sources))!;

		const id = await regenerateQuestion(t.db, old!.id, NOW);
		expect(id).toBe(old!.id);
		const fresh = t.db.select().from(questions).where(eq(questions.id, id)).get()!;
		expect(fresh.prompt).toBe(expected.prompt);
		expect(fresh.answer).toEqual(expected.answer);
		expect(overlaps(fresh.sources, old!.sources)).toBe(true);
		expect(fresh).toMatchObject({ status: 'draft', origin: 'generated', regenerations: 1, articleId: old!.articleId });
		for (const s of fresh.sources) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
		expect(inSet(t.db, set.id).map((q) => q.id)).toEqual(qs.map((q) => q.id));
	});

	it('never brings back the question it replaces or one the set already has', async () => {
		const { set, questions: qs } = generatedSet(t.db);
		for (let i = 0; i < 3; i++) {
			const before = inSet(t.db, set.id);
			await regenerateQuestion(t.db, qs[2].id, NOW);
			const after = inSet(t.db, set.id);
			const changed = after[2];
			expect(key(changed)).not.toBe(key(before[2]));
			expect(after.filter((q) => key(q) === key(changed))).toHaveLength(1);
		}
		expect(t.db.select().from(questions).where(eq(questions.id, qs[2].id)).get()!.regenerations).toBe(3);
	});

	it('is reproducible: the same question and history give the same replacement', async () => {
		const other = tempDb();
		try {
			const a = generatedSet(t.db);
			const b = generatedSet(other.db);
			await regenerateQuestion(t.db, a.questions[1].id, NOW);
			await regenerateQuestion(other.db, b.questions[1].id, NOW);
			const pick = (db: DB, id: number) => {
				const q = db.select().from(questions).where(eq(questions.id, id)).get()!;
				return { prompt: q.prompt, answer: q.answer, options: q.options };
			};
			expect(pick(other.db, b.questions[1].id)).toEqual(pick(t.db, a.questions[1].id));
		} finally {
			other.close();
		}
	});

	it('makes a new version when an assignment already uses the question', async () => {
		const { teacher, set, questions: qs } = generatedSet(t.db);
		const cls = createClass(t.db, teacher.id, 'Economics');
		insertAssignment(t.db, cls.id, set.id, [qs[0].id]);
		const id = await regenerateQuestion(t.db, qs[0].id, NOW);
		expect(id).not.toBe(qs[0].id);
		expect(t.db.select().from(questions).where(eq(questions.id, qs[0].id)).get()!.prompt).toBe(qs[0].prompt);
		expect(t.db.select().from(questions).where(eq(questions.id, id)).get()).toMatchObject({ previousVersionId: qs[0].id, regenerations: 1 });
		expect(inSet(t.db, set.id)[0].id).toBe(id);
	});
});
