import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { tempDb, type TempDb } from '../helpers/db';
import { insertClass, insertSet, insertUser, SAMPLE_QUESTIONS } from '../helpers/fixtures';
import { insertAssignment } from '../helpers/assignments';
import { openDatabase } from '../../src/lib/server/db/client';
import { attemptAnswers, attempts, cards, questions as questionsTable } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import {
	autoSubmitExpired,
	loadQuestionScreen,
	loadResults,
	loadSubmitScreen,
	resumePath,
	saveAnswer,
	startOrResumeAttempt,
	submitAttempt
} from '../../src/lib/server/quiz';
import { ANSWER_GRACE_MS, shownOptions } from '../../src/lib/study/quiz';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

/** A teacher's set of six questions, a class with one student, and an assignment of the set. */
function classroom(rules: Partial<Parameters<typeof insertAssignment>[1]> = {}) {
	const teacher = insertUser(t.db, 'teacher');
	const student = insertUser(t.db, 'student');
	const fixture = insertSet(t.db, teacher.id);
	const cls = insertClass(t.db, teacher.id, [student.id]);
	const assignment = insertAssignment(t.db, {
		classId: cls.id,
		setId: fixture.set.id,
		questionIds: fixture.questions.map((q) => q.id),
		...rules
	});
	return { teacher, student, fixture, cls, assignment };
}

const byType = (qs: { id: number; type: string }[], type: string) => qs.find((q) => q.type === type)!;

/** The right (or a wrong) response for each fixture question, by id. */
function responses(qs: { id: number; type: string }[], right: boolean): Map<number, string | string[]> {
	const out = new Map<number, string | string[]>();
	SAMPLE_QUESTIONS.forEach((sample) => {
		const id = byType(qs, sample.type).id;
		if (right) out.set(id, Array.isArray(sample.answer) ? [...sample.answer] : sample.answer);
		else if (sample.type === 'ordering') out.set(id, [...(sample.answer as string[])].reverse());
		else if (sample.options) out.set(id, sample.options.find((o) => o !== sample.answer)!);
		else out.set(id, sample.type === 'numeric' ? '1' : 'shoes');
	});
	return out;
}

const countAnswers = (attemptId: number) =>
	t.db.select({ n: count() }).from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId)).get()!.n;

