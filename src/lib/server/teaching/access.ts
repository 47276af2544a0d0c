/**
 * Who may see what, decided in one place. A teacher sees and changes only their own
 * classes, sets and assignments; a student sees only the classes they are in and those
 * classes' assignments. "Not yours" is ForbiddenError, "does not exist" NotFoundError;
 * routes turn them into 403 and 404.
 */
import { and, eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignments, classes, memberships, questionSets, type Assignment, type Class, type QuestionSet } from '../db/schema';
import { ForbiddenError, NotFoundError } from '../errors';

export type Viewer = { id: string; role: 'student' | 'teacher' };

/** Route parameters are text; anything but a positive whole number names nothing. */
export function parseId(raw: string | undefined): number | null {
	if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
	const id = Number(raw);
	return Number.isSafeInteger(id) ? id : null;
}

function findClass(db: DB, classId: number | null): Class {
	const cls = classId === null ? undefined : db.select().from(classes).where(eq(classes.id, classId)).get();
	if (!cls) throw new NotFoundError('There is no such class.');
	return cls;
}

export function isMember(db: DB, classId: number, userId: string): boolean {
	return !!db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.classId, classId), eq(memberships.userId, userId)))
		.get();
}

/** The class, when `viewer` teaches it. */
export function classForTeacher(db: DB, viewer: Viewer, classId: number | null): Class {
	const cls = findClass(db, classId);
	if (cls.teacherId !== viewer.id) throw new ForbiddenError('Only the teacher of this class can do that.');
	return cls;
}

/** The class and how `viewer` relates to it: its teacher or one of its students. */
export function classForViewer(db: DB, viewer: Viewer, classId: number | null): { cls: Class; as: 'teacher' | 'student' } {
	const cls = findClass(db, classId);
	if (cls.teacherId === viewer.id) return { cls, as: 'teacher' };
	if (isMember(db, cls.id, viewer.id)) return { cls, as: 'student' };
	throw new ForbiddenError('This class is not one of yours.');
}

/** The question set, when `viewer` owns it. */
export function setForOwner(db: DB, viewer: Viewer, setId: number | null): QuestionSet {
	const set = setId === null ? undefined : db.select().from(questionSets).where(eq(questionSets.id, setId)).get();
	if (!set) throw new NotFoundError('There is no such question set.');
	if (set.ownerId !== viewer.id) throw new ForbiddenError('This question set is not yours.');
	return set;
}

/** The assignment with its class, and whether `viewer` is the class's teacher or a student in it. */
export function assignmentForViewer(
	db: DB,
	viewer: Viewer,
	assignmentId: number | null
): { assignment: Assignment; cls: Class; as: 'teacher' | 'student' } {
	const row =
		assignmentId === null
			? undefined
			: db
					.select({ assignment: assignments, cls: classes })
					.from(assignments)
					.innerJoin(classes, eq(classes.id, assignments.classId))
					.where(eq(assignments.id, assignmentId))
					.get();
	if (!row) throw new NotFoundError('There is no such assignment.');
	if (row.cls.teacherId === viewer.id) return { ...row, as: 'teacher' };
	if (isMember(db, row.cls.id, viewer.id)) return { ...row, as: 'student' };
	throw new ForbiddenError('This assignment is not for you.');
}
