import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { startServer, type RunningServer } from '../helpers/server';
import { Client } from '../helpers/http';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { assignments, attemptAnswers, attempts, cards } from '../../src/lib/server/db/schema';
import { insertClass, insertSet, insertUser } from '../helpers/fixtures';
import { insertAssignment } from '../helpers/assignments';
import { clientFor } from '../helpers/session';

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

function classroom(rules: Partial<Parameters<typeof insertAssignment>[1]> = {}) {
	const teacher = insertUser(db, 'teacher', 'Ms Teacher');
	const student = insertUser(db, 'student', 'Sam Student');
	const fixture = insertSet(db, teacher.id);
	const cls = insertClass(db, teacher.id, [student.id]);
	const assignment = insertAssignment(db, { classId: cls.id, setId: fixture.set.id, questionIds: fixture.questions.map((q) => q.id), ...rules });
	return { teacher, student, fixture, cls, assignment, as: (userId: string) => clientFor(db, server.url, userId) };
}

async function start(client: Client, path: string): Promise<number> {
	const res = await client.postForm(`${path}?/start`, {});
	expect(res.status).toBe(303);
	return Number(res.headers.get('location')!.split('/')[2]);
}

const answersOf = (attemptId: number) =>
	db.select({ n: count() }).from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId)).get()!.n;

