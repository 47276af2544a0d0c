import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { tempDb, type TempDb } from '../../helpers/db';
import { insertSet, insertUser } from '../../helpers/fixtures';
import { createClass } from '../../../src/lib/server/classes';
import { joinClass } from '../../../src/lib/server/teaching/membership';
import { assignableSets, assignmentPhase, createAssignment } from '../../../src/lib/server/teaching/assignments';
import { setQuestionStatus, moveQuestion } from '../../../src/lib/server/teaching/set-editor';
import { parseAssignmentForm, type AssignmentForm } from '../../../src/lib/teaching/assignment-input';
import { assignmentItems, assignments, cards } from '../../../src/lib/server/db/schema';
import { ValidationError } from '../../../src/lib/server/errors';

const NOW = new Date('2026-03-20T12:00:00Z');
let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

const form = (change: Partial<AssignmentForm> = {}): AssignmentForm => ({
	setId: '',
	kind: 'quiz',
	title: '',
	attemptsAllowed: '1',
	timeLimitMinutes: '',
	opensAt: '',
	dueAt: '',
	shuffleQuestions: '',
	shuffleOptions: '',
	feedback: 'submit',
	...change
});

function classWithStudents(n: number) {
	const teacher = insertUser(t.db, 'teacher');
	const cls = createClass(t.db, teacher.id, 'History 9B');
	const students = Array.from({ length: n }, () => insertUser(t.db));
	for (const s of students) joinClass(t.db, s.id, cls.joinCode!, NOW);
	return { teacher, cls, students };
}

const tableCount = (table: typeof assignments | typeof assignmentItems | typeof cards) => t.db.select({ n: count() }).from(table).get()!.n;

describe('creating an assignment', () => {
	it('freezes the approved questions, in the set’s order, into a quiz', () => {
		const { teacher, cls } = classWithStudents(2);
		const { set, questions: qs } = insertSet(t.db, teacher.id, { status: 'draft' });
		setQuestionStatus(t.db, set.id, qs[1].id, 'approved', NOW);
		setQuestionStatus(t.db, set.id, qs[4].id, 'approved', NOW);
		moveQuestion(t.db, set.id, qs[4].id, 'up');
		moveQuestion(t.db, set.id, qs[4].id, 'up');
		moveQuestion(t.db, set.id, qs[4].id, 'up'); // now before qs[1]
		const input = parseAssignmentForm(form({ setId: String(set.id), attemptsAllowed: '3', timeLimitMinutes: '20', feedback: 'each' }), 'UTC', NOW);
		const { assignment, questionCount, cardsCreated } = createAssignment(t.db, cls, teacher.id, input, NOW);
		expect({ questionCount, cardsCreated }).toEqual({ questionCount: 2, cardsCreated: 0 });
		expect(assignment).toMatchObject({ kind: 'quiz', title: set.title, attemptsAllowed: 3, timeLimitSeconds: 1200, feedback: 'each', classId: cls.id });
		const items = t.db.select().from(assignmentItems).where(eq(assignmentItems.assignmentId, assignment.id)).orderBy(asc(assignmentItems.position)).all();
		expect(items.map((i) => [i.questionId, i.position])).toEqual([
			[qs[4].id, 0],
			[qs[1].id, 1]
		]);
		// Approving more later does not change the assignment.
		setQuestionStatus(t.db, set.id, qs[0].id, 'approved', NOW);
		expect(t.db.select({ n: count() }).from(assignmentItems).where(eq(assignmentItems.assignmentId, assignment.id)).get()!.n).toBe(2);
		expect(tableCount(cards)).toBe(0);
	});

	it('gives every current student a card per question for a review deck, in the same transaction', () => {
		const { teacher, cls, students } = classWithStudents(3);
		const { set } = insertSet(t.db, teacher.id);
		const input = parseAssignmentForm(form({ setId: String(set.id), kind: 'review', title: 'Cambodia facts' }), 'UTC', NOW);
		const { assignment, cardsCreated } = createAssignment(t.db, cls, teacher.id, input, NOW);
		expect(assignment).toMatchObject({ kind: 'review', title: 'Cambodia facts' });
		expect(cardsCreated).toBe(3 * 6);
		for (const s of students) {
			const mine = t.db.select().from(cards).where(eq(cards.userId, s.id)).all();
			expect(mine).toHaveLength(6);
			expect(mine.every((c) => c.origin === 'assignment' && c.state === 0)).toBe(true);
		}
		// The teacher is not a student of the class and gets no cards.
		expect(t.db.select({ n: count() }).from(cards).where(eq(cards.userId, teacher.id)).get()!.n).toBe(0);
	});

	it('stores the times typed in the teacher’s zone as the right instants (DST in New York)', () => {
		const { teacher, cls } = classWithStudents(0);
		const { set } = insertSet(t.db, teacher.id);
		// New York springs forward on 8 March 2026; 20 March is EDT (UTC−4), 1 March was EST.
		const input = parseAssignmentForm(form({ setId: String(set.id), opensAt: '2026-03-21T08:00', dueAt: '2026-11-02T08:00' }), 'America/New_York', NOW);
		const { assignment } = createAssignment(t.db, cls, teacher.id, input, NOW);
		const stored = t.db.select().from(assignments).where(eq(assignments.id, assignment.id)).get()!;
		expect(stored.opensAt?.toISOString()).toBe('2026-03-21T12:00:00.000Z');
		expect(stored.dueAt?.toISOString()).toBe('2026-11-02T13:00:00.000Z'); // back on EST by then
		expect(assignmentPhase(stored, NOW)).toBe('upcoming');
		expect(assignmentPhase(stored, new Date('2026-04-01T00:00:00Z'))).toBe('open');
		expect(assignmentPhase(stored, new Date('2026-11-02T13:00:00Z'))).toBe('closed');
	});

	it('refuses a set without approved questions, or another teacher’s set, writing nothing', () => {
		const { teacher, cls } = classWithStudents(2);
		const drafts = insertSet(t.db, teacher.id, { status: 'draft' });
		const someoneElse = insertSet(t.db, insertUser(t.db, 'teacher').id);
		expect(() =>
			createAssignment(t.db, cls, teacher.id, parseAssignmentForm(form({ setId: String(drafts.set.id), kind: 'review' }), 'UTC', NOW), NOW)
		).toThrow('no approved questions');
		expect(() =>
			createAssignment(t.db, cls, teacher.id, parseAssignmentForm(form({ setId: String(someoneElse.set.id) }), 'UTC', NOW), NOW)
		).toThrow(ValidationError);
		expect(() => createAssignment(t.db, cls, teacher.id, parseAssignmentForm(form({ setId: '99999' }), 'UTC', NOW), NOW)).toThrow(
			'Choose one of your question sets'
		);
		expect([tableCount(assignments), tableCount(assignmentItems), tableCount(cards)]).toEqual([0, 0, 0]);
	});

	it('offers only the teacher’s sets that have approved questions', () => {
		const { teacher } = classWithStudents(0);
		const ready = insertSet(t.db, teacher.id, { title: 'Ready' });
		insertSet(t.db, teacher.id, { status: 'draft', title: 'Drafts only' });
		insertSet(t.db, insertUser(t.db, 'teacher').id, { title: 'Not mine' });
		expect(assignableSets(t.db, teacher.id).map((s) => [s.id, s.approved])).toEqual([[ready.set.id, 6]]);
	});
});
