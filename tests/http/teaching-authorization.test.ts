/**
 * Authorization matrix: every page (GET) and action (POST) under /classes, /sets and
 * /assignments — and the quiz engine's /attempts pages they lead to — as each of five
 * people, against the built server. Denied requests must
 * also leave the database exactly as it was.
 *
 * Every cell runs in a world of its own (fresh teacher, class, set, assignments and
 * students), so an allowed action in one cell cannot change what another cell sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { insertSet, insertUser, ARTICLE_TEXT } from '../helpers/fixtures';
import { insertAssignment, insertAttempt } from '../helpers/teaching-fixtures';
import { clientFor } from '../helpers/session';
import { Client } from '../helpers/http';
import { createClass } from '../../src/lib/server/classes';
import { joinClass } from '../../src/lib/server/teaching/membership';
import { splitSentences } from '../../src/lib/teaching/sentences';

const PERSONAS = ['anonymous', 'member', 'outsider', 'teacher', 'otherTeacher'] as const;
type Persona = (typeof PERSONAS)[number];

/** LOGIN: a 303 to /login that comes back to the same address afterwards. */
const LOGIN = 'login';
type Expected = number | typeof LOGIN;

/*
 * member       = a student in the class
 * outsider     = a student not in it
 * teacher      = the class's teacher (owns the set and the assignments)
 * otherTeacher = a teacher of another class
 *
 * Placeholders: {class} {set} {quiz} {deck} {fresh} (a quiz nobody started) {open} and
 * {done} (the member's open and submitted attempts) {question} {firstQuestion} {memberId}
 * {code} {sentence} {articleId}
 */
// prettier-ignore
const MATRIX: Array<[request: string, anonymous: Expected, member: Expected, outsider: Expected, teacher: Expected, otherTeacher: Expected]> = [
	// request                                         anonymous  member  outsider  teacher  otherTeacher
	['GET  /classes',                                  LOGIN,     200,    200,      200,     200],
	['GET  /classes/new',                              LOGIN,     403,    403,      200,     200],
	['POST /classes/new',                              LOGIN,     403,    403,      303,     303],
	['GET  /classes/join',                             LOGIN,     200,    200,      200,     200],
	['GET  /classes/join?code={code}',                 LOGIN,     200,    200,      200,     200],
	['POST /classes/join',                             LOGIN,     303,    303,      400,     303],
	['GET  /classes/{class}',                          LOGIN,     200,    403,      200,     403],
	['GET  /classes/999999',                           LOGIN,     404,    404,      404,     404],
	['GET  /classes/not-a-number',                     LOGIN,     404,    404,      404,     404],
	['GET  /classes/{class}/gradebook.csv',            LOGIN,     403,    403,      200,     403],
	['POST /classes/{class}?/rotate',                  LOGIN,     403,    403,      200,     403],
	['POST /classes/{class}?/joining',                 LOGIN,     403,    403,      200,     403],
	['POST /classes/{class}?/remove',                  LOGIN,     403,    403,      200,     403],
	['POST /classes/{class}?/assign',                  LOGIN,     403,    403,      303,     403],
	['GET  /sets',                                     LOGIN,     200,    200,      200,     200],
	['GET  /sets/{set}',                               LOGIN,     403,    403,      200,     403],
	['GET  /sets/999999',                              LOGIN,     404,    404,      404,     404],
	['POST /sets/{set}?/rename',                       LOGIN,     403,    403,      303,     403],
	['POST /sets/{set}?/save',                         LOGIN,     403,    403,      303,     403],
	['POST /sets/{set}?/status',                       LOGIN,     403,    403,      303,     403],
	['POST /sets/{set}?/approveAll',                   LOGIN,     403,    403,      303,     403],
	['POST /sets/{set}?/move',                         LOGIN,     403,    403,      303,     403],
	['POST /sets/{set}?/add',                          LOGIN,     403,    403,      303,     403],
	['POST /sets/{set}?/regenerate',                   LOGIN,     403,    403,      303,     403],
	['GET  /sets/{set}/practice',                      LOGIN,     403,    403,      200,     403],
	['POST /sets/{set}/practice?/start',               LOGIN,     403,    403,      303,     403],
	['GET  /assignments/{quiz}',                       LOGIN,     200,    403,      200,     403],
	['GET  /assignments/{deck}',                       LOGIN,     200,    403,      200,     403],
	['GET  /assignments/999999',                       LOGIN,     404,    404,      404,     404],
	['POST /assignments/{fresh}?/start',               LOGIN,     303,    403,      403,     403],
	// The quiz engine's attempt pages: only the student whose attempt it is gets in.
	['GET  /attempts/{open}',                          LOGIN,     303,    404,      404,     404],
	['GET  /attempts/{open}/1',                        LOGIN,     200,    404,      404,     404],
	['POST /attempts/{open}/1?/answer',                LOGIN,     200,    404,      404,     404],
	['GET  /attempts/{open}/submit',                   LOGIN,     200,    404,      404,     404],
	['POST /attempts/{open}/submit?/submit',           LOGIN,     303,    404,      404,     404],
	['GET  /attempts/{done}/results',                  LOGIN,     200,    404,      404,     404]
];

