import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { startServer, type RunningServer } from '../helpers/server';
import type { Client } from '../helpers/http';
import { clientFor } from '../helpers/session';
import { insertClass, insertSet, insertUser, SAMPLE_QUESTIONS } from '../helpers/fixtures';
import { insertAssignment } from '../helpers/assignments';
import { parseActionResult, postEnhanced } from '../helpers/actions';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { attemptAnswers, attempts, cards, type Question } from '../../src/lib/server/db/schema';

// 200 students answer one quiz at the same time against the real server; the server is
// killed with SIGKILL in the middle and started again on the same database. Every answer
// the server acknowledged must be there; then all submit at once (some twice, some over
// two connections at the same moment) and each attempt must count exactly once.

const STUDENTS = 200;
/** Each student goes over the quiz's six questions up to this many times, changing answers. */
const PASSES = 3;
/** The kill comes after this many acknowledged answers (of at most STUDENTS × 6 × PASSES). */
const KILL_AFTER = 800;

type Sent = {
	student: number;
	attemptId: number;
	questionId: number;
	response: string | string[];
	/** The server answered 2xx and said it saved this answer. */
	acked: boolean;
	/** What came back instead of an acknowledgement (a status or a network error). */
	outcome: string;
};

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

/** A response that differs from pass to pass, valid for the question's type. */
function responseFor(q: Question, pass: number, student: number): string | string[] {
	const sample = SAMPLE_QUESTIONS.find((s) => s.prompt === q.prompt)!;
	const k = pass + student;
	switch (q.type) {
		case 'multiple_choice':
		case 'who_said':
		case 'true_false':
			return q.options![k % q.options!.length];
		case 'numeric':
			return String(820_000 + 5_000 * (k % 4));
		case 'cloze':
			return k % 2 ? 'garments' : `shoes ${pass}`;
		case 'ordering': {
			const items = [...(sample.options ?? [])];
			const shift = k % items.length;
			return [...items.slice(shift), ...items.slice(0, shift)];
		}
	}
}

function answerFields(questionId: number, response: string | string[]): URLSearchParams {
	const fields = new URLSearchParams({ questionId: String(questionId) });
	if (Array.isArray(response)) for (const item of response) fields.append('order', item);
	else fields.set('response', response);
	return fields;
}

