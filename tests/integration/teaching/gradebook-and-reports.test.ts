import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../helpers/db';
import { insertSet, insertUser } from '../../helpers/fixtures';
import { insertAssignment, insertAttempt, markReviewed } from '../../helpers/teaching-fixtures';
import { createClass } from '../../../src/lib/server/classes';
import { joinClass, removeMember } from '../../../src/lib/server/teaching/membership';
import { closeExpiredAttempts, gradebookCsv, loadGradebook } from '../../../src/lib/server/teaching/gradebook';
import { attempts } from '../../../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';
import { loadAssignmentReport } from '../../../src/lib/server/teaching/assignment-report';
import { loadDeckMastery } from '../../../src/lib/server/teaching/class-mastery';

const DAY = 86_400_000;
const NOW = new Date('2026-03-20T12:00:00Z');
const EARLIER = new Date('2026-03-10T12:00:00Z');
let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

/**
 * History 9B: Ann, Ben and a student who named themselves "=HYPERLINK(…)"; a quiz with two
 * attempts allowed and a review deck of two cards.
 */
function classroom() {
	const teacher = insertUser(t.db, 'teacher', 'Ms Teacher');
	const cls = createClass(t.db, teacher.id, 'History 9B');
	const ann = insertUser(t.db, 'student', 'Ann Archer');
	const ben = insertUser(t.db, 'student', 'Ben "Benny" Bell, Jr');
	const eve = insertUser(t.db, 'student', '=HYPERLINK("http://evil.example","click")');
	for (const s of [ann, ben, eve]) joinClass(t.db, s.id, cls.joinCode!, EARLIER);
	const { set, questions: qs } = insertSet(t.db, teacher.id);
	const quiz = insertAssignment(t.db, cls.id, set.id, [qs[0].id, qs[1].id], { kind: 'quiz', title: 'Week 1 quiz', attemptsAllowed: 2, createdAt: EARLIER });
	const deck = insertAssignment(t.db, cls.id, set.id, [qs[2].id, qs[3].id], {
		kind: 'review',
		title: 'Facts to keep',
		createdAt: new Date(EARLIER.getTime() + 1000)
	});
	// The deck's cards, as createAssignment gives them.
	joinClass(t.db, ann.id, cls.joinCode!, EARLIER);
	return { teacher, cls, ann, ben, eve, set, qs, quiz, deck };
}

