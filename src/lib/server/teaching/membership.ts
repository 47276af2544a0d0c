/**
 * Joining and leaving classes, and the join code that lets students in.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignmentItems, assignments, classes, memberships, users, type Class } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { ensureCards } from '../cards';
import { unusedJoinCode } from '../classes';
import { JOIN_CODE_MAX, normaliseJoinCode } from '../../teaching/join-code';

export type JoinResult = { cls: Class; joined: boolean; cardsAdded: number };

/** The class a code opens; the code may be typed in any case, with spaces or dashes. */
export function findClassByCode(db: DB, rawCode: string): Class {
	const code = normaliseJoinCode(rawCode);
	if (!code) throw new ValidationError('Enter the join code your teacher gave you.', 'code');
	if (code.length > JOIN_CODE_MAX) throw new ValidationError('That is not a join code: it is too long.', 'code');
	const cls = db.select().from(classes).where(eq(classes.joinCode, code)).get();
	if (!cls) throw new ValidationError('No class has that join code. Check it with your teacher.', 'code');
	return cls;
}

/**
 * Puts the user in the class the code opens. Joining a class one is already in changes
 * nothing. The class's review decks come with it: the student gets their cards.
 */
export function joinClass(db: DB, userId: string, rawCode: string, now: Date): JoinResult {
	const cls = findClassByCode(db, rawCode);
	if (cls.teacherId === userId) throw new ValidationError('You teach this class, so you cannot join it as a student.', 'code');
	return db.transaction((tx) => {
		const already = tx
			.select({ userId: memberships.userId })
			.from(memberships)
			.where(and(eq(memberships.classId, cls.id), eq(memberships.userId, userId)))
			.get();
		if (already) return { cls, joined: false, cardsAdded: 0 };
		if (!cls.joinEnabled) {
			throw new ConflictError('This class is not taking new members right now. Ask your teacher to switch joining on.');
		}
		tx.insert(memberships).values({ classId: cls.id, userId, joinedAt: now }).run();
		const questionIds = tx
			.select({ questionId: assignmentItems.questionId })
			.from(assignmentItems)
			.innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
			.where(and(eq(assignments.classId, cls.id), eq(assignments.kind, 'review')))
			.orderBy(asc(assignments.id), asc(assignmentItems.position))
			.all()
			.map((r) => r.questionId);
		const cardsAdded = ensureCards(tx, userId, [...new Set(questionIds)], 'assignment', now);
		return { cls, joined: true, cardsAdded };
	}, { behavior: 'immediate' });
}

/**
 * Takes a student out of the class. Their attempts, answers and cards stay (their own
 * history, and the class's item statistics); they just no longer see the class or its
 * assignments, and leave the gradebook.
 */
export function removeMember(db: DB, classId: number, userId: string): void {
	const result = db
		.delete(memberships)
		.where(and(eq(memberships.classId, classId), eq(memberships.userId, userId)))
		.run();
	if (result.changes === 0) throw new NotFoundError('That student is not in this class.');
}

export function listMembers(db: DB, classId: number) {
	return db
		.select({ id: users.id, name: users.name, email: users.email, joinedAt: memberships.joinedAt })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.classId, classId))
		.orderBy(asc(users.name), asc(users.email))
		.all();
}

export type Member = ReturnType<typeof listMembers>[number];

/** A fresh code no other class has; the old one stops working at once. */
export function rotateJoinCode(db: DB, classId: number): string {
	const code = unusedJoinCode(db);
	db.update(classes).set({ joinCode: code }).where(eq(classes.id, classId)).run();
	return code;
}

export function setJoinEnabled(db: DB, classId: number, enabled: boolean): void {
	db.update(classes).set({ joinEnabled: enabled }).where(eq(classes.id, classId)).run();
}

/** The classes a user is a student in. */
export function classesOfStudent(db: DB, userId: string) {
	return db
		.select({ id: classes.id, name: classes.name, teacherName: users.name, joinedAt: memberships.joinedAt })
		.from(memberships)
		.innerJoin(classes, eq(classes.id, memberships.classId))
		.innerJoin(users, eq(users.id, classes.teacherId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(classes.name))
		.all();
}
