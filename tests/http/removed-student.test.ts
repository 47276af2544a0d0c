import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startServer, type RunningServer } from '../helpers/server';
import type { Client } from '../helpers/http';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { attemptAnswers, attempts, memberships } from '../../src/lib/server/db/schema';
import { insertClass, insertSet, insertUser } from '../helpers/fixtures';
import { insertAssignment } from '../helpers/assignments';
import { clientFor } from '../helpers/session';

// A student the teacher removed from a class must not go on answering or submitting the
// attempt they had open at one of its quizzes, nor start a new one; their own history
// (submitted results) stays readable.

let server: RunningServer;
let db: DB;
beforeAll(async () => {
	server = await startServer();
	db = openDatabase(server.dbPath);
});
afterAll(async () => {
	db?.$client.close();
	await server?.dispose();
});

const REMOVED = 'You are no longer in the class this quiz belongs to, so it takes no more answers.';

function classroom(attemptsAllowed = 1) {
	const teacher = insertUser(db, 'teacher');
	const student = insertUser(db, 'student');
	const fixture = insertSet(db, teacher.id);
	const cls = insertClass(db, teacher.id, [student.id]);
	const assignment = insertAssignment(db, { classId: cls.id, setId: fixture.set.id, questionIds: fixture.questions.map((q) => q.id), attemptsAllowed });
	return {
		student,
		fixture,
		cls,
		assignment,
		teacherClient: clientFor(db, server.url, teacher.id),
		studentClient: clientFor(db, server.url, student.id)
	};
}

async function start(client: Client, assignmentId: number): Promise<number> {
	const res = await client.postForm(`/assignments/${assignmentId}?/start`, {});
	expect(res.status).toBe(303);
	return Number(res.headers.get('location')!.split('/')[2]);
}

const answerCount = (attemptId: number) =>
	db.select({ n: count() }).from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId)).get()!.n;

async function removeFromClass(room: ReturnType<typeof classroom>) {
	const res = await room.teacherClient.postForm(`/classes/${room.cls.id}?/remove`, { userId: room.student.id });
	expect(res.status).toBe(200);
	expect(db.select().from(memberships).where(eq(memberships.classId, room.cls.id)).all()).toHaveLength(0);
}

describe('a student removed from a class', () => {
	it('can no longer answer, submit, or open the questions of the open attempt (403 with a message)', async () => {
		const room = classroom();
		const s = room.studentClient;
		const attemptId = await start(s, room.assignment.id);
		const [q1, q2] = room.fixture.questions;
		expect((await s.postForm(`/attempts/${attemptId}/1?/answer`, { questionId: String(q1.id), response: '1979' })).status).toBe(200);

		await removeFromClass(room);

		// The enhanced form (JSON) and the plain form (a page) both refuse with the reason.
		const enhanced = await s.postAction(`/attempts/${attemptId}/2?/answer`, { questionId: String(q2.id), response: 'garments' });
		expect(JSON.parse(await enhanced.text())).toMatchObject({ type: 'failure', status: 403 });
		const plain = await s.postForm(`/attempts/${attemptId}/1?/answer`, { questionId: String(q1.id), response: '1985' });
		expect(plain.status).toBe(403);
		expect(await plain.text()).toContain(REMOVED);
		expect(answerCount(attemptId)).toBe(1);
		expect(db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId)).get()!.response).toBe('1979');

		const submit = await s.postForm(`/attempts/${attemptId}/submit?/submit`, {});
		expect(submit.status).toBe(403);
		expect(await submit.text()).toContain(REMOVED);
		expect(db.select().from(attempts).where(eq(attempts.id, attemptId)).get()!.submittedAt).toBeNull();

		for (const path of [`/attempts/${attemptId}/1`, `/attempts/${attemptId}/submit`, `/attempts/${attemptId}`]) {
			const res = await s.get(path);
			expect(res.status, path).toBe(403);
			expect(await res.text(), path).toContain(REMOVED);
		}
	});

	it('cannot start a new attempt, and keeps the results of a submitted one', async () => {
		const room = classroom(3);
		const s = room.studentClient;
		const first = await start(s, room.assignment.id);
		await s.postForm(`/attempts/${first}/1?/answer`, { questionId: String(room.fixture.questions[0].id), response: '1979' });
		expect((await s.postForm(`/attempts/${first}/submit?/submit`, {})).status).toBe(303);

		await removeFromClass(room);

		const again = await s.postForm(`/assignments/${room.assignment.id}?/start`, {});
		expect(again.status).toBe(403);
		expect(await again.text()).toContain('This assignment is not for you.');
		expect(db.select({ n: count() }).from(attempts).where(eq(attempts.userId, room.student.id)).get()!.n).toBe(1);

		const results = await s.get(`/attempts/${first}/results`);
		expect(results.status).toBe(200);
		expect(await results.text()).toContain('1 of 6');
	});

	it('may carry on with the open attempt after joining the class again', async () => {
		const room = classroom();
		const s = room.studentClient;
		const attemptId = await start(s, room.assignment.id);
		await removeFromClass(room);
		const q = String(room.fixture.questions[0].id);
		expect((await s.postForm(`/attempts/${attemptId}/1?/answer`, { questionId: q, response: '1979' })).status).toBe(403);

		const rejoin = await s.postForm('/classes/join', { code: room.cls.joinCode! });
		expect(rejoin.status).toBe(303);
		expect((await s.postForm(`/attempts/${attemptId}/1?/answer`, { questionId: q, response: '1979' })).status).toBe(200);
		expect((await s.postForm(`/attempts/${attemptId}/submit?/submit`, {})).status).toBe(303);
		expect(db.select().from(attempts).where(eq(attempts.id, attemptId)).get()!.correctCount).toBe(1);
	});
});