describe('gradebook', () => {
	it('shows the best submitted score, attempts used and review-deck mastery', async () => {
		const c = classroom();
		const { ensureCards } = await import('../../../src/lib/server/cards');
		for (const s of [c.ann, c.ben, c.eve]) ensureCards(t.db, s.id, [c.qs[2].id, c.qs[3].id], 'assignment', EARLIER);
		const ids = [c.qs[0].id, c.qs[1].id];
		insertAttempt(t.db, c.quiz, c.ann.id, ids, { [ids[0]]: { response: '1979', correct: true }, [ids[1]]: { response: 'rice', correct: false } }, { startedAt: EARLIER, submittedAt: EARLIER });
		insertAttempt(t.db, c.quiz, c.ann.id, ids, { [ids[0]]: { response: '1979', correct: true }, [ids[1]]: { response: 'garments', correct: true } }, { startedAt: NOW, submittedAt: NOW });
		insertAttempt(t.db, c.quiz, c.ben.id, ids, { [ids[0]]: { response: '1985', correct: false } }, { startedAt: NOW });
		// Ann reviewed one deck card ten days ago with a stability of ten days: recall 0.9 now.
		markReviewed(t.db, c.ann.id, c.qs[2].id, 10, new Date(NOW.getTime() - 10 * DAY));

		const book = loadGradebook(t.db, c.cls.id, NOW);
		expect(book.columns.map((col) => [col.title, col.kind])).toEqual([
			['Week 1 quiz', 'quiz'],
			['Facts to keep', 'review']
		]);
		const byName = Object.fromEntries(book.rows.map((r) => [r.student.name, r.cells]));
		expect(byName['Ann Archer'][0]).toEqual({ kind: 'quiz', best: 1, submitted: 2, allowed: 2, inProgress: false });
		expect(byName['Ann Archer'][1]).toMatchObject({ kind: 'review', reviewed: 1, total: 2 });
		expect((byName['Ann Archer'][1] as { mastery: number }).mastery).toBeCloseTo(0.45, 3);
		expect(byName['Ben "Benny" Bell, Jr'][0]).toEqual({ kind: 'quiz', best: null, submitted: 0, allowed: 2, inProgress: true });
		expect(byName['Ben "Benny" Bell, Jr'][1]).toEqual({ kind: 'review', mastery: 0, reviewed: 0, total: 2 });
		expect(book.averages[0]).toBe(1);
		expect(book.averages[1]).toBeCloseTo(0.15, 3);
		expect(book.completed).toEqual([1, 0]);

		const csv = gradebookCsv(book);
		const [ann, ben, eve] = [c.ann, c.ben, c.eve].map((u) => u.email);
		expect(csv).toBe(
			'Student,E-mail,Week 1 quiz (quiz): best score %,Week 1 quiz (quiz): attempts submitted of 2,Facts to keep (review deck): mastery %,Facts to keep (review deck): cards reviewed\r\n' +
				`"'=HYPERLINK(""http://evil.example"",""click"")",${eve},,0,0,0 of 2\r\n` +
				`Ann Archer,${ann},100,2,45,1 of 2\r\n` +
				`"Ben ""Benny"" Bell, Jr",${ben},,0,0,0 of 2\r\n`
		);
	});

	it('drops a removed student from the gradebook but keeps their attempts for their own history', () => {
		const c = classroom();
		insertAttempt(t.db, c.quiz, c.ben.id, [c.qs[0].id], { [c.qs[0].id]: { response: '1979', correct: true } }, { startedAt: NOW, submittedAt: NOW });
		removeMember(t.db, c.cls.id, c.ben.id);
		const book = loadGradebook(t.db, c.cls.id, NOW);
		expect(book.rows.map((r) => r.student.name)).toEqual(['=HYPERLINK("http://evil.example","click")', 'Ann Archer']);
		expect(book.completed[0]).toBe(0);
	});
	it('counts an attempt whose time limit ran out as submitted', () => {
		const c = classroom();
		const ids = [c.qs[0].id, c.qs[1].id];
		const open = insertAttempt(t.db, c.quiz, c.ann.id, ids, { [ids[0]]: { response: '1979', correct: true } }, { startedAt: EARLIER });
		t.db.update(attempts).set({ deadlineAt: new Date(EARLIER.getTime() + 10 * 60_000) }).where(eq(attempts.id, open.id)).run();
		expect(loadGradebook(t.db, c.cls.id, NOW).rows.find((r) => r.student.id === c.ann.id)!.cells[0]).toMatchObject({ inProgress: true, best: null });
		expect(closeExpiredAttempts(t.db, c.cls.id, NOW)).toBe(1);
		expect(loadGradebook(t.db, c.cls.id, NOW).rows.find((r) => r.student.id === c.ann.id)!.cells[0]).toMatchObject({
			inProgress: false,
			submitted: 1,
			best: 0.5
		});
		expect(closeExpiredAttempts(t.db, c.cls.id, NOW)).toBe(0);
	});
});

