import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { ARTICLE_TEXT, insertSet, insertUser } from '../helpers/fixtures';
import { insertAttempt } from '../helpers/teaching-fixtures';
import { clientFor } from '../helpers/session';
import { Client } from '../helpers/http';
import { assignments, classes, memberships, questions, users } from '../../src/lib/server/db/schema';
import { splitSentences } from '../../src/lib/teaching/sentences';

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

const classOf = (id: number) => db.select().from(classes).where(eq(classes.id, id)).get()!;
const idFrom = (location: string | null) => Number(/\/(\d+)/.exec(location ?? '')?.[1]);

async function teacherWithClass(name = 'Ms Teacher') {
	const teacher = insertUser(db, 'teacher', name);
	const client = clientFor(db, server.url, teacher.id);
	const res = await client.postForm('/classes/new', { name: 'History 9B' });
	expect(res.status).toBe(303);
	return { teacher, client, cls: classOf(idFrom(res.headers.get('location'))) };
}

describe('joining a class', () => {
	it('follows a join link through log-in, names the class, and joins only on confirmation', async () => {
		const { cls } = await teacherWithClass();
		const link = `/classes/join?code=${cls.joinCode!.toLowerCase()}`;
		const anonymous = await new Client(server.url).get(link);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent(link)}`);

		const student = insertUser(db, 'student', 'Sam Student');
		const client = clientFor(db, server.url, student.id);
		const page = await (await client.get(link)).text();
		expect(page).toContain('This code is for <strong>History 9B</strong>, taught by Ms Teacher');
		expect(page).toContain(`value="${cls.joinCode!.toLowerCase()}"`);
		// Opening the link joined nothing.
		expect(db.select().from(memberships).where(eq(memberships.userId, student.id)).all()).toHaveLength(0);

		const join = await client.postForm('/classes/join', { code: cls.joinCode!.toLowerCase() });
		expect(join.status).toBe(303);
		expect(join.headers.get('location')).toBe(`/classes/${cls.id}`);
		const classPage = await (await client.get(`/classes/${cls.id}`)).text();
		expect(classPage).toContain('Taught by Ms Teacher');
		expect(db.select().from(memberships).where(eq(memberships.userId, student.id)).all()).toHaveLength(1);
	});

	it('refuses a switched-off code and an unknown one with clear messages, keeping what was typed', async () => {
		const { client: teacher, cls } = await teacherWithClass();
		expect((await teacher.postForm(`/classes/${cls.id}?/joining`, { enabled: 'off' })).status).toBe(200);
		const student = clientFor(db, server.url, insertUser(db).id);
		const closed = await student.postForm('/classes/join', { code: cls.joinCode! });
		expect(closed.status).toBe(409);
		expect(await closed.text()).toContain('not taking new members right now');
		const preview = await (await student.get(`/classes/join?code=${cls.joinCode}`)).text();
		expect(preview).toContain('is not taking new members right now');
		const unknown = await student.postForm('/classes/join', { code: 'zzzz-zzzz' });
		expect(unknown.status).toBe(400);
		const html = await unknown.text();
		expect(html).toContain('No class has that join code');
		expect(html).toContain('value="zzzz-zzzz"');
	});

	it('lets the teacher make a new code, after which only the new one works', async () => {
		const { client: teacher, cls } = await teacherWithClass();
		const res = await teacher.postForm(`/classes/${cls.id}?/rotate`, {});
		expect(res.status).toBe(200);
		const fresh = classOf(cls.id).joinCode!;
		expect(fresh).not.toBe(cls.joinCode);
		expect(await res.text()).toContain(`${fresh.slice(0, 4)}-${fresh.slice(4)}`);
		const student = clientFor(db, server.url, insertUser(db).id);
		expect((await student.postForm('/classes/join', { code: cls.joinCode! })).status).toBe(400);
		expect((await student.postForm('/classes/join', { code: fresh })).status).toBe(303);
	});

	it('removes a member, who then loses access to the class', async () => {
		const { client: teacher, cls } = await teacherWithClass();
		const student = insertUser(db, 'student', 'Leaving Student');
		const client = clientFor(db, server.url, student.id);
		await client.postForm('/classes/join', { code: cls.joinCode! });
		expect((await client.get(`/classes/${cls.id}`)).status).toBe(200);
		expect(await (await teacher.get(`/classes/${cls.id}`)).text()).toContain('Leaving Student');
		const res = await teacher.postForm(`/classes/${cls.id}?/remove`, { userId: student.id });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Their own history is kept');
		expect((await client.get(`/classes/${cls.id}`)).status).toBe(403);
	});
});

describe('assigning a set', () => {
	it('converts the times from the teacher’s time zone and shows the assignment to students', async () => {
		const { teacher, client, cls } = await teacherWithClass();
		db.update(users).set({ timeZone: 'Europe/London' }).where(eq(users.id, teacher.id)).run();
		const student = insertUser(db, 'student', 'Assigned Student');
		const studentClient = clientFor(db, server.url, student.id);
		await studentClient.postForm('/classes/join', { code: cls.joinCode! });
		const { set } = insertSet(db, teacher.id, { title: 'Cambodia basics' });

		const year = new Date().getUTCFullYear() + 1;
		const res = await client.postForm(`/classes/${cls.id}?/assign`, {
			setId: String(set.id),
			kind: 'quiz',
			title: '',
			attemptsAllowed: '2',
			timeLimitMinutes: '10',
			opensAt: '',
			dueAt: `${year}-07-01T09:00`,
			shuffleQuestions: 'on',
			feedback: 'due'
		});
		expect(res.status).toBe(303);
		const id = Number(/assigned=(\d+)/.exec(res.headers.get('location')!)![1]);
		const stored = db.select().from(assignments).where(eq(assignments.id, id)).get()!;
		// 09:00 in London in July is 08:00 UTC (British Summer Time).
		expect(stored).toMatchObject({ title: 'Cambodia basics', attemptsAllowed: 2, timeLimitSeconds: 600, shuffleQuestions: true, feedback: 'due' });
		expect(stored.dueAt?.toISOString()).toBe(`${year}-07-01T08:00:00.000Z`);
		const classPage = await (await client.get(res.headers.get('location')!)).text();
		expect(classPage).toContain('Assigned “Cambodia basics”.');
		expect(classPage).toContain(`1 Jul ${year}, 09:00`);
		expect(await (await studentClient.get('/')).text()).toContain(`href="/assignments/${id}"`);
	});

	it('refuses a due time before the opening time with a 400, keeps the form and writes nothing', async () => {
		const { teacher, client, cls } = await teacherWithClass();
		const { set } = insertSet(db, teacher.id);
		const before = db.select().from(assignments).all().length;
		const res = await client.postForm(`/classes/${cls.id}?/assign`, {
			setId: String(set.id),
			kind: 'review',
			title: 'Kept title',
			opensAt: '2031-05-02T10:00',
			dueAt: '2031-05-01T10:00',
			feedback: 'submit'
		});
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('The due time must come after the opening time.');
		expect(html).toContain('value="Kept title"');
		expect(html).toContain('value="2031-05-02T10:00"');
		expect(db.select().from(assignments).all().length).toBe(before);
	});

	it('tells a teacher with no approved questions what to do', async () => {
		const { teacher, client, cls } = await teacherWithClass();
		insertSet(db, teacher.id, { status: 'draft' });
		const html = await (await client.get(`/classes/${cls.id}`)).text();
		expect(html).toContain('You have no set with approved questions yet.');
	});
});

describe('gradebook CSV', () => {
	it('downloads as an RFC 4180 attachment with formula-like names neutralised', async () => {
		const { teacher, client, cls } = await teacherWithClass();
		const { set, questions: qs } = insertSet(db, teacher.id);
		const evil = insertUser(db, 'student', '=cmd|"/c calc"!A1');
		await clientFor(db, server.url, evil.id).postForm('/classes/join', { code: cls.joinCode! });
		await client.postForm(`/classes/${cls.id}?/assign`, { setId: String(set.id), kind: 'quiz', attemptsAllowed: '1', feedback: 'submit', title: 'Quiz, part 1' });
		const assignment = db.select().from(assignments).where(eq(assignments.classId, cls.id)).get()!;
		const ids = qs.map((q) => q.id);
		insertAttempt(db, assignment, evil.id, ids, { [ids[0]]: { response: '1979', correct: true }, [ids[1]]: { response: 'garments', correct: true }, [ids[2]]: { response: 'False', correct: true } }, { startedAt: new Date(), submittedAt: new Date() });

		const res = await client.get(`/classes/${cls.id}/gradebook.csv`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="history-9b-gradebook-\d{4}-\d{2}-\d{2}\.csv"$/);
		const body = await res.text();
		expect(body).toBe(
			'Student,E-mail,"Quiz, part 1 (quiz): best score %","Quiz, part 1 (quiz): attempts submitted of 1"\r\n' +
				`"'=cmd|""/c calc""!A1",${evil.email},50,1\r\n`
		);
	});
});

describe('the set editor without JavaScript', () => {
	it('saves a valid edit and refuses an invalid one, keeping what was typed', async () => {
		const teacher = insertUser(db, 'teacher');
		const client = clientFor(db, server.url, teacher.id);
		const { set, questions: qs } = insertSet(db, teacher.id, { status: 'draft' });
		const cloze = qs[1];

		const bad = await client.postForm(`/sets/${set.id}?/save`, { questionId: String(cloze.id), prompt: 'Cambodia exports garments.', answer: 'garments', explanation: '' });
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(html).toContain('needs exactly one blank');
		expect(html).toContain('Cambodia exports garments.</textarea>');
		expect(db.select().from(questions).where(eq(questions.id, cloze.id)).get()!.prompt).toBe(cloze.prompt);

		const good = await client.postForm(`/sets/${set.id}?/save`, { questionId: String(cloze.id), prompt: 'Cambodia’s main exports are _____ and shoes.', answer: 'garments', accept: 'clothing', explanation: '' });
		expect(good.status).toBe(303);
		expect(good.headers.get('location')).toBe(`/sets/${set.id}#q-${cloze.id}`);
		expect(db.select().from(questions).where(eq(questions.id, cloze.id)).get()).toMatchObject({
			prompt: 'Cambodia’s main exports are _____ and shoes.',
			accept: ['clothing'],
			origin: 'edited'
		});
	});

	it('edits a multiple-choice question with its option inputs and the correct-option radio', async () => {
		const teacher = insertUser(db, 'teacher');
		const client = clientFor(db, server.url, teacher.id);
		const { set, questions: qs } = insertSet(db, teacher.id, { status: 'draft' });
		const form = new URLSearchParams({ questionId: String(qs[0].id), prompt: 'When did Vietnam invade Cambodia?', correct: '2', explanation: '' });
		for (const option of ['1975', '', '1979', '1985']) form.append('option', option);
		const res = await client.request(`/sets/${set.id}?/save`, {
			method: 'POST',
			body: form,
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(res.status).toBe(303);
		expect(db.select().from(questions).where(eq(questions.id, qs[0].id)).get()).toMatchObject({ answer: '1979', options: ['1975', '1979', '1985'] });
	});

	it('adds a question grounded in a chosen sentence, reorders, approves all and regenerates one', async () => {
		const teacher = insertUser(db, 'teacher');
		const client = clientFor(db, server.url, teacher.id);
		const { set, article, questions: qs } = insertSet(db, teacher.id, { status: 'draft' });
		const sentence = splitSentences(ARTICLE_TEXT)[2];
		const form = await (await client.get(`/sets/${set.id}?add=numeric`)).text();
		expect(form).toContain(`value="${article.id}:${sentence.start}-${sentence.end}"`);

		const add = await client.postForm(`/sets/${set.id}?/add`, {
			type: 'numeric',
			source: `${article.id}:${sentence.start}-${sentence.end}`,
			prompt: 'In which year did 830,000 Chinese tourists visit Cambodia?',
			answer: '2016',
			tolerance: '0',
			explanation: ''
		});
		expect(add.status).toBe(303);
		const addedId = Number(/#q-(\d+)/.exec(add.headers.get('location')!)![1]);
		expect(db.select().from(questions).where(eq(questions.id, addedId)).get()).toMatchObject({
			origin: 'manual',
			status: 'approved',
			sources: [{ start: sentence.start, end: sentence.end, text: sentence.text }]
		});

		expect((await client.postForm(`/sets/${set.id}?/move`, { questionId: String(addedId), direction: 'up' })).status).toBe(303);
		const editor = await (await client.get(`/sets/${set.id}`)).text();
		expect(editor.indexOf(`id="q-${addedId}"`)).toBeLessThan(editor.indexOf(`id="q-${qs[5].id}"`));
		expect(editor.indexOf(`id="q-${addedId}"`)).toBeGreaterThan(editor.indexOf(`id="q-${qs[4].id}"`));

		expect((await client.postForm(`/sets/${set.id}?/approveAll`, {})).status).toBe(303);
		expect(db.select().from(questions).where(eq(questions.articleId, article.id)).all().every((q) => q.status === 'approved')).toBe(true);

		const regenerate = await client.postForm(`/sets/${set.id}?/regenerate`, { questionId: String(qs[3].id) });
		expect(regenerate.status).toBe(303);
		const replaced = db.select().from(questions).where(eq(questions.id, qs[3].id)).get()!;
		expect(replaced.prompt).not.toBe(qs[3].prompt);
		expect(replaced).toMatchObject({ status: 'draft', origin: 'generated', regenerations: 1 });
	});
});

describe('the assignment page', () => {
	it('shows the class’s teacher the results and item analysis, and a student only the student side', async () => {
		const { teacher, client, cls } = await teacherWithClass();
		const { set, questions: qs } = insertSet(db, teacher.id);
		const student = insertUser(db, 'student', 'Quiz Taker');
		const studentClient = clientFor(db, server.url, student.id);
		await studentClient.postForm('/classes/join', { code: cls.joinCode! });
		const classmate = insertUser(db, 'student', 'Other Classmate');
		await clientFor(db, server.url, classmate.id).postForm('/classes/join', { code: cls.joinCode! });
		await client.postForm(`/classes/${cls.id}?/assign`, { setId: String(set.id), kind: 'quiz', attemptsAllowed: '1', feedback: 'submit' });
		const assignment = db.select().from(assignments).where(eq(assignments.classId, cls.id)).get()!;
		const ids = qs.map((q) => q.id);
		insertAttempt(db, assignment, student.id, ids, { [ids[0]]: { response: '1985', correct: false } }, { startedAt: new Date(), submittedAt: new Date() });

		const html = await (await client.get(`/assignments/${assignment.id}`)).text();
		expect(html).toContain('Item analysis');
		expect(html).toContain('Quiz Taker');
		expect(html).toContain('Other Classmate');
		expect(html).toContain('Not enough data to flag questions yet');
		const studentHtml = await (await studentClient.get(`/assignments/${assignment.id}`)).text();
		expect(studentHtml).not.toContain('Item analysis');
		expect(studentHtml).not.toContain('Other Classmate');
	});
});
