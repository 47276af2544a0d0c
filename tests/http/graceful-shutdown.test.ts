import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { existsSync, statSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { startServer, type RunningServer } from '../helpers/server';
import { clientFor } from '../helpers/session';
import { insertClass, insertSet, insertUser } from '../helpers/fixtures';
import { insertAssignment } from '../helpers/assignments';
import { parseActionResult } from '../helpers/actions';
import { openDatabase } from '../../src/lib/server/db/client';
import { attemptAnswers } from '../../src/lib/server/db/schema';

// SIGTERM (what systemd, Docker and Kubernetes send) must let a request that is being
// handled finish, then close the database cleanly. The request is made "in flight" without
// any timing: it asks for `Expect: 100-continue`, so the server's "100 Continue" proves it
// has taken the request; its body is sent only once the server has stopped listening.

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.dispose();
});

/** Collects what the socket receives until `done` says it is complete. */
function reader(socket: Socket) {
	let text = '';
	const waiters: Array<() => void> = [];
	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => {
		text += chunk;
		for (const w of waiters.splice(0)) w();
	});
	socket.on('close', () => {
		for (const w of waiters.splice(0)) w();
	});
	return {
		text: () => text,
		until: async (done: (text: string) => boolean) => {
			while (!done(text)) {
				if (socket.destroyed) throw new Error(`the connection closed early; received:\n${text}`);
				await new Promise<void>((ok) => waiters.push(ok));
			}
			return text;
		}
	};
}

/** The final response after the interim "100 Continue": its status and (de-chunked) body. */
async function responseAfterContinue(received: ReturnType<typeof reader>): Promise<{ status: number; body: string }> {
	const rest = () => received.text().replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '');
	await received.until(() => rest().includes('\r\n\r\n'));
	const head = rest().slice(0, rest().indexOf('\r\n\r\n'));
	const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)![1]);
	const length = /\r\ncontent-length: (\d+)/i.exec(head);
	const bodyOf = () => rest().slice(head.length + 4);
	if (length) {
		await received.until(() => Buffer.byteLength(bodyOf()) >= Number(length[1]));
		return { status, body: bodyOf() };
	}
	await received.until(() => bodyOf().endsWith('0\r\n\r\n'));
	let chunked = bodyOf();
	let body = '';
	for (;;) {
		const eol = chunked.indexOf('\r\n');
		const size = parseInt(chunked.slice(0, eol), 16);
		if (!size) return { status, body };
		body += chunked.slice(eol + 2, eol + 2 + size);
		chunked = chunked.slice(eol + 2 + size + 2);
	}
}

/** Whether a new connection to the port is refused (the server stopped listening). */
function refused(port: number): Promise<boolean> {
	return new Promise((ok) => {
		const probe = connect(port, '127.0.0.1');
		probe.once('connect', () => {
			probe.destroy();
			ok(false);
		});
		probe.once('error', () => ok(true));
	});
}

describe('graceful shutdown', () => {
	it('finishes a request in flight during SIGTERM with 2xx, exits cleanly, and the answer is there after restart', async () => {
		const db = openDatabase(server.dbPath);
		const teacher = insertUser(db, 'teacher');
		const student = insertUser(db, 'student');
		const { set, questions } = insertSet(db, teacher.id);
		const cls = insertClass(db, teacher.id, [student.id]);
		const assignment = insertAssignment(db, { classId: cls.id, setId: set.id, questionIds: questions.map((q) => q.id) });
		const c = clientFor(db, server.url, student.id);
		const start = await c.postForm(`/assignments/${assignment.id}?/start`, {});
		const attemptId = Number(start.headers.get('location')!.split('/')[2]);
		db.$client.close();

		const body = new URLSearchParams({ questionId: String(questions[0].id), response: '1979' }).toString();
		const socket = connect(server.port, '127.0.0.1');
		const received = reader(socket);
		await new Promise<void>((ok) => socket.once('connect', () => ok()));
		socket.write(
			[
				`POST /attempts/${attemptId}/1?/answer HTTP/1.1`,
				`Host: 127.0.0.1:${server.port}`,
				`Origin: ${server.url}`,
				`Cookie: session=${c.cookies.get('session')}`,
				'Content-Type: application/x-www-form-urlencoded',
				`Content-Length: ${Buffer.byteLength(body)}`,
				'Accept: application/json',
				'X-SvelteKit-Action: true',
				'Expect: 100-continue',
				'',
				''
			].join('\r\n')
		);
		await received.until((t) => t.startsWith('HTTP/1.1 100 Continue'));

		const stopped = server.stop();
		// Wait (bounded) until the server has begun shutting down: it no longer accepts connections.
		let closedListener = false;
		for (let i = 0; i < 200 && !closedListener; i++) {
			closedListener = await refused(server.port);
			if (!closedListener) await new Promise((r) => setTimeout(r, 25));
		}
		expect(closedListener).toBe(true);

		socket.write(body);
		const { status, body: answer } = await responseAfterContinue(received);
		expect(status).toBe(200);
		expect(parseActionResult(answer)).toMatchObject({ type: 'success', status: 200, data: { saved: true, questionId: questions[0].id } });
		socket.destroy();

		// The process ended by itself (not by the 30 s timeout's force or a crash) and closed
		// the database: SQLite folds the write-ahead log back into the file on a clean close.
		expect(await stopped).toEqual({ code: 0, signal: null });
		const wal = `${server.dbPath}-wal`;
		expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
		expect(server.output()).toContain('Factdeck: stopped (SIGTERM); requests finished and the database closed.');
		expect(server.output()).not.toMatch(/Error/);

		const after = openDatabase(server.dbPath);
		try {
			expect(after.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId)).all()).toMatchObject([
				{ questionId: questions[0].id, response: '1979', correct: true }
			]);
		} finally {
			after.$client.close();
		}
		await server.restart();
		const page = await (await c.get(`/attempts/${attemptId}/1`)).text();
		expect(page).toMatch(/value="1979"[^>]*checked/);
	});
});