describe('starting and resuming', () => {
	it('practice: the owner starts an attempt on the non-rejected questions; a second start resumes it', () => {
		const student = insertUser(t.db, 'student');
		const { set, questions } = insertSet(t.db, student.id);
		t.db.update(questionsTable).set({ status: 'rejected' }).where(eq(questionsTable.id, questions[0].id)).run();
		const first = startOrResumeAttempt(t.db, { userId: student.id, source: { kind: 'practice', setId: set.id }, now: T0, seed: 1 });
		expect(first.resumed).toBe(false);
		expect(first.attempt.questionOrder).toEqual(questions.slice(1).map((q) => q.id));
		expect(first.attempt.total).toBe(5);
		expect(first.attempt.deadlineAt).toBeNull();
		const again = startOrResumeAttempt(t.db, { userId: student.id, source: { kind: 'practice', setId: set.id }, now: at(MINUTE), seed: 2 });
		expect(again).toMatchObject({ resumed: true, attempt: { id: first.attempt.id } });
		expect(t.db.select({ n: count() }).from(attempts).get()!.n).toBe(1);
	});

	it('practice: refuses a set the user does not own, and an unknown set', () => {
		const owner = insertUser(t.db, 'teacher');
		const other = insertUser(t.db, 'student');
		const { set } = insertSet(t.db, owner.id);
		expect(() => startOrResumeAttempt(t.db, { userId: other.id, source: { kind: 'practice', setId: set.id }, now: T0, seed: 1 })).toThrow(ForbiddenError);
		expect(() => startOrResumeAttempt(t.db, { userId: other.id, source: { kind: 'practice', setId: 9999 }, now: T0, seed: 1 })).toThrow(NotFoundError);
	});

	it('the database itself refuses a second open attempt at the same quiz', () => {
		const { student, assignment } = classroom();
		const { attempt } = startOrResumeAttempt(t.db, { userId: student.id, source: { kind: 'assignment', assignmentId: assignment.id }, now: T0, seed: 1 });
		expect(() =>
			t.db.insert(attempts).values({ userId: student.id, setId: attempt.setId, assignmentId: assignment.id, questionOrder: [], startedAt: T0, total: 0 }).run()
		).toThrow(/UNIQUE/);
	});

	it('assignment: only students of the class, only while open, with the shuffles and the time limit', () => {
		const { student, teacher, assignment, fixture } = classroom({
			opensAt: at(10 * MINUTE),
			dueAt: at(120 * MINUTE),
			timeLimitSeconds: 600,
			shuffleQuestions: true,
			shuffleOptions: true
		});
		const outsider = insertUser(t.db, 'student');
		const source = { kind: 'assignment' as const, assignmentId: assignment.id };
		expect(() => startOrResumeAttempt(t.db, { userId: outsider.id, source, now: at(20 * MINUTE), seed: 1 })).toThrow(ForbiddenError);
		expect(() => startOrResumeAttempt(t.db, { userId: teacher.id, source, now: at(20 * MINUTE), seed: 1 })).toThrow(ForbiddenError);
		expect(() => startOrResumeAttempt(t.db, { userId: student.id, source, now: T0, seed: 1 })).toThrow('This quiz is not open yet.');
		expect(() => startOrResumeAttempt(t.db, { userId: student.id, source, now: at(120 * MINUTE), seed: 1 })).toThrow(/due time has passed/);
		const { attempt } = startOrResumeAttempt(t.db, { userId: student.id, source, now: at(20 * MINUTE), seed: 12345 });
		expect(attempt.deadlineAt).toEqual(at(30 * MINUTE));
		expect([...attempt.questionOrder].sort()).toEqual(fixture.questions.map((q) => q.id).sort());
		const sameSeed = startOrResumeAttempt(t.db, { userId: student.id, source, now: at(21 * MINUTE), seed: 999 });
		expect(sameSeed.attempt.questionOrder).toEqual(attempt.questionOrder);
		expect(t.db.select({ n: count() }).from(attempts).get()!.n).toBe(0 + 1);
	});

	it('assignment: respects the number of attempts allowed', () => {
		const { student, assignment } = classroom({ attemptsAllowed: 2 });
		const source = { kind: 'assignment' as const, assignmentId: assignment.id };
		for (let i = 0; i < 2; i++) {
			const { attempt, resumed } = startOrResumeAttempt(t.db, { userId: student.id, source, now: at(i * MINUTE), seed: i });
			expect(resumed).toBe(false);
			submitAttempt(t.db, { attemptId: attempt.id, userId: student.id, now: at(i * MINUTE + 1000) });
		}
		expect(() => startOrResumeAttempt(t.db, { userId: student.id, source, now: at(5 * MINUTE), seed: 3 })).toThrow('You have used all 2 attempts at this quiz.');
		expect(t.db.select({ n: count() }).from(attempts).get()!.n).toBe(2);
	});

	it('assignment: a review deck is not a quiz', () => {
		const { student, assignment } = classroom({ kind: 'review' });
		expect(() =>
			startOrResumeAttempt(t.db, { userId: student.id, source: { kind: 'assignment', assignmentId: assignment.id }, now: T0, seed: 1 })
		).toThrow(ConflictError);
	});
});