/** The form each action is sent with: valid input, so only who sends it decides the outcome. */
const BODIES: Record<string, Record<string, string>> = {
	'POST /classes/new': { name: 'A new class' },
	'POST /classes/join': { code: '{code}' },
	'POST /classes/{class}?/rotate': {},
	'POST /classes/{class}?/joining': { enabled: 'off' },
	'POST /classes/{class}?/remove': { userId: '{memberId}' },
	'POST /classes/{class}?/assign': { setId: '{set}', kind: 'quiz', title: '', attemptsAllowed: '1', feedback: 'submit' },
	'POST /sets/{set}?/rename': { title: 'Renamed set' },
	'POST /sets/{set}?/save': { questionId: '{question}', prompt: 'Cambodia’s main exports are _____ and footwear.', answer: 'garments', explanation: '' },
	'POST /sets/{set}?/status': { questionId: '{question}', status: 'rejected' },
	'POST /sets/{set}?/approveAll': {},
	'POST /sets/{set}?/move': { questionId: '{question}', direction: 'up' },
	'POST /sets/{set}?/add': { type: 'true_false', source: '{articleId}:{sentence}', prompt: 'Vietnam invaded Cambodia in 1979.', answer: 'True' },
	'POST /sets/{set}?/regenerate': { questionId: '{question}' },
	'POST /sets/{set}/practice?/start': {},
	'POST /assignments/{fresh}?/start': {},
	'POST /attempts/{open}/1?/answer': { questionId: '{firstQuestion}', response: '1979' },
	'POST /attempts/{open}/submit?/submit': {}
};

let server: RunningServer;
let db: DB;
beforeAll(async () => {
	server = await startServer();
	db = openDatabase(server.dbPath);
	// The demo article is generated in the background at first start; let that finish so
	// it does not change the database in the middle of a cell.
	for (let i = 0; i < 300 && db.$client.prepare("SELECT count(*) FROM articles WHERE generation_status = 'pending'").pluck().get(); i++) {
		await new Promise((r) => setTimeout(r, 100));
	}
});
afterAll(async () => {
	db?.$client.close();
	await server?.dispose();
});