describe('taking a quiz over HTTP', () => {
	it('a reload in the middle shows the saved answers and resumes at the first unanswered question', async () => {
		const student = insertUser(db, 'student');
		const { set } = insertSet(db, student.id);
		const c = clientFor(db, server.url, student.id);
		const attemptId = await start(c, `/sets/${set.id}/practice`);
		// Practice keeps the set order: 1 multiple choice, 2 cloze.
		const [mc, cloze] = db.select().from(attempts).where(eq(attempts.id, attemptId)).get()!.questionOrder;
		const saved = await c.postForm(`/attempts/${attemptId}/1?/answer`, { questionId: String(mc), response: '1985', go: 'next' });
		expect(saved.headers.get('location')).toBe(`/attempts/${attemptId}/2`);
		await c.postAction(`/attempts/${attemptId}/2?/answer`, { questionId: String(cloze), response: 'shoes and hats' });

		// A reload (or another tab, or after a lost connection): everything is still there.
		const page1 = await (await c.get(`/attempts/${attemptId}/1`)).text();
		expect(page1).toMatch(/value="1985"[^>]*checked/);
		expect(page1).toContain('2 of 6 answered');
		const page2 = await (await c.get(`/attempts/${attemptId}/2`)).text();
		expect(page2).toContain('value="shoes and hats"');
		const intro = await (await c.get(`/sets/${set.id}/practice`)).text();
		expect(intro).toContain('Resume practice (2 of 6 answered)');
		const again = await c.postForm(`/sets/${set.id}/practice?/start`, {});
		expect(again.headers.get('location')).toBe(`/attempts/${attemptId}/3`);
		expect(db.select({ n: count() }).from(attempts).where(eq(attempts.userId, student.id)).get()!.n).toBe(1);
	});

	it('shows a student the rules, lets them start, and lets the dashboard link to it', async () => {
		const room = classroom({ title: 'Cambodia, week 3', timeLimitSeconds: 900, attemptsAllowed: 2, dueAt: new Date(Date.now() + 86_400_000) });
		const c = room.as(room.student.id);
		const dashboard = await (await c.get('/')).text();
		expect(dashboard).toContain(`href="/assignments/${room.assignment.id}"`);
		const intro = await c.get(`/assignments/${room.assignment.id}`);
		const html = await intro.text();
		expect(intro.status).toBe(200);
		expect(html).toContain('Cambodia, week 3');
		expect(html).toContain('15 minutes');
		expect(html).toContain('2 attempts');
		expect(html).toContain('Start the quiz');
		const attemptId = await start(c, `/assignments/${room.assignment.id}`);
		const question = await (await c.get(`/attempts/${attemptId}/1`)).text();
		expect(question).toContain('role="timer"');
		expect(question).toMatch(/<progress[^>]*max="6"/);
	});

	it('refuses a closed quiz: not open yet, and after the due time', async () => {
		const later = classroom({ opensAt: new Date(Date.now() + 3_600_000) });
		const c = later.as(later.student.id);
		expect(await (await c.get(`/assignments/${later.assignment.id}`)).text()).toContain('This quiz is not open yet.');
		const early = await c.postForm(`/assignments/${later.assignment.id}?/start`, {});
		expect(early.status).toBe(409);
		expect(db.select({ n: count() }).from(attempts).where(eq(attempts.assignmentId, later.assignment.id)).get()!.n).toBe(0);

		const room = classroom({ dueAt: new Date(Date.now() + 3_600_000) });
		const s = room.as(room.student.id);
		const attemptId = await start(s, `/assignments/${room.assignment.id}`);
		const qid = String(room.fixture.questions[0].id);
		expect((await s.postForm(`/attempts/${attemptId}/1?/answer`, { questionId: qid, response: '1985' })).status).toBe(200);
		db.update(assignments).set({ dueAt: new Date(Date.now() - 60_000) }).where(eq(assignments.id, room.assignment.id)).run();
		const refused = await s.postForm(`/attempts/${attemptId}/1?/answer`, { questionId: qid, response: '1979' });
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('The due time has passed: this quiz no longer takes answers.');
		const enhanced = await s.postAction(`/attempts/${attemptId}/1?/answer`, { questionId: qid, response: '1979' });
		expect(JSON.parse(await enhanced.text())).toMatchObject({ type: 'failure', status: 409 });
		expect(db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId)).get()).toMatchObject({ response: '1985' });
		const reload = await (await s.get(`/attempts/${attemptId}/1`)).text();
		expect(reload).toContain('The due time has passed: this quiz no longer takes answers. The answers you saved were submitted.');
		const intro = await (await s.get(`/assignments/${room.assignment.id}`)).text();
		expect(intro).toContain('The due time has passed');
		expect(intro).not.toContain('Start the quiz');
	});

	it('enforces the time limit on the server and submits what was saved', async () => {
		const room = classroom({ timeLimitSeconds: 600 });
		const s = room.as(room.student.id);
		const attemptId = await start(s, `/assignments/${room.assignment.id}`);
		const qid = String(room.fixture.questions[0].id);
		await s.postForm(`/attempts/${attemptId}/1?/answer`, { questionId: qid, response: '1979' });
		// The clock ran out a minute ago.
		db.update(attempts).set({ deadlineAt: new Date(Date.now() - 60_000) }).where(eq(attempts.id, attemptId)).run();
		const late = await s.postForm(`/attempts/${attemptId}/2?/answer`, { questionId: String(room.fixture.questions[1].id), response: 'garments' });
		expect(late.status).toBe(409);
		expect(await late.text()).toContain('The time limit is over');
		expect(answersOf(attemptId)).toBe(1);
		const row = db.select().from(attempts).where(eq(attempts.id, attemptId)).get()!;
		expect(row.submittedAt).not.toBeNull();
		expect(row.correctCount).toBe(1);
		const results = await (await s.get(`/attempts/${attemptId}/results`)).text();
		expect(results).toContain('1 of 6');
	});

	it('counts two simultaneous submissions once, and turns the mistakes into cards once', async () => {
		const room = classroom();
		const s = room.as(room.student.id);
		const attemptId = await start(s, `/assignments/${room.assignment.id}`);
		await s.postForm(`/attempts/${attemptId}/1?/answer`, { questionId: String(room.fixture.questions[0].id), response: '1979' });
		const submits = await Promise.all([
			s.postForm(`/attempts/${attemptId}/submit?/submit`, {}),
			s.postAction(`/attempts/${attemptId}/submit?/submit`, {}),
			s.postForm(`/attempts/${attemptId}/submit?/submit`, {})
		]);
		expect(submits.map((r) => r.status)).toEqual([303, 200, 303]);
		const rows = db.select().from(attempts).where(eq(attempts.assignmentId, room.assignment.id)).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ correctCount: 1, total: 6 });
		expect(
			db.select({ n: count() }).from(cards).where(and(eq(cards.userId, room.student.id), eq(cards.origin, 'quiz_mistake'))).get()!.n
		).toBe(5);
		const results = await (await s.get(`/attempts/${attemptId}/results`)).text();
		expect(results).toContain('1 of 6');
		expect(results).toContain('Vietnam invaded Cambodia in 1979 and deposed the Khmer Rouge.');
		// The attempt is used up: the intro shows it with its score and no Start button.
		const intro = await (await s.get(`/assignments/${room.assignment.id}`)).text();
		expect(intro).toContain('You have used your only attempt at this quiz.');
		expect(intro).toContain(`href="/attempts/${attemptId}/results"`);
	});
});