describe('answers survive a crash under load', () => {
	it('keeps every acknowledged answer through a SIGKILL and counts every submission once', async () => {
		const teacher = insertUser(db, 'teacher', 'Load Teacher');
		const students = Array.from({ length: STUDENTS }, (_, i) => insertUser(db, 'student', `Load Student ${i + 1}`));
		const { set, questions } = insertSet(db, teacher.id);
		const cls = insertClass(db, teacher.id, students.map((s) => s.id), 'Load class');
		const assignment = insertAssignment(db, { classId: cls.id, setId: set.id, questionIds: questions.map((q) => q.id), title: 'Load quiz' });
		const clients: Client[] = students.map((s) => clientFor(db, server.url, s.id));
		const byId = new Map(questions.map((q) => [q.id, q]));

		// Every student starts an attempt through the real route, all at once.
		const attemptIds = await Promise.all(
			clients.map(async (c) => {
				const res = await c.postForm(`/assignments/${assignment.id}?/start`, {});
				expect(res.status).toBe(303);
				const match = /^\/attempts\/(\d+)\/1$/.exec(res.headers.get('location') ?? '');
				expect(match).not.toBeNull();
				return Number(match![1]);
			})
		);
		expect(new Set(attemptIds).size).toBe(STUDENTS);

		// All answer at once, each student one question after another, as the enhanced form does.
		const sent: Sent[] = [];
		let acks = 0;
		let killing: Promise<unknown> | null = null;
		const unexpected: string[] = [];
		const answerLoop = async (student: number) => {
			const c = clients[student];
			const attemptId = attemptIds[student];
			const order = db.select({ order: attempts.questionOrder }).from(attempts).where(eq(attempts.id, attemptId)).get()!.order;
			for (let pass = 0; pass < PASSES; pass++) {
				for (let n = 1; n <= order.length; n++) {
					const question = byId.get(order[n - 1])!;
					const response = responseFor(question, pass, student);
					const entry: Sent = { student, attemptId, questionId: question.id, response, acked: false, outcome: 'pending' };
					sent.push(entry);
					try {
						const res = await postEnhanced(c, `/attempts/${attemptId}/${n}?/answer`, answerFields(question.id, response));
						const body = await res.text();
						entry.outcome = String(res.status);
						if (res.status >= 200 && res.status < 300) {
							const result = parseActionResult(body);
							entry.acked = result.type === 'success' && result.data.saved === true && result.data.questionId === question.id;
						}
						if (!entry.acked) unexpected.push(`${res.status} ${body.slice(0, 200)}`);
					} catch (err) {
						// The connection died with the server: not acknowledged. This student stops.
						entry.outcome = `network: ${(err as Error).cause ?? err}`;
						return;
					}
					if (entry.acked && ++acks === KILL_AFTER) killing = server.kill();
				}
			}
		};
		await Promise.all(clients.map((_, i) => answerLoop(i)));
		expect(killing, 'the server was killed in the middle').not.toBeNull();
		await killing;

		// Every request the server answered before dying was acknowledged: no 4xx/5xx under load.
		expect(unexpected).toEqual([]);
		const acked = sent.filter((s) => s.acked);
		const unacked = sent.filter((s) => !s.acked);
		expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
		// Requests were in flight when the server died (the kill really was mid-flight).
		expect(unacked.length).toBeGreaterThan(0);
		expect(unacked.every((s) => s.outcome.startsWith('network'))).toBe(true);

		await server.restart();
		expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');

		// Per attempt and question: the stored answer is the last acknowledged one, or the one
		// sent after it that was in flight at the kill (committed but never acknowledged).
		const stored = new Map(
			db
				.select()
				.from(attemptAnswers)
				.where(inArray(attemptAnswers.attemptId, attemptIds))
				.all()
				.map((a) => [`${a.attemptId}:${a.questionId}`, a.response])
		);
		const byPair = new Map<string, Sent[]>();
		for (const s of sent) {
			const key = `${s.attemptId}:${s.questionId}`;
			byPair.set(key, [...(byPair.get(key) ?? []), s]);
		}
		const lost: string[] = [];
		for (const [key, history] of byPair) {
			let last = -1;
			history.forEach((s, i) => {
				if (s.acked) last = i;
			});
			// After the last acknowledgement a student sent at most one more (unacknowledged) request.
			const allowed = history.slice(Math.max(last, 0)).filter((s, i) => !s.acked || i === 0).map((s) => JSON.stringify(s.response));
			const value = stored.get(key);
			if (last >= 0 && (value === undefined || !allowed.includes(JSON.stringify(value)))) {
				lost.push(`${key}: acknowledged ${JSON.stringify(history[last].response)}, stored ${JSON.stringify(value)}`);
			}
			if (last < 0 && value !== undefined && !allowed.includes(JSON.stringify(value))) {
				lost.push(`${key}: stored ${JSON.stringify(value)}, which was never sent`);
			}
		}
		expect(lost, 'acknowledged answers lost or changed').toEqual([]);
		for (const key of stored.keys()) expect(byPair.has(key), `an answer nobody sent: ${key}`).toBe(true);

		// Everyone submits at once: a third once, a third twice in a row, a third over two
		// connections at the same moment (one plain form, one enhanced).
		const submitted = await Promise.all(
			clients.map(async (c, i) => {
				const path = `/attempts/${attemptIds[i]}/submit?/submit`;
				if (i % 3 === 0) return [await c.postForm(path, {})];
				if (i % 3 === 1) return [await c.postForm(path, {}), await c.postForm(path, {})];
				return Promise.all([c.postForm(path, {}), postEnhanced(c, path, new URLSearchParams())]);
			})
		);
		for (const [i, responses] of submitted.entries()) {
			for (const res of responses) {
				const plain = res.headers.get('location');
				const target = plain ?? (parseActionResult(await res.text()) as { location?: string }).location;
				expect(target, `student ${i}`).toBe(`/attempts/${attemptIds[i]}/results`);
			}
		}

		const rows = db.select().from(attempts).where(eq(attempts.assignmentId, assignment.id)).all();
		expect(rows).toHaveLength(STUDENTS);
		expect(new Set(rows.map((r) => r.userId)).size).toBe(STUDENTS);
		for (const row of rows) {
			const answers = db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, row.id)).all();
			const right = answers.filter((a) => a.correct).length;
			expect(row.submittedAt, `attempt ${row.id}`).not.toBeNull();
			expect(row.correctCount, `attempt ${row.id}`).toBe(right);
			expect(row.score, `attempt ${row.id}`).toBeCloseTo(right / row.total, 10);
			expect(row.mistakeCardsAt, `attempt ${row.id}`).not.toBeNull();
			// The mistakes (wrong or unanswered) became cards exactly once.
			const missed = row.questionOrder.filter((q) => !answers.some((a) => a.questionId === q && a.correct));
			const mistakeCards = db
				.select({ questionId: cards.questionId })
				.from(cards)
				.where(and(eq(cards.userId, row.userId), eq(cards.origin, 'quiz_mistake')))
				.all()
				.map((c) => c.questionId)
				.sort();
			expect(mistakeCards, `attempt ${row.id}`).toEqual([...missed].sort());
		}

		// The teacher's view counts each student once, and nobody can start a second attempt.
		const report = await (await clientFor(db, server.url, teacher.id).get(`/assignments/${assignment.id}`)).text();
		expect(report).toContain(`${STUDENTS} of ${STUDENTS} students submitted`);
		const again = await clients[0].postForm(`/assignments/${assignment.id}?/start`, {});
		expect(again.status).toBe(409);
		expect(db.select().from(attempts).where(eq(attempts.assignmentId, assignment.id)).all()).toHaveLength(STUDENTS);
		// Nothing failed on the server's side, before or after the crash.
		expect(server.output()).not.toMatch(/Error/);
	});
});