/** A fresh class world; returns the placeholder values and a client per persona. */
function world() {
	const teacher = insertUser(db, 'teacher', 'Class Teacher');
	const otherTeacher = insertUser(db, 'teacher', 'Other Teacher');
	const member = insertUser(db, 'student', 'Member Student');
	const outsider = insertUser(db, 'student', 'Outside Student');
	const cls = createClass(db, teacher.id, 'Matrix class');
	const now = new Date();
	joinClass(db, member.id, cls.joinCode!, now);
	const { set, article, questions } = insertSet(db, teacher.id);
	const ids = questions.map((q) => q.id);
	const quiz = insertAssignment(db, cls.id, set.id, ids, { kind: 'quiz', title: 'Matrix quiz' });
	const deck = insertAssignment(db, cls.id, set.id, ids.slice(0, 2), { kind: 'review', title: 'Matrix deck' });
	const done = insertAttempt(db, quiz, member.id, ids, { [ids[0]]: { response: '1979', correct: true } }, { startedAt: now, submittedAt: now });
	const openQuiz = insertAssignment(db, cls.id, set.id, ids, { kind: 'quiz', title: 'Open quiz' });
	const open = insertAttempt(db, openQuiz, member.id, ids, {}, { startedAt: now });
	const fresh = insertAssignment(db, cls.id, set.id, ids, { kind: 'quiz', title: 'Fresh quiz' });
	// The edited question (a draft cloze, last in the set) is one no assignment uses, so
	// "save" changes it in place, "approve all" approves it and "move up" moves it.
	const free = insertSet(db, teacher.id, { status: 'draft' }).questions[1];
	db.$client.prepare('INSERT INTO set_items (set_id, question_id, position) VALUES (?, ?, 99)').run(set.id, free.id);
	const sentence = splitSentences(ARTICLE_TEXT)[0];
	const values: Record<string, string> = {
		class: String(cls.id),
		set: String(set.id),
		quiz: String(quiz.id),
		deck: String(deck.id),
		fresh: String(fresh.id),
		open: String(open.id),
		done: String(done.id),
		firstQuestion: String(ids[0]),
		question: String(free.id),
		memberId: member.id,
		code: cls.joinCode!,
		articleId: String(article.id),
		sentence: `${sentence.start}-${sentence.end}`
	};
	const clients: Record<Persona, Client> = {
		anonymous: new Client(server.url),
		member: clientFor(db, server.url, member.id),
		outsider: clientFor(db, server.url, outsider.id),
		teacher: clientFor(db, server.url, teacher.id),
		otherTeacher: clientFor(db, server.url, otherTeacher.id)
	};
	return { values, clients };
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

/** Every row of every table except sessions (opening a session renews it), as text per table. */
function snapshot(): Record<string, string> {
	const tables = db.$client
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('sessions', '__drizzle_migrations') ORDER BY name")
		.pluck()
		.all() as string[];
	return Object.fromEntries(tables.map((t) => [t, JSON.stringify(db.$client.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all())]));
}

/** The tables whose rows differ between two snapshots. */
function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
	return Object.keys(after).filter((t) => before[t] !== after[t]);
}

/** Allowed requests that rightly change nothing: joining a class one is already in. */
const CHANGES_NOTHING = new Set(['POST /classes/join as member']);

const cells = MATRIX.flatMap(([request, ...expected]) => PERSONAS.map((persona, i) => ({ request, persona, expected: expected[i] })));

describe('who may open and do what under /classes, /sets and /assignments', () => {
	it('has a form body for every action in the table', () => {
		const actions = MATRIX.map(([r]) => r.replace(/\s+/g, ' ')).filter((r) => r.startsWith('POST'));
		expect(actions.sort()).toEqual(Object.keys(BODIES).sort());
	});

	it.each(cells)('$request as $persona → $expected', async ({ request, persona, expected }) => {
		const { values, clients } = world();
		const [method, template] = request.split(/\s+/);
		const path = fill(template, values);
		const before = snapshot();
		const client = clients[persona];
		const res =
			method === 'GET'
				? await client.get(path, { accept: 'text/html' })
				: await client.postForm(path, Object.fromEntries(Object.entries(BODIES[request.replace(/\s+/g, ' ')]).map(([k, v]) => [k, fill(v, values)])));
		const body = await res.text();
		if (expected === LOGIN) {
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
		} else {
			expect(res.status, body.slice(0, 300)).toBe(expected);
		}
		const denied = expected === LOGIN || expected >= 400;
		const label = `${request.replace(/\s+/g, ' ')} as ${persona}`;
		const changed = changedTables(before, snapshot());
		if (denied || method === 'GET' || CHANGES_NOTHING.has(label)) expect(changed).toEqual([]);
		else expect(changed).not.toEqual([]);
	});
});