describe('answering', () => {
	function started(rules = {}) {
		const room = classroom(rules);
		const { attempt } = startOrResumeAttempt(t.db, {
			userId: room.student.id,
			source: { kind: 'assignment', assignmentId: room.assignment.id },
			now: T0,
			seed: 5
		});
		return { ...room, attempt };
	}

	it('stores an answer at once and replaces it when answered again; a reload shows it', () => {
		const { student, attempt, fixture } = started();
		const mc = byType(fixture.questions, 'multiple_choice').id;
		saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: mc, response: '1985', now: at(1000) });
		saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: mc, response: '1979', now: at(2000) });
		const rows = t.db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, attempt.id)).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ response: '1979', correct: true, answeredAt: at(2000) });
		const n = attempt.questionOrder.indexOf(mc) + 1;
		const screen = loadQuestionScreen(t.db, { attemptId: attempt.id, userId: student.id, n, now: at(3000) });
		expect(screen).toMatchObject({ state: 'open', response: '1979', feedback: null });
		expect(resumePath(t.db, { attemptId: attempt.id, userId: student.id, now: at(3000) })).toBe(
			`/attempts/${attempt.id}/${attempt.questionOrder.findIndex((id) => id !== mc) + 1}`
		);
	});

	it('grades and stores every type', () => {
		const { student, attempt, fixture } = started();
		for (const [questionId, response] of responses(fixture.questions, true)) {
			saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId, response, now: at(1000) });
		}
		const rows = t.db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, attempt.id)).all();
		expect(rows.map((r) => r.correct)).toEqual([true, true, true, true, true, true]);
	});

	it.each([
		['an option that is not shown', 'multiple_choice', '2001', 'Choose one of the options shown.'],
		['an empty answer', 'cloze', '  ', 'Type your answer.'],
		['an over-long answer', 'cloze', 'x'.repeat(501), 'at most 500 characters'],
		['an ordering that repeats an item', 'ordering', ['Vietnam invades Cambodia', 'Vietnam invades Cambodia', 'The border marker is inaugurated'], 'Use each item exactly once.'],
		['an ordering as text', 'ordering', 'Vietnam invades Cambodia', 'Put every item in a position.']
	])('refuses %s and writes nothing', (_label, type, response, message) => {
		const { student, attempt, fixture } = started();
		const questionId = byType(fixture.questions, type).id;
		expect(() => saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId, response, now: at(1000) })).toThrow(message);
		expect(countAnswers(attempt.id)).toBe(0);
	});

	it('refuses a question that is not in the attempt, and somebody else\'s attempt', () => {
		const { student, attempt, teacher } = started();
		const strayQuestion = insertSet(t.db, teacher.id).questions[0].id;
		expect(() => saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: strayQuestion, response: '1979', now: at(1000) })).toThrow(ValidationError);
		const other = insertUser(t.db, 'student');
		expect(() => saveAnswer(t.db, { attemptId: attempt.id, userId: other.id, questionId: attempt.questionOrder[0], response: 'x', now: at(1000) })).toThrow(NotFoundError);
		expect(countAnswers(attempt.id)).toBe(0);
	});

	it('refuses answers after submission, with nothing written', () => {
		const { student, attempt, fixture } = started();
		submitAttempt(t.db, { attemptId: attempt.id, userId: student.id, now: at(1000) });
		const mc = byType(fixture.questions, 'multiple_choice').id;
		expect(() => saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: mc, response: '1979', now: at(2000) })).toThrow(/has been submitted/);
		expect(countAnswers(attempt.id)).toBe(0);
	});

	it('takes an answer within the grace after the time limit, refuses one after it and submits the attempt', () => {
		const { student, attempt, fixture } = started({ timeLimitSeconds: 300 });
		const [mc, tf] = [byType(fixture.questions, 'multiple_choice').id, byType(fixture.questions, 'true_false').id];
		saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: mc, response: '1979', now: at(5 * MINUTE + ANSWER_GRACE_MS) });
		let refusal: unknown;
		try {
			saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: tf, response: 'False', now: at(5 * MINUTE + ANSWER_GRACE_MS + 1) });
		} catch (err) {
			refusal = err;
		}
		expect(refusal).toBeInstanceOf(ConflictError);
		expect((refusal as Error).message).toMatch(/time limit is over/);
		expect(countAnswers(attempt.id)).toBe(1);
		const row = t.db.select().from(attempts).where(eq(attempts.id, attempt.id)).get()!;
		expect(row).toMatchObject({ submittedAt: at(5 * MINUTE), correctCount: 1, total: 6 });
	});

	it('refuses answers after the due time with a clear message', () => {
		const { student, attempt, fixture } = started({ dueAt: at(30 * MINUTE) });
		const mc = byType(fixture.questions, 'multiple_choice').id;
		expect(() => saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: mc, response: '1979', now: at(31 * MINUTE) })).toThrow(
			'The due time has passed: this quiz no longer takes answers. The answers you saved were submitted.'
		);
		expect(countAnswers(attempt.id)).toBe(0);
	});

	it('feedback after each answer: locks the answer and reveals only that question', () => {
		const { student, attempt, fixture } = started({ feedback: 'each' });
		const mc = byType(fixture.questions, 'multiple_choice').id;
		const n = attempt.questionOrder.indexOf(mc) + 1;
		const before = loadQuestionScreen(t.db, { attemptId: attempt.id, userId: student.id, n, now: at(1) });
		expect(before).toMatchObject({ feedback: null });
		saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: mc, response: '1985', now: at(1000) });
		expect(() => saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: mc, response: '1979', now: at(2000) })).toThrow(/already answered/);
		const after = loadQuestionScreen(t.db, { attemptId: attempt.id, userId: student.id, n, now: at(3000) });
		expect(after).toMatchObject({ state: 'open', response: '1985', feedback: { correct: false, expected: '1979' } });
		const other = loadQuestionScreen(t.db, { attemptId: attempt.id, userId: student.id, n: n === 1 ? 2 : 1, now: at(3000) });
		expect(other).toMatchObject({ feedback: null });
	});
});

