import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { tempDb, type TempDb } from '../../helpers/db';
import { insertSet, insertUser } from '../../helpers/fixtures';
import { insertAssignment, insertAttempt } from '../../helpers/teaching-fixtures';
import { createClass } from '../../../src/lib/server/classes';
import { joinClass, listMembers, removeMember, rotateJoinCode, setJoinEnabled } from '../../../src/lib/server/teaching/membership';
import { assignmentForViewer, classForTeacher, classForViewer, setForOwner } from '../../../src/lib/server/teaching/access';
import { attempts, cards, classes, memberships } from '../../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../src/lib/server/errors';

const NOW = new Date('2026-03-01T10:00:00Z');
let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

const memberCount = (classId: number) =>
	t.db.select({ n: count() }).from(memberships).where(eq(memberships.classId, classId)).get()!.n;

describe('join codes', () => {
	it('gives each new class its own eight-character code', () => {
		const teacher = insertUser(t.db, 'teacher');
		const codes = Array.from({ length: 30 }, (_, i) => createClass(t.db, teacher.id, `Class ${i}`).joinCode!);
		expect(new Set(codes).size).toBe(30);
		for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
	});

	it('lets a student join with the code typed in any case, with spaces or a dash', () => {
		const teacher = insertUser(t.db, 'teacher');
		const student = insertUser(t.db, 'student');
		const cls = createClass(t.db, teacher.id, 'History 9B');
		const typed = ` ${cls.joinCode!.slice(0, 4).toLowerCase()}-${cls.joinCode!.slice(4)} `;
		const result = joinClass(t.db, student.id, typed, NOW);
		expect(result).toMatchObject({ joined: true, cls: { id: cls.id } });
		expect(listMembers(t.db, cls.id).map((m) => m.id)).toEqual([student.id]);
	});

	it('makes joining twice harmless', () => {
		const teacher = insertUser(t.db, 'teacher');
		const student = insertUser(t.db, 'student');
		const cls = createClass(t.db, teacher.id, 'History 9B');
		joinClass(t.db, student.id, cls.joinCode!, NOW);
		expect(joinClass(t.db, student.id, cls.joinCode!, NOW).joined).toBe(false);
		expect(memberCount(cls.id)).toBe(1);
	});

	it('refuses unknown codes, the class’s own teacher, and empty input, writing nothing', () => {
		const teacher = insertUser(t.db, 'teacher');
		const cls = createClass(t.db, teacher.id, 'History 9B');
		const student = insertUser(t.db, 'student');
		expect(() => joinClass(t.db, student.id, 'NOPE2345', NOW)).toThrow(ValidationError);
		expect(() => joinClass(t.db, student.id, '  ', NOW)).toThrow('Enter the join code');
		expect(() => joinClass(t.db, teacher.id, cls.joinCode!, NOW)).toThrow('You teach this class');
		expect(memberCount(cls.id)).toBe(0);
	});

	it('refuses a switched-off code with a clear message, and lets members stay', () => {
		const teacher = insertUser(t.db, 'teacher');
		const [a, b] = [insertUser(t.db), insertUser(t.db)];
		const cls = createClass(t.db, teacher.id, 'History 9B');
		joinClass(t.db, a.id, cls.joinCode!, NOW);
		setJoinEnabled(t.db, cls.id, false);
		expect(() => joinClass(t.db, b.id, cls.joinCode!, NOW)).toThrow(ConflictError);
		expect(() => joinClass(t.db, b.id, cls.joinCode!, NOW)).toThrow('not taking new members');
		expect(joinClass(t.db, a.id, cls.joinCode!, NOW).joined).toBe(false);
		setJoinEnabled(t.db, cls.id, true);
		expect(joinClass(t.db, b.id, cls.joinCode!, NOW).joined).toBe(true);
		expect(memberCount(cls.id)).toBe(2);
	});

	it('rotates the code: the old one stops working, the new one works', () => {
		const teacher = insertUser(t.db, 'teacher');
		const student = insertUser(t.db);
		const cls = createClass(t.db, teacher.id, 'History 9B');
		const fresh = rotateJoinCode(t.db, cls.id);
		expect(fresh).not.toBe(cls.joinCode);
		expect(t.db.select().from(classes).where(eq(classes.id, cls.id)).get()!.joinCode).toBe(fresh);
		expect(() => joinClass(t.db, student.id, cls.joinCode!, NOW)).toThrow('No class has that join code');
		expect(joinClass(t.db, student.id, fresh.toLowerCase(), NOW).joined).toBe(true);
	});

	it('gives a joining student the cards of the class’s review decks, not of its quizzes', () => {
		const teacher = insertUser(t.db, 'teacher');
		const cls = createClass(t.db, teacher.id, 'History 9B');
		const { set, questions } = insertSet(t.db, teacher.id);
		insertAssignment(t.db, cls.id, set.id, [questions[0].id, questions[1].id], { kind: 'review' });
		insertAssignment(t.db, cls.id, set.id, [questions[2].id], { kind: 'quiz' });
		const student = insertUser(t.db);
		expect(joinClass(t.db, student.id, cls.joinCode!, NOW).cardsAdded).toBe(2);
		const mine = t.db.select().from(cards).where(eq(cards.userId, student.id)).all();
		expect(mine.map((c) => c.questionId).sort()).toEqual([questions[0].id, questions[1].id].sort());
		expect(mine.every((c) => c.origin === 'assignment' && c.due.getTime() === NOW.getTime())).toBe(true);
	});
});