describe('assignment report for the teacher', () => {
	it('lists each student’s first and best scores and analyses the first submitted attempts', () => {
		const c = classroom();
		const ids = [c.qs[0].id, c.qs[1].id];
		const extra = Array.from({ length: 4 }, (_, i) => insertUser(t.db, 'student', `Student ${i}`));
		for (const s of extra) joinClass(t.db, s.id, c.cls.joinCode!, EARLIER);
		// Ann: first attempt 1/2, second 2/2. Everyone else one attempt.
		insertAttempt(t.db, c.quiz, c.ann.id, ids, { [ids[0]]: { response: '1985', correct: false }, [ids[1]]: { response: 'garments', correct: true } }, { startedAt: EARLIER, submittedAt: EARLIER });
		insertAttempt(t.db, c.quiz, c.ann.id, ids, { [ids[0]]: { response: '1979', correct: true }, [ids[1]]: { response: 'garments', correct: true } }, { startedAt: NOW, submittedAt: NOW });
		extra.forEach((s, i) =>
			insertAttempt(t.db, c.quiz, s.id, ids, { [ids[0]]: { response: '1979', correct: true }, [ids[1]]: { response: i < 2 ? 'garments' : 'rice', correct: i < 2 } }, { startedAt: NOW, submittedAt: NOW })
		);
		insertAttempt(t.db, c.quiz, c.eve.id, ids, { [ids[0]]: { response: '1975', correct: false } }, { startedAt: NOW, submittedAt: NOW });
		// Ben started but never submitted: not in the analysis.
		insertAttempt(t.db, c.quiz, c.ben.id, ids, { [ids[0]]: { response: '1979', correct: true } }, { startedAt: NOW });

		const report = loadAssignmentReport(t.db, c.quiz, c.cls, NOW);
		if (report.kind !== 'quiz') throw new Error('expected a quiz report');
		const ann = report.students.find((s) => s.id === c.ann.id)!;
		expect(ann).toMatchObject({ started: 2, submitted: 2, best: 1, first: 0.5, inProgress: false });
		expect(report.students.find((s) => s.id === c.ben.id)).toMatchObject({ started: 1, submitted: 0, best: null, inProgress: true });
		expect(report.summary).toMatchObject({ submitted: 6, members: 7 });

		// First attempts: Q1 right for the four extra students (Ann's first was wrong, Eve wrong) → 4/6.
		const [q1, q2] = report.analysis.items;
		expect(report.analysis.students).toBe(6);
		expect(q1).toMatchObject({ answered: 6, correct: 4, position: 1, prompt: c.qs[0].prompt });
		expect(q1.facility).toBeCloseTo(4 / 6, 10);
		// Q2: Ann (first attempt) and two extra students right; two wrong; Eve did not answer.
		expect(q2).toMatchObject({ answered: 5, correct: 3, unanswered: 1 });
		expect(q1.responses.map((r) => [r.label, r.count])).toEqual([
			['1975', 1],
			['1979', 4],
			['1985', 1],
			['1991', 0]
		]);
	});

	it('shows each student’s predicted recall of each card of a review deck', async () => {
		const c = classroom();
		const { ensureCards } = await import('../../../src/lib/server/cards');
		ensureCards(t.db, c.ben.id, [c.qs[2].id, c.qs[3].id], 'assignment', EARLIER);
		markReviewed(t.db, c.ben.id, c.qs[3].id, 5, NOW);
		const report = loadAssignmentReport(t.db, c.deck, c.cls, NOW);
		if (report.kind !== 'review') throw new Error('expected a review report');
		const ben = report.students.find((s) => s.id === c.ben.id)!;
		expect(ben.perQuestion[0]).toBeNull();
		expect(ben.perQuestion[1]).toBeCloseTo(1, 6);
		expect(ben).toMatchObject({ reviewed: 1, total: 2 });
		expect(ben.mastery).toBeCloseTo(0.5, 6);
		const decks = loadDeckMastery(t.db, [c.deck.id], [c.ann.id, c.ben.id], NOW);
		expect(decks[0].questionIds).toEqual([c.qs[2].id, c.qs[3].id]);
		expect(decks[0].byStudent.get(c.ann.id)).toMatchObject({ mastery: 0, reviewed: 0 });
	});
});