describe('submitting', () => {
	it('counts once: two submissions return the same result and one score', () => {
		const { student, assignment, fixture } = classroom();
		const { attempt } = startOrResumeAttempt(t.db, { userId: student.id, source: { kind: 'assignment', assignmentId: assignment.id }, now: T0, seed: 1 });
		const right = responses(fixture.questions, true);
		const mc = byType(fixture.questions, 'multiple_choice').id;
		const cloze = byType(fixture.questions, 'cloze').id;
		for (const id of [mc, cloze]) saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: id, response: right.get(id)!, now: at(1000) });

		// A second connection to the same file, as a second server worker would have.
		const other = openDatabase(t.path, { migrate: false });
		try {
			const [a, b] = [
				submitAttempt(t.db, { attemptId: attempt.id, userId: student.id, now: at(2000) }),
				submitAttempt(other, { attemptId: attempt.id, userId: student.id, now: at(2001) })
			];
			expect(a.firstSubmission).toBe(true);
			expect(b.firstSubmission).toBe(false);
			expect(b.attempt).toEqual(a.attempt);
		} finally {
			other.$client.close();
		}
		const row = t.db.select().from(attempts).where(eq(attempts.id, attempt.id)).get()!;
		expect(row).toMatchObject({ submittedAt: at(2000), correctCount: 2, total: 6 });
		expect(row.score).toBeCloseTo(2 / 6);
	});

	it('turns wrong and unanswered questions into cards, once', () => {
		const { student, assignment, fixture } = classroom({ attemptsAllowed: 2 });
		const source = { kind: 'assignment' as const, assignmentId: assignment.id };
		const { attempt } = startOrResumeAttempt(t.db, { userId: student.id, source, now: T0, seed: 1 });
		const right = responses(fixture.questions, true);
		const wrong = responses(fixture.questions, false);
		const [mc, cloze, tf] = ['multiple_choice', 'cloze', 'true_false'].map((type) => byType(fixture.questions, type).id);
		saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: mc, response: right.get(mc)!, now: at(1) });
		saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: cloze, response: wrong.get(cloze)!, now: at(2) });
		saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: tf, response: wrong.get(tf)!, now: at(3) });
		submitAttempt(t.db, { attemptId: attempt.id, userId: student.id, now: at(10) });
		submitAttempt(t.db, { attemptId: attempt.id, userId: student.id, now: at(20) });
		const made = t.db.select().from(cards).where(eq(cards.userId, student.id)).all();
		expect(made.map((c) => c.questionId).sort()).toEqual(fixture.questions.map((q) => q.id).filter((id) => id !== mc).sort());
		expect(made.every((c) => c.origin === 'quiz_mistake' && c.due.getTime() === at(10).getTime())).toBe(true);
		// A second attempt with the same mistakes makes no second card.
		const second = startOrResumeAttempt(t.db, { userId: student.id, source, now: at(MINUTE), seed: 2 });
		saveAnswer(t.db, { attemptId: second.attempt.id, userId: student.id, questionId: mc, response: right.get(mc)!, now: at(MINUTE + 1) });
		submitAttempt(t.db, { attemptId: second.attempt.id, userId: student.id, now: at(2 * MINUTE) });
		expect(t.db.select({ n: count() }).from(cards).where(eq(cards.userId, student.id)).get()!.n).toBe(5);
	});

	it('feedback after the due time: no results and no cards until then', () => {
		const { student, assignment } = classroom({ feedback: 'due', dueAt: at(60 * MINUTE) });
		const { attempt } = startOrResumeAttempt(t.db, { userId: student.id, source: { kind: 'assignment', assignmentId: assignment.id }, now: T0, seed: 1 });
		submitAttempt(t.db, { attemptId: attempt.id, userId: student.id, now: at(MINUTE) });
		const early = loadResults(t.db, { attemptId: attempt.id, userId: student.id, now: at(59 * MINUTE) });
		expect(early).toMatchObject({ status: 'hidden', answeredCount: 0, availableAt: at(60 * MINUTE).getTime() });
		expect(JSON.stringify(early)).not.toMatch(/garments|1979|correct/);
		expect(t.db.select({ n: count() }).from(cards).get()!.n).toBe(0);
		const later = loadResults(t.db, { attemptId: attempt.id, userId: student.id, now: at(61 * MINUTE) });
		expect(later).toMatchObject({ status: 'visible', correctCount: 0, newCards: 6 });
		const again = loadResults(t.db, { attemptId: attempt.id, userId: student.id, now: at(62 * MINUTE) });
		expect(again).toMatchObject({ status: 'visible', newCards: 0 });
		expect(t.db.select({ n: count() }).from(cards).get()!.n).toBe(6);
	});

	it('closes an attempt past its time limit on the next request, with the answers it has', () => {
		const { student, assignment, fixture } = classroom({ timeLimitSeconds: 60 });
		const { attempt } = startOrResumeAttempt(t.db, { userId: student.id, source: { kind: 'assignment', assignmentId: assignment.id }, now: T0, seed: 1 });
		const mc = byType(fixture.questions, 'multiple_choice').id;
		saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: mc, response: '1979', now: at(30_000) });
		expect(autoSubmitExpired(t.db, { attemptId: attempt.id }, at(60_000 + ANSWER_GRACE_MS))).toBe(0);
		const screen = loadQuestionScreen(t.db, { attemptId: attempt.id, userId: student.id, n: 1, now: at(10 * MINUTE) });
		expect(screen.state).toBe('closed');
		const row = t.db.select().from(attempts).where(eq(attempts.id, attempt.id)).get()!;
		expect(row).toMatchObject({ submittedAt: at(60_000), correctCount: 1 });
		expect(autoSubmitExpired(t.db, { assignmentId: assignment.id }, at(11 * MINUTE))).toBe(0);
		expect(resumePath(t.db, { attemptId: attempt.id, userId: student.id, now: at(11 * MINUTE) })).toBe(`/attempts/${attempt.id}/results`);
	});

	it('the results show right/wrong, the student\'s answer, the correct answer and the source sentence', () => {
		const student = insertUser(t.db, 'student');
		const { set, questions } = insertSet(t.db, student.id);
		const { attempt } = startOrResumeAttempt(t.db, { userId: student.id, source: { kind: 'practice', setId: set.id }, now: T0, seed: 3 });
		const cloze = byType(questions, 'cloze').id;
		saveAnswer(t.db, { attemptId: attempt.id, userId: student.id, questionId: cloze, response: 'shoes', now: at(1) });
		expect(loadResults(t.db, { attemptId: attempt.id, userId: student.id, now: at(2) })).toMatchObject({ status: 'in_progress' });
		expect(loadSubmitScreen(t.db, { attemptId: attempt.id, userId: student.id, now: at(2) })).toMatchObject({ state: 'open', unanswered: expect.any(Array) });
		submitAttempt(t.db, { attemptId: attempt.id, userId: student.id, now: at(3) });
		const results = loadResults(t.db, { attemptId: attempt.id, userId: student.id, now: at(4) });
		if (results.status !== 'visible') throw new Error('results should be visible');
		const item = results.items.find((i) => i.question.id === cloze)!;
		expect(item).toMatchObject({
			response: 'shoes',
			feedback: { correct: false, expected: 'garments', sources: ['Cambodia’s biggest exports are garments and footwear.'] }
		});
		const order = results.items.find((i) => i.question.type === 'ordering')!;
		expect(order.feedback.expectedItems).toEqual(SAMPLE_QUESTIONS[5].answer);
		expect(order.question.options).toEqual(shownOptions({ type: 'ordering', options: SAMPLE_QUESTIONS[5].options, answer: SAMPLE_QUESTIONS[5].answer }, attempt.optionOrders[order.question.id]));
		expect(() => loadResults(t.db, { attemptId: attempt.id, userId: insertUser(t.db).id, now: at(4) })).toThrow(NotFoundError);
		expect(
			t.db.select({ n: count() }).from(cards).where(and(eq(cards.userId, student.id), eq(cards.origin, 'quiz_mistake'))).get()!.n
		).toBe(6);
	});
});
