import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../helpers/db';
import { insertClass, insertSet, insertUser } from '../helpers/fixtures';
import { insertAssignment } from '../helpers/assignments';
import { loadDashboard } from '../../src/lib/server/dashboard';
import { startOrResumeAttempt, submitAttempt } from '../../src/lib/server/quiz';

const NOW = new Date('2026-05-04T10:00:00Z');
let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

describe('dashboard assignments', () => {
	it('lists open assignments of the student’s classes with their progress, and drops used-up quizzes', () => {
		const teacher = insertUser(t.db, 'teacher');
		const student = insertUser(t.db, 'student');
		const outsider = insertUser(t.db, 'student');
		const { set, questions } = insertSet(t.db, teacher.id);
		const cls = insertClass(t.db, teacher.id, [student.id]);
		const ids = questions.map((q) => q.id);
		const once = insertAssignment(t.db, { classId: cls.id, setId: set.id, questionIds: ids, title: 'One try', attemptsAllowed: 1 });
		const twice = insertAssignment(t.db, { classId: cls.id, setId: set.id, questionIds: ids, title: 'Two tries', attemptsAllowed: 2 });
		insertAssignment(t.db, { classId: cls.id, setId: set.id, questionIds: ids, title: 'Closed', dueAt: new Date(NOW.getTime() - 1000) });
		insertAssignment(t.db, { classId: cls.id, setId: set.id, questionIds: ids, title: 'Later', opensAt: new Date(NOW.getTime() + 86_400_000) });
		const user = { id: student.id, timeZone: 'UTC', newPerDay: 20, reviewsPerDay: 200 };

		const titles = () => loadDashboard(t.db, user, NOW).openAssignments.map((a) => a.title).sort();
		expect(titles()).toEqual(['One try', 'Two tries']);
		expect(loadDashboard(t.db, { ...user, id: outsider.id }, NOW).openAssignments).toEqual([]);

		const started = startOrResumeAttempt(t.db, { userId: student.id, source: { kind: 'assignment', assignmentId: once.id }, now: NOW, seed: 1 });
		expect(loadDashboard(t.db, user, NOW).openAssignments.find((a) => a.id === once.id)?.inProgress).toBeTruthy();
		submitAttempt(t.db, { attemptId: started.attempt.id, userId: student.id, now: NOW });
		expect(titles()).toEqual(['Two tries']);

		const first = startOrResumeAttempt(t.db, { userId: student.id, source: { kind: 'assignment', assignmentId: twice.id }, now: NOW, seed: 2 });
		submitAttempt(t.db, { attemptId: first.attempt.id, userId: student.id, now: NOW });
		const row = loadDashboard(t.db, user, NOW).openAssignments.find((a) => a.id === twice.id)!;
		expect([row.submitted, row.attemptsAllowed, Boolean(row.inProgress)]).toEqual([1, 2, false]);
	});
});