describe('who may open what', () => {
	it('sends anonymous visitors to log in', async () => {
		const room = classroom();
		const anon = new Client(server.url);
		for (const path of [`/assignments/${room.assignment.id}`, `/sets/${room.fixture.set.id}/practice`, '/attempts/1/1', '/attempts/1/results']) {
			const res = await anon.get(path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location'), path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
		}
	});

	it('refuses students outside the class and other teachers (403), and other people\'s attempts (404)', async () => {
		const room = classroom();
		const outsider = room.as(insertUser(db, 'student').id);
		const otherTeacher = room.as(insertUser(db, 'teacher').id);
		for (const c of [outsider, otherTeacher]) {
			expect((await c.get(`/assignments/${room.assignment.id}`)).status).toBe(403);
			expect((await c.postForm(`/assignments/${room.assignment.id}?/start`, {})).status).toBe(403);
			expect((await c.get(`/sets/${room.fixture.set.id}/practice`)).status).toBe(403);
		}
		expect((await outsider.get('/assignments/99999')).status).toBe(404);
		const attemptId = await start(room.as(room.student.id), `/assignments/${room.assignment.id}`);
		for (const path of [`/attempts/${attemptId}/1`, `/attempts/${attemptId}/submit`, `/attempts/${attemptId}/results`, `/attempts/${attemptId}`]) {
			expect((await outsider.get(path)).status, path).toBe(404);
		}
		const post = await outsider.postForm(`/attempts/${attemptId}/1?/answer`, { questionId: String(room.fixture.questions[0].id), response: '1979' });
		expect(post.status).toBe(404);
		expect((await outsider.postForm(`/attempts/${attemptId}/submit?/submit`, {})).status).toBe(404);
		expect(answersOf(attemptId)).toBe(0);
		expect(db.select().from(attempts).where(eq(attempts.id, attemptId)).get()!.submittedAt).toBeNull();
		expect((await room.as(room.student.id).get(`/attempts/${attemptId}/99`)).status).toBe(404);
	});

	it('shows the class teacher the results instead of the quiz', async () => {
		const room = classroom({ title: 'Week 4 check' });
		await start(room.as(room.student.id), `/assignments/${room.assignment.id}`);
		const res = await room.as(room.teacher.id).get(`/assignments/${room.assignment.id}`);
		const html = await res.text();
		expect(res.status).toBe(200);
		expect(html).toContain('Week 4 check');
		expect(html).toContain('Class 9B');
		// The teacher's results table (the teaching branch's view) shows the open attempt.
		expect(html).toContain('In progress');
		expect(html).toContain('0 of 1 student submitted');
		expect(html).not.toContain('Start the quiz');
		const teacherStart = await room.as(room.teacher.id).postForm(`/assignments/${room.assignment.id}?/start`, {});
		expect(teacherStart.status).toBe(403);
	});
});