describe('removing a member', () => {
	it('takes away access but keeps the student’s attempts and cards', () => {
		const teacher = insertUser(t.db, 'teacher');
		const student = insertUser(t.db);
		const cls = createClass(t.db, teacher.id, 'History 9B');
		const { set, questions } = insertSet(t.db, teacher.id);
		const review = insertAssignment(t.db, cls.id, set.id, [questions[0].id], { kind: 'review' });
		const quiz = insertAssignment(t.db, cls.id, set.id, [questions[1].id]);
		joinClass(t.db, student.id, cls.joinCode!, NOW);
		insertAttempt(t.db, quiz, student.id, [questions[1].id], { [questions[1].id]: { response: 'garments', correct: true } }, { startedAt: NOW, submittedAt: NOW });

		removeMember(t.db, cls.id, student.id);

		expect(memberCount(cls.id)).toBe(0);
		expect(t.db.select({ n: count() }).from(attempts).where(eq(attempts.userId, student.id)).get()!.n).toBe(1);
		expect(t.db.select({ n: count() }).from(cards).where(eq(cards.userId, student.id)).get()!.n).toBe(1);
		const viewer = { id: student.id, role: 'student' as const };
		expect(() => classForViewer(t.db, viewer, cls.id)).toThrow(ForbiddenError);
		expect(() => assignmentForViewer(t.db, viewer, review.id)).toThrow(ForbiddenError);
		expect(() => removeMember(t.db, cls.id, student.id)).toThrow(NotFoundError);
	});
});

describe('who may see what', () => {
	it('tells the teacher, a student in the class, outsiders and missing things apart', () => {
		const teacher = insertUser(t.db, 'teacher');
		const other = insertUser(t.db, 'teacher');
		const member = insertUser(t.db);
		const outsider = insertUser(t.db);
		const cls = createClass(t.db, teacher.id, 'History 9B');
		joinClass(t.db, member.id, cls.joinCode!, NOW);
		const { set, questions } = insertSet(t.db, teacher.id);
		const a = insertAssignment(t.db, cls.id, set.id, [questions[0].id]);
		const as = (u: { id: string; role: 'student' | 'teacher' }) => ({ id: u.id, role: u.role });

		expect(classForViewer(t.db, as(teacher), cls.id).as).toBe('teacher');
		expect(classForViewer(t.db, as(member), cls.id).as).toBe('student');
		expect(() => classForViewer(t.db, as(outsider), cls.id)).toThrow(ForbiddenError);
		expect(() => classForViewer(t.db, as(other), cls.id)).toThrow(ForbiddenError);
		expect(() => classForViewer(t.db, as(teacher), 99999)).toThrow(NotFoundError);
		expect(() => classForTeacher(t.db, as(member), cls.id)).toThrow(ForbiddenError);
		expect(assignmentForViewer(t.db, as(member), a.id).as).toBe('student');
		expect(() => assignmentForViewer(t.db, as(other), a.id)).toThrow(ForbiddenError);
		expect(setForOwner(t.db, as(teacher), set.id).id).toBe(set.id);
		expect(() => setForOwner(t.db, as(other), set.id)).toThrow(ForbiddenError);
		expect(() => setForOwner(t.db, as(member), null)).toThrow(NotFoundError);
		expect(
			t.db.select().from(memberships).where(and(eq(memberships.classId, cls.id), eq(memberships.userId, member.id))).get()
		).toBeTruthy();
	});
});
