import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { assignments, attempts, questions as questionsTable, type Question } from '../../src/lib/server/db/schema';
import { insertClass, insertSet, insertUser, SAMPLE_QUESTIONS } from '../helpers/fixtures';
import { insertAssignment } from '../helpers/assignments';
import { clientFor } from '../helpers/session';
import type { Client } from '../helpers/http';

// The answer key never reaches the browser before the attempt is submitted: not in the
// HTML, not in the page data (__data.json), not in the JSON an enhanced form gets back.
// This walks whole attempts as a student and checks every response body.

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

/** Key names that would carry the key or a verdict, as object keys in HTML data, JSON or devalue. */
const KEY_NAMES = /[{,]\s*\\?"?(correct|isCorrect|answer|accept|tolerance|explanation|sources|expected|expectedItems|cardBack|cardFront|score|correctCount)\\?"?\s*:/;

const ORDER_ANSWER = SAMPLE_QUESTIONS.find((q) => q.type === 'ordering')!.answer as string[];

type Seen = { label: string; body: string };

/** Records every response body of the walk. */
function recorder(client: Client) {
	const seen: Seen[] = [];
	const keep = async (label: string, res: Response) => {
		const body = await res.text();
		seen.push({ label: `${label} → ${res.status}`, body });
		return { res, body };
	};
	return {
		seen,
		get: (path: string) => client.get(path).then((r) => keep(`GET ${path}`, r)),
		data: (path: string) => client.get(`${path}/__data.json?x-sveltekit-invalidated=11`).then((r) => keep(`GET ${path}/__data.json`, r)),
		form: (path: string, fields: Record<string, string>) => client.postForm(path, fields).then((r) => keep(`POST form ${path}`, r)),
		action: (path: string, fields: Record<string, string>) => client.postAction(path, fields).then((r) => keep(`POST action ${path}`, r)),
		post: (path: string, body: URLSearchParams, enhanced: boolean) =>
			client
				.request(path, {
					method: 'POST',
					body,
					headers: {
						origin: client.base,
						'content-type': 'application/x-www-form-urlencoded',
						...(enhanced ? { 'x-sveltekit-action': 'true', accept: 'application/json' } : { accept: 'text/html' })
					}
				})
				.then((r) => keep(`POST ${enhanced ? 'action' : 'form'} ${path}`, r))
	};
}

/** Explanations are empty in the fixture; give each a marker so a leak would show. */
function markExplanations(qs: Question[]) {
	for (const q of qs) db.update(questionsTable).set({ explanation: `EXPLANATION-MARKER-${q.id}` }).where(eq(questionsTable.id, q.id)).run();
}

/** A wrong response for each question: the student never types a correct answer. */
function wrongResponse(q: Question): URLSearchParams {
	const body = new URLSearchParams({ questionId: String(q.id) });
	const sample = SAMPLE_QUESTIONS.find((s) => s.type === q.type)!;
	if (q.type === 'ordering') for (const item of [...ORDER_ANSWER].reverse()) body.append('order', item);
	else if (sample.options) body.set('response', sample.options.find((o) => o !== sample.answer)!);
	else body.set('response', q.type === 'numeric' ? '12' : 'shoes');
	return body;
}

/** What must not appear before submission, for the given questions (all unless limited). */
function assertNoKey(seen: Seen[], qs: Question[]) {
	expect(seen.length).toBeGreaterThan(0);
	for (const { label, body } of seen) {
		const where = `in ${label}`;
		expect(body, where).not.toMatch(KEY_NAMES);
		expect(body, where).not.toContain('Correct answer');
		for (const q of qs) {
			for (const span of q.sources) expect(body, where).not.toContain(span.text);
			expect(body, where).not.toContain(`EXPLANATION-MARKER-${q.id}`);
			if (q.type === 'cloze') expect(body.toLowerCase(), where).not.toContain('garments');
			if (q.type === 'numeric') expect(body, where).not.toMatch(/830[,.\u00a0 ]?000/);
			if (q.type === 'ordering') {
				const first = ORDER_ANSWER.map((item) => body.indexOf(item));
				if (first.every((i) => i >= 0)) expect(first[0] < first[1] && first[1] < first[2], `ordering shown in answer order ${where}`).toBe(false);
			}
		}
	}
}

describe('before submission, no response carries the answer key', () => {
	it('practice: a whole attempt of all six types, as plain forms and as enhanced forms', async () => {
		const student = insertUser(db, 'student');
		const { set, questions } = insertSet(db, student.id);
		markExplanations(questions);
		const rec = recorder(clientFor(db, server.url, student.id));

		await rec.get(`/sets/${set.id}/practice`);
		await rec.data(`/sets/${set.id}/practice`);
		const started = await rec.form(`/sets/${set.id}/practice?/start`, {});
		expect(started.res.status).toBe(303);
		const first = started.res.headers.get('location')!;
		const attemptId = Number(first.split('/')[2]);
		expect(first).toBe(`/attempts/${attemptId}/1`);
		// Starting again through use:enhance resumes the same attempt.
		const again = await rec.action(`/sets/${set.id}/practice?/start`, {});
		expect(JSON.parse(again.body)).toMatchObject({ type: 'redirect', location: `/attempts/${attemptId}/1` });

		const order = db.select().from(attempts).where(eq(attempts.id, attemptId)).get()!.questionOrder;
		const byId = new Map(questions.map((q) => [q.id, q]));
		for (let n = 1; n <= order.length; n++) {
			const page = `/attempts/${attemptId}/${n}`;
			const q = byId.get(order[n - 1])!;
			await rec.get(page);
			await rec.data(page);
			// A refused answer (not an option / not a permutation / empty) echoes only what was typed.
			const bad = new URLSearchParams({ questionId: String(q.id), response: '' });
			expect((await rec.post(`${page}?/answer`, bad, false)).res.status).toBe(400);
			expect((await rec.post(`${page}?/answer`, bad, true)).res.status).toBe(200);
			// The real answer, once as a plain form and once as use:enhance.
			const answered = await rec.post(`${page}?/answer`, wrongResponse(q), false);
			expect(answered.res.status).toBe(200);
			expect(answered.body).toContain('Saved.');
			const next = wrongResponse(q);
			next.set('go', n < order.length ? 'next' : 'review');
			const enhanced = await rec.post(`${page}?/answer`, next, true);
			expect(JSON.parse(enhanced.body)).toMatchObject({ type: 'redirect', status: 303 });
			await rec.get(page);
			await rec.data(page);
		}
		const resumed = await rec.get(`/attempts/${attemptId}`);
		expect(resumed.res.headers.get('location')).toBe(`/attempts/${attemptId}/submit`);
		await rec.get(`/attempts/${attemptId}/submit`);
		await rec.data(`/attempts/${attemptId}/submit`);
		await rec.get(`/sets/${set.id}/practice`);
		const early = await rec.get(`/attempts/${attemptId}/results`);
		expect(early.res.status).toBe(303);

		assertNoKey(rec.seen, questions);

		// The check can fail: after submission the same pages do show the key.
		const submitted = await rec.action(`/attempts/${attemptId}/submit?/submit`, {});
		expect(JSON.parse(submitted.body)).toMatchObject({ type: 'redirect', location: `/attempts/${attemptId}/results` });
		const results = await rec.get(`/attempts/${attemptId}/results`);
		expect(results.body).toContain('garments');
		expect(results.body).toContain(questions[0].sources[0].text);
		expect(results.body).toMatch(KEY_NAMES);
		expect(results.body).toContain('0 of 6');
	});

	it('feedback after each answer reveals the key of the answered question only', async () => {
		const teacher = insertUser(db, 'teacher');
		const student = insertUser(db, 'student');
		const { set, questions } = insertSet(db, teacher.id);
		markExplanations(questions);
		const cls = insertClass(db, teacher.id, [student.id]);
		const assignment = insertAssignment(db, { classId: cls.id, setId: set.id, questionIds: questions.map((q) => q.id), feedback: 'each' });
		const rec = recorder(clientFor(db, server.url, student.id));

		await rec.get(`/assignments/${assignment.id}`);
		const started = await rec.form(`/assignments/${assignment.id}?/start`, {});
		const attemptId = Number(started.res.headers.get('location')!.split('/')[2]);
		const [mc, cloze, ...rest] = questions; // no shuffling: the set's order

		const answered = await rec.post(`/attempts/${attemptId}/1?/answer`, wrongResponse(mc), true);
		expect(JSON.parse(answered.body)).toMatchObject({ type: 'success' });
		// Question 1 now shows its verdict, its answer and its source sentence...
		const revealed = await rec.data(`/attempts/${attemptId}/1`);
		expect(revealed.body).toContain(mc.sources[0].text);
		expect(revealed.body).toMatch(/"correct":\d+/);
		const page1 = await rec.get(`/attempts/${attemptId}/1`);
		expect(page1.body).toContain('Correct answer');
		expect(page1.body).toContain('EXPLANATION-MARKER-' + mc.id);
		// ...and changing it is refused.
		const change = new URLSearchParams({ questionId: String(mc.id), response: '1979' });
		const refused = await rec.post(`/attempts/${attemptId}/1?/answer`, change, false);
		expect(refused.res.status).toBe(409);
		expect(refused.body).toContain('already answered');

		// Every other question stays closed, also the ones seen after answering the first.
		const closed = recorder(clientFor(db, server.url, student.id));
		for (let n = 2; n <= questions.length; n++) {
			await closed.get(`/attempts/${attemptId}/${n}`);
			await closed.data(`/attempts/${attemptId}/${n}`);
		}
		await closed.get(`/attempts/${attemptId}/submit`);
		await closed.data(`/attempts/${attemptId}/submit`);
		assertNoKey(closed.seen, [cloze, ...rest]);

		// Answering the cloze reveals "garments" on its page, still nothing of the rest.
		await closed.post(`/attempts/${attemptId}/2?/answer`, wrongResponse(cloze), true);
		expect((await closed.get(`/attempts/${attemptId}/2`)).body).toContain('garments');
		const later = recorder(clientFor(db, server.url, student.id));
		for (let n = 3; n <= questions.length; n++) await later.data(`/attempts/${attemptId}/${n}`);
		assertNoKey(later.seen, rest);
	});

	it('feedback after the due time reveals nothing until the due time, even after submission', async () => {
		const teacher = insertUser(db, 'teacher');
		const student = insertUser(db, 'student');
		const { set, questions } = insertSet(db, teacher.id);
		markExplanations(questions);
		const cls = insertClass(db, teacher.id, [student.id]);
		const assignment = insertAssignment(db, {
			classId: cls.id,
			setId: set.id,
			questionIds: questions.map((q) => q.id),
			feedback: 'due',
			dueAt: new Date(Date.now() + 3_600_000),
			shuffleQuestions: true,
			shuffleOptions: true
		});
		const rec = recorder(clientFor(db, server.url, student.id));
		const started = await rec.action(`/assignments/${assignment.id}?/start`, {});
		const attemptId = Number(JSON.parse(started.body).location.split('/')[2]);
		const order = db.select().from(attempts).where(eq(attempts.id, attemptId)).get()!.questionOrder;
		const byId = new Map(questions.map((q) => [q.id, q]));
		for (let n = 1; n <= order.length; n++) {
			await rec.post(`/attempts/${attemptId}/${n}?/answer`, wrongResponse(byId.get(order[n - 1])!), n % 2 === 0);
			await rec.data(`/attempts/${attemptId}/${n}`);
		}
		// Submitted twice, as a double click would.
		const [a, b] = await Promise.all([rec.form(`/attempts/${attemptId}/submit?/submit`, {}), rec.action(`/attempts/${attemptId}/submit?/submit`, {})]);
		expect(a.res.headers.get('location')).toBe(`/attempts/${attemptId}/results`);
		expect(JSON.parse(b.body)).toMatchObject({ location: `/attempts/${attemptId}/results` });
		const hidden = await rec.get(`/attempts/${attemptId}/results`);
		expect(hidden.body).toContain('after the due time');
		await rec.data(`/attempts/${attemptId}/results`);
		await rec.get(`/assignments/${assignment.id}`);
		await rec.data(`/assignments/${assignment.id}`);
		await rec.get(`/attempts/${attemptId}/1`);
		assertNoKey(rec.seen, questions);

		// Once the due time has passed, the results are there.
		db.update(assignments).set({ dueAt: new Date(Date.now() - 1000) }).where(eq(assignments.id, assignment.id)).run();
		const shown = await rec.get(`/attempts/${attemptId}/results`);
		expect(shown.body).toContain('garments');
		expect(shown.body).toContain('0 of 6');
	});
});
