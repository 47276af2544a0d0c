import type { DB } from '../../../src/lib/server/db/client';
import { cards, users } from '../../../src/lib/server/db/schema';
import { hashPassword } from '../../../src/lib/server/password';
import { ensureCards } from '../../../src/lib/server/cards';
import { startOrResumeAttempt } from '../../../src/lib/server/quiz';
import { splitSentences } from '../../../src/lib/teaching/sentences';
import { eq } from 'drizzle-orm';
import { Client } from '../http';
import { clientFor } from '../session';
import { insertClass, insertSet, insertUser } from '../fixtures';
import { insertAssignment } from '../assignments';

// The world: a class with its teacher, a student with an open attempt and due cards, and
// a second teacher with their own class, set, student, attempt and card ("someone else's").

const NOW = new Date();
const REAL_PASSWORD = 'correct horse battery staple';
let serial = 0;

/** Everything the hostile requests need, freshly inserted into the server's database. */
export async function buildWorld(db: DB, base: string) {
	serial++;
	const teacher = insertUser(db, 'teacher', 'Hostile Teacher');
	const student = insertUser(db, 'student', 'Hostile Student');
	const otherTeacher = insertUser(db, 'teacher', 'Other Teacher');
	const outsider = insertUser(db, 'student', 'Outsider Student');
	const realEmail = `real-${serial}-${Date.now()}@example.org`;
	const real = db
		.insert(users)
		.values({ id: `real-${serial}-${Date.now()}`, email: realEmail, name: 'Real Person', role: 'student', passwordHash: await hashPassword(REAL_PASSWORD) })
		.returning()
		.get();

	const taught = insertSet(db, teacher.id);
	const cls = insertClass(db, teacher.id, [student.id], 'Hostile class');
	const assignment = insertAssignment(db, { classId: cls.id, setId: taught.set.id, questionIds: taught.questions.map((q) => q.id) });
	const attempt = startOrResumeAttempt(db, { userId: student.id, source: { kind: 'assignment', assignmentId: assignment.id }, now: NOW, seed: 1 }).attempt;

	const own = insertSet(db, student.id, { title: 'My own set' });
	ensureCards(db, student.id, own.questions.map((q) => q.id), 'self', NOW);
	const card = db.select().from(cards).where(eq(cards.userId, student.id)).get()!;

	const other = insertSet(db, otherTeacher.id, { title: 'Someone else’s set' });
	const otherCls = insertClass(db, otherTeacher.id, [outsider.id], 'Other class');
	const otherAssignment = insertAssignment(db, { classId: otherCls.id, setId: other.set.id, questionIds: other.questions.map((q) => q.id) });
	const otherAttempt = startOrResumeAttempt(db, { userId: outsider.id, source: { kind: 'assignment', assignmentId: otherAssignment.id }, now: NOW, seed: 2 }).attempt;
	ensureCards(db, outsider.id, other.questions.map((q) => q.id), 'self', NOW);
	const otherCard = db.select().from(cards).where(eq(cards.userId, outsider.id)).get()!;
	const joinable = insertClass(db, otherTeacher.id, [], 'Open class');

	const sentence = splitSentences(taught.article.text)[1];
	return {
		teacher,
		student,
		otherTeacher,
		outsider,
		real: { ...real, password: REAL_PASSWORD },
		taught,
		cls,
		assignment,
		attempt,
		own,
		card,
		other,
		otherCls,
		otherAssignment,
		otherAttempt,
		otherCard,
		joinable,
		sentence,
		clients: {
			teacher: clientFor(db, base, teacher.id),
			student: clientFor(db, base, student.id),
			otherTeacher: clientFor(db, base, otherTeacher.id),
			outsider: clientFor(db, base, outsider.id),
			real: clientFor(db, base, real.id)
		}
	};
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type Who = keyof World['clients'] | 'anon';

export function clientOf(w: World, who: Who, base: string): Client {
	return who === 'anon' ? new Client(base) : w.clients[who];
}
