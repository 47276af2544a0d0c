import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { tempDb, type TempDb } from '../../helpers/db';
import { ARTICLE_TEXT, insertSet, insertUser } from '../../helpers/fixtures';
import { insertAssignment } from '../../helpers/teaching-fixtures';
import {
	addManualQuestion,
	approveAllDrafts,
	loadSetEditor,
	moveQuestion,
	setQuestionStatus,
	updateQuestion
} from '../../../src/lib/server/teaching/set-editor';
import { createClass } from '../../../src/lib/server/classes';
import { assignmentItems, questions, setItems } from '../../../src/lib/server/db/schema';
import { NotFoundError, ValidationError } from '../../../src/lib/server/errors';
import type { QuestionContent } from '../../../src/lib/teaching/question-validation';
import { splitSentences } from '../../../src/lib/teaching/sentences';

const NOW = new Date('2026-03-01T10:00:00Z');
const LATER = new Date('2026-03-02T10:00:00Z');
let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

function setup(status: 'draft' | 'approved' = 'draft') {
	const teacher = insertUser(t.db, 'teacher');
	const fixture = insertSet(t.db, teacher.id, { status });
	return { teacher, ...fixture };
}
const row = (id: number) => t.db.select().from(questions).where(eq(questions.id, id)).get()!;
const order = (setId: number) =>
	t.db.select({ id: setItems.questionId, position: setItems.position }).from(setItems).where(eq(setItems.setId, setId)).orderBy(asc(setItems.position)).all();

describe('editing a question', () => {
	it('validates per type, saves in place and marks a generated question "edited"', () => {
		const { set, questions: qs } = setup();
		const mc = qs[0];
		const content: QuestionContent = {
			type: 'multiple_choice',
			prompt: 'When did Vietnam invade Cambodia?',
			answer: '1979',
			options: ['1975', '1979', '1985'],
			accept: [],
			explanation: 'The invasion ended Khmer Rouge rule.',
			tolerance: null
		};
		expect(updateQuestion(t.db, set.id, mc.id, content, LATER)).toBe(mc.id);
		expect(row(mc.id)).toMatchObject({
			prompt: 'When did Vietnam invade Cambodia?',
			options: ['1975', '1979', '1985'],
			origin: 'edited',
			status: 'draft',
			cardFront: 'When did Vietnam invade Cambodia?',
			updatedAt: LATER
		});
		// The answer did not change, so the card's back (answer + source) stays as it was.
		expect(row(mc.id).cardBack).toBe(mc.cardBack);
	});

	it('refuses a bad edit and leaves the question as it was', () => {
		const { set, questions: qs } = setup();
		const cloze = qs[1];
		const bad: QuestionContent = { type: 'cloze', prompt: 'No blank here.', answer: 'garments', options: null, accept: [], explanation: '', tolerance: null };
		expect(() => updateQuestion(t.db, set.id, cloze.id, bad, LATER)).toThrow(ValidationError);
		expect(row(cloze.id)).toEqual(cloze);
	});

	it('keeps the type of the question whatever the form claims', () => {
		const { set, questions: qs } = setup();
		const tf = qs[2];
		const sneaky = { type: 'cloze', prompt: 'Vietnam invaded in 1979.', answer: 'true', options: null, accept: [], explanation: '', tolerance: null } as QuestionContent;
		updateQuestion(t.db, set.id, tf.id, sneaky, LATER);
		expect(row(tf.id)).toMatchObject({ type: 'true_false', answer: 'True', options: ['True', 'False'] });
	});

	it('makes a new version when an assignment uses the question, so the assignment keeps what students saw', () => {
		const { teacher, set, questions: qs } = setup('approved');
		const cls = createClass(t.db, teacher.id, 'History');
		const a = insertAssignment(t.db, cls.id, set.id, [qs[0].id]);
		const content: QuestionContent = { type: 'multiple_choice', prompt: 'Which year?', answer: '1979', options: ['1978', '1979', '1980'], accept: [], explanation: '', tolerance: null };
		const newId = updateQuestion(t.db, set.id, qs[0].id, content, LATER);
		expect(newId).not.toBe(qs[0].id);
		expect(row(qs[0].id).prompt).toBe(qs[0].prompt);
		expect(row(newId)).toMatchObject({ prompt: 'Which year?', previousVersionId: qs[0].id, origin: 'edited', status: 'approved', articleId: qs[0].articleId });
		expect(order(set.id)[0]).toEqual({ id: newId, position: 0 });
		expect(t.db.select().from(assignmentItems).where(eq(assignmentItems.assignmentId, a.id)).all().map((i) => i.questionId)).toEqual([qs[0].id]);
		// Links to the old id still find the question in the editor.
		const editor = loadSetEditor(t.db, set);
		expect(editor.questions[0]).toMatchObject({ id: newId, earlierIds: [qs[0].id], usedBy: 0 });
	});

	it('refuses a question that is not in the set', () => {
		const { set } = setup();
		const other = setup();
		expect(() => setQuestionStatus(t.db, set.id, other.questions[0].id, 'approved', LATER)).toThrow(NotFoundError);
		expect(() => moveQuestion(t.db, set.id, null, 'up')).toThrow(NotFoundError);
	});
});

