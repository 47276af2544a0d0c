/**
 * What /classes and /classes/[id] show, for the class's teacher and for its students.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignments, attempts, classes, memberships, users, type Class } from '../db/schema';
import { listMembers } from './membership';
import { assignableSets, assignmentPhase, listAssignments } from './assignments';
import { loadGradebook } from './gradebook';

/** The classes a teacher teaches, with how many students and assignments each has. */
export function listTeacherClasses(db: DB, teacherId: string) {
	const list = db.select().from(classes).where(eq(classes.teacherId, teacherId)).orderBy(asc(classes.name)).all();
	if (!list.length) return [];
	const ids = list.map((c) => c.id);
	const students = db
		.select({ classId: memberships.classId, n: count() })
		.from(memberships)
		.where(inArray(memberships.classId, ids))
		.groupBy(memberships.classId)
		.all();
	const work = db
		.select({ classId: assignments.classId, n: count() })
		.from(assignments)
		.where(inArray(assignments.classId, ids))
		.groupBy(assignments.classId)
		.all();
	return list.map((c) => ({
		id: c.id,
		name: c.name,
		joinCode: c.joinCode,
		joinEnabled: c.joinEnabled,
		students: students.find((s) => s.classId === c.id)?.n ?? 0,
		assignments: work.find((w) => w.classId === c.id)?.n ?? 0
	}));
}

export function loadTeacherClassPage(db: DB, cls: Class, teacherId: string, now: Date) {
	const gradebook = loadGradebook(db, cls.id, now);
	return {
		as: 'teacher' as const,
		cls: { id: cls.id, name: cls.name, joinCode: cls.joinCode, joinEnabled: cls.joinEnabled, createdAt: cls.createdAt },
		members: listMembers(db, cls.id),
		assignments: listAssignments(db, cls.id).map((a) => ({ ...a, phase: assignmentPhase(a, now) })),
		sets: assignableSets(db, teacherId).map((s) => ({ id: s.id, title: s.title, approved: s.approved })),
		gradebook
	};
}

/** A student's view of a class they are in: the teacher's name and their own assignments. */
export function loadStudentClassPage(db: DB, cls: Class, studentId: string, now: Date) {
	const teacher = db.select({ name: users.name }).from(users).where(eq(users.id, cls.teacherId)).get();
	const list = listAssignments(db, cls.id);
	const mine = list.length
		? db
				.select({ assignmentId: attempts.assignmentId, submittedAt: attempts.submittedAt, score: attempts.score })
				.from(attempts)
				.where(and(eq(attempts.userId, studentId), inArray(attempts.assignmentId, list.map((a) => a.id))))
				.all()
		: [];
	return {
		as: 'student' as const,
		cls: { id: cls.id, name: cls.name },
		teacherName: teacher?.name ?? '',
		assignments: list
			.filter((a) => assignmentPhase(a, now) !== 'upcoming')
			.map((a) => {
				const done = mine.filter((m) => m.assignmentId === a.id && m.submittedAt !== null);
				return {
					id: a.id,
					title: a.title,
					kind: a.kind,
					dueAt: a.dueAt,
					phase: assignmentPhase(a, now),
					submitted: done.length,
					attemptsAllowed: a.attemptsAllowed
				};
			})
	};
}