describe('adding a question by hand', () => {
	it('grounds it in the chosen sentence, approves it and puts it last', () => {
		const { set, article, questions: qs } = setup();
		const sentence = splitSentences(ARTICLE_TEXT)[1];
		const id = addManualQuestion(
			t.db,
			set,
			{
				articleId: article.id,
				source: `${sentence.start}-${sentence.end}`,
				content: { type: 'cloze', prompt: 'Cambodia’s biggest exports are garments and _____.', answer: 'footwear', options: null, accept: ['shoes'], explanation: '', tolerance: null }
			},
			LATER
		);
		const q = row(id);
		expect(q).toMatchObject({ origin: 'manual', status: 'approved', type: 'cloze', answer: 'footwear', accept: ['shoes'], ownerId: set.ownerId });
		expect(q.sources).toEqual([{ start: sentence.start, end: sentence.end, text: ARTICLE_TEXT.slice(sentence.start, sentence.end) }]);
		expect(q.cardBack).toBe(`footwear\n\n${sentence.text}`);
		expect(order(set.id).at(-1)).toEqual({ id, position: qs.length });
	});

	it('refuses a span that is not a sentence of the set’s article, or another article', () => {
		const { set, article } = setup();
		const other = setup();
		const content: QuestionContent = { type: 'true_false', prompt: 'Cambodia exports garments.', answer: 'True', options: null, accept: [], explanation: '', tolerance: null };
		const before = t.db.select({ n: count() }).from(questions).get()!.n;
		expect(() => addManualQuestion(t.db, set, { articleId: article.id, source: '3-40', content }, LATER)).toThrow('Choose the sentence');
		expect(() => addManualQuestion(t.db, set, { articleId: article.id, source: '', content }, LATER)).toThrow('Choose the sentence');
		expect(() => addManualQuestion(t.db, set, { articleId: other.article.id, source: '0-61', content }, LATER)).toThrow('Choose the article');
		expect(() =>
			addManualQuestion(t.db, set, { articleId: article.id, source: '0-61', content: { ...content, answer: 'perhaps' } }, LATER)
		).toThrow(ValidationError);
		expect(t.db.select({ n: count() }).from(questions).get()!.n).toBe(before);
	});
});

describe('ordering and reviewing', () => {
	it('moves questions up and down, rewriting positions 0..n−1', () => {
		const { set, questions: qs } = setup();
		moveQuestion(t.db, set.id, qs[2].id, 'up');
		expect(order(set.id).map((o) => o.id)).toEqual([qs[0], qs[2], qs[1], qs[3], qs[4], qs[5]].map((q) => q.id));
		moveQuestion(t.db, set.id, qs[0].id, 'up'); // already first: nothing changes
		moveQuestion(t.db, set.id, qs[5].id, 'down'); // already last
		moveQuestion(t.db, set.id, qs[0].id, 'down');
		expect(order(set.id)).toEqual([qs[2], qs[0], qs[1], qs[3], qs[4], qs[5]].map((q, position) => ({ id: q.id, position })));
	});

	it('approves or rejects one question, and approves all drafts at once', () => {
		const { set, questions: qs } = setup();
		setQuestionStatus(t.db, set.id, qs[0].id, 'rejected', LATER);
		setQuestionStatus(t.db, set.id, qs[1].id, 'approved', LATER);
		expect(approveAllDrafts(t.db, set.id, LATER)).toBe(4);
		const statuses = qs.map((q) => row(q.id).status);
		expect(statuses).toEqual(['rejected', 'approved', 'approved', 'approved', 'approved', 'approved']);
		expect(loadSetEditor(t.db, set).counts).toEqual({ draft: 0, approved: 5, rejected: 1 });
		expect(approveAllDrafts(t.db, set.id, LATER)).toBe(0);
	});
});
