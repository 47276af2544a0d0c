import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { eq } from 'drizzle-orm';
import { startServer, type RunningServer } from '../helpers/server';
import { Client } from '../helpers/http';
import { clientFor } from '../helpers/session';
import { ARTICLE_TEXT, insertClass, insertSet, insertUser } from '../helpers/fixtures';
import { insertAssignment } from '../helpers/assignments';
import { changedTables, snapshot, type DbSnapshot } from '../helpers/db-snapshot';
import {
	EVIL_ORIGIN,
	HUGE_NAME,
	ONE_MB,
	PAYLOADS,
	pageMessages,
	readAnswer,
	send,
	unclearMessage,
	type Answer,
	type Body,
	type Fields,
	type Sent,
	type Style,
	type Value
} from '../helpers/hostile';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { articles, cards, users } from '../../src/lib/server/db/schema';
import { hashPassword } from '../../src/lib/server/password';
import { ensureCards } from '../../src/lib/server/cards';
import { startOrResumeAttempt } from '../../src/lib/server/quiz';
import { splitSentences } from '../../src/lib/teaching/sentences';

// Every form action and endpoint of the app, attacked with missing fields, wrong types,
// huge values, odd Unicode, HTML and script, SQL-looking strings, broken bodies, bad and
// foreign ids, cross-site posts and the wrong user. A refusal must be a 4xx with a clear
// message and must write nothing; anything the app accepts must never be a 5xx and may
// only touch the tables that action writes. The last test fails when an action or
// endpoint exists that this table does not cover.

let server: RunningServer;
let db: DB;

// ---------------------------------------------------------------------------------------
// The world: a class with its teacher, a student with an open attempt and due cards, and
// a second teacher with their own class, set, student, attempt and card ("someone else's").

const NOW = new Date();
const REAL_PASSWORD = 'correct horse battery staple';
let serial = 0;

async function buildWorld() {
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
			teacher: clientFor(db, server.url, teacher.id),
			student: clientFor(db, server.url, student.id),
			otherTeacher: clientFor(db, server.url, otherTeacher.id),
			outsider: clientFor(db, server.url, outsider.id),
			real: clientFor(db, server.url, real.id)
		}
	};
}

type World = Awaited<ReturnType<typeof buildWorld>>;
type Who = keyof World['clients'] | 'anon';

let world: World | null = null;
/** A world is used until a request changes something in the database; then a fresh one is built. */
async function currentWorld(): Promise<World> {
	world ??= await buildWorld();
	return world;
}

function clientOf(w: World, who: Who): Client {
	return who === 'anon' ? new Client(server.url) : w.clients[who];
}

// ---------------------------------------------------------------------------------------
// The table: what each action and endpoint takes, and what a valid request looks like.

type Kind =
	| { type: 'line'; max: number; repeated?: boolean }
	| { type: 'text'; max: number }
	| { type: 'email' }
	| { type: 'secret' }
	| { type: 'number'; lenient?: boolean }
	| { type: 'id'; foreign?: (w: World) => string }
	| { type: 'enum' }
	| { type: 'code' }
	| { type: 'flag' }
	| { type: 'datetime' }
	| { type: 'url' }
	| { type: 'free' };

type Expect = 'refuse' | 'either' | 'login';
type Variant = { name: string; expect: Expect; who?: Who; req: (w: World, t: Target) => Sent };

type Target = {
	/** Route and action ("/classes/[id] ?/remove") or route and method ("/api/health GET"). */
	key: string;
	scenario?: string;
	kind: 'action' | 'endpoint' | 'json' | 'page';
	method?: 'GET' | 'POST';
	who: Who;
	/** Logging out without a session just goes home: not a refusal. */
	anonymousAllowed?: boolean;
	/** Users who may not do this: their request is refused (403/404). */
	intruders?: Who[];
	path: (w: World, params?: Record<string, string>) => string;
	/** Route parameters and someone else's value for each. */
	params?: Record<string, (w: World) => string>;
	base?: (w: World) => Fields;
	kinds?: Record<string, Kind>;
	required?: string[];
	/** Tables a successful request may change. */
	writes: string[];
	/** Tables a refused request may still change (failed log-ins are counted for throttling). */
	refusalWrites?: string[];
	/** The valid request itself is refused (nothing to undo, too few reviews): variants are then "either". */
	baseRefused?: boolean;
	extra?: Variant[];
	/** Waits for background work a successful request started. */
	settle?: () => Promise<void>;
};

const q = (w: World, type: string) => w.taught.questions.find((x) => x.type === type)!;
const otherQ = (w: World) => String(w.other.questions[0].id);
const attemptPath = (w: World, p: Record<string, string> = {}, action = 'answer') =>
	`/attempts/${p.attemptId ?? w.attempt.id}/${p.n ?? '1'}?/${action}`;

async function noPendingArticles(): Promise<void> {
	for (let i = 0; i < 400; i++) {
		const pending = db.select({ id: articles.id }).from(articles).where(eq(articles.generationStatus, 'pending')).all();
		if (!pending.length) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('generation did not finish');
}

const QUESTION_WRITES = ['questions', 'set_items'];

const TARGETS: Target[] = [
	{
		key: '/login ?/default',
		kind: 'action',
		who: 'anon',
		path: () => '/login',
		base: (w) => ({ email: w.real.email, password: w.real.password }),
		kinds: { email: { type: 'email' }, password: { type: 'secret' } },
		required: ['email', 'password'],
		writes: ['sessions', 'auth_failures'],
		refusalWrites: ['auth_failures']
	},
	{
		key: '/signup ?/default',
		kind: 'action',
		who: 'anon',
		path: () => '/signup',
		base: () => ({ name: 'New Person', email: `new-${++serial}-${Date.now()}@example.org`, password: 'a fine password', role: 'student' }),
		kinds: { name: { type: 'line', max: 100 }, email: { type: 'email' }, password: { type: 'secret' }, role: { type: 'enum' } },
		required: ['name', 'email', 'password', 'role'],
		writes: ['users', 'sessions', 'auth_failures'],
		refusalWrites: ['auth_failures']
	},
	{
		key: '/logout ?/default',
		kind: 'action',
		who: 'student',
		anonymousAllowed: true,
		path: () => '/logout',
		base: () => ({}),
		writes: ['sessions']
	},
	{
		key: '/settings ?/study',
		kind: 'action',
		who: 'student',
		path: () => '/settings?/study',
		base: () => ({ timeZone: 'Europe/Berlin', desiredRetention: '0.85', newPerDay: '15', reviewsPerDay: '150' }),
		kinds: { timeZone: { type: 'enum' }, desiredRetention: { type: 'number' }, newPerDay: { type: 'number' }, reviewsPerDay: { type: 'number' } },
		required: ['timeZone', 'desiredRetention', 'newPerDay', 'reviewsPerDay'],
		writes: ['users']
	},
	{
		key: '/settings ?/optimize',
		kind: 'action',
		who: 'student',
		path: () => '/settings?/optimize',
		base: () => ({}),
		baseRefused: true,
		writes: ['optimizations']
	},
	{
		key: '/settings ?/password',
		kind: 'action',
		who: 'real',
		path: () => '/settings?/password',
		base: (w) => ({ current: w.real.password, next: 'a new password here', confirm: 'a new password here' }),
		kinds: { current: { type: 'secret' }, next: { type: 'secret' }, confirm: { type: 'secret' } },
		required: ['current', 'next', 'confirm'],
		writes: ['users', 'sessions']
	},
	{
		key: '/classes/new ?/default',
		kind: 'action',
		who: 'teacher',
		intruders: ['student'],
		path: () => '/classes/new',
		base: () => ({ name: 'Year 10 history' }),
		kinds: { name: { type: 'line', max: 100 } },
		required: ['name'],
		writes: ['classes']
	},
	{
		key: '/classes/join ?/default',
		kind: 'action',
		who: 'student',
		path: () => '/classes/join',
		base: (w) => ({ code: w.joinable.joinCode! }),
		kinds: { code: { type: 'code' } },
		required: ['code'],
		writes: ['memberships', 'cards']
	},
	{
		key: '/classes/[id] ?/rotate',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/classes/${p.id ?? w.cls.id}?/rotate`,
		params: { id: (w) => String(w.otherCls.id) },
		base: () => ({}),
		writes: ['classes']
	},
	{
		key: '/classes/[id] ?/joining',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/classes/${p.id ?? w.cls.id}?/joining`,
		params: { id: (w) => String(w.otherCls.id) },
		base: () => ({ enabled: 'on' }),
		kinds: { enabled: { type: 'flag' } },
		writes: ['classes']
	},
	{
		key: '/classes/[id] ?/remove',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/classes/${p.id ?? w.cls.id}?/remove`,
		params: { id: (w) => String(w.otherCls.id) },
		base: (w) => ({ userId: w.student.id }),
		kinds: { userId: { type: 'id', foreign: (w) => w.outsider.id } },
		required: ['userId'],
		writes: ['memberships']
	},
	{
		key: '/classes/[id] ?/assign',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/classes/${p.id ?? w.cls.id}?/assign`,
		params: { id: (w) => String(w.otherCls.id) },
		base: (w) => ({
			setId: String(w.taught.set.id),
			kind: 'quiz',
			title: 'Week 1 quiz',
			attemptsAllowed: '2',
			timeLimitMinutes: '',
			opensAt: '',
			dueAt: '',
			shuffleQuestions: 'on',
			shuffleOptions: '',
			feedback: 'submit'
		}),
		kinds: {
			setId: { type: 'id', foreign: (w) => String(w.other.set.id) },
			kind: { type: 'enum' },
			title: { type: 'line', max: 200 },
			attemptsAllowed: { type: 'number' },
			timeLimitMinutes: { type: 'number' },
			opensAt: { type: 'datetime' },
			dueAt: { type: 'datetime' },
			shuffleQuestions: { type: 'flag' },
			feedback: { type: 'enum' }
		},
		required: ['setId', 'kind', 'feedback'],
		writes: ['assignments', 'assignment_items', 'cards']
	},
	{
		key: '/articles/new ?/default',
		kind: 'action',
		who: 'student',
		path: () => '/articles/new',
		base: () => ({ mode: 'paste', title: 'A pasted article', text: ARTICLE_TEXT }),
		kinds: { mode: { type: 'enum' }, title: { type: 'line', max: 200 }, text: { type: 'text', max: 1_000_000 } },
		required: ['mode', 'text'],
		writes: ['articles', 'question_sets', 'set_articles', ...QUESTION_WRITES],
		settle: noPendingArticles,
		extra: [
			...[
				'javascript:alert(1)',
				'file:///etc/passwd',
				'http://localhost/',
				'http://127.0.0.1:1/',
				'http://[::1]/',
				'http://10.0.0.1/',
				'http://169.254.169.254/latest/meta-data/',
				'http://user:secret@127.0.0.1/',
				'http://2130706433/',
				'ftp://127.0.0.1/',
				'not a url at all',
				`http://127.0.0.1/${'a'.repeat(3000)}`,
				''
			].map(
				(url): Variant => ({ name: `url=${url.slice(0, 40)}`, expect: 'refuse', req: () => ({ method: 'POST', path: '/articles/new', body: { kind: 'form', fields: { mode: 'url', url } } }) })
			),
			...(
				[
					['no file', {}],
					['empty file', { file: { file: '' } }],
					['a program', { file: { bytes: Buffer.from('MZ\u0090\u0000binary') } }],
					['file as text field', { file: 'just text' }]
				] as [string, Fields][]
			).map(
				([name, fields]): Variant => ({ name: `upload: ${name}`, expect: 'refuse', req: () => ({ method: 'POST', path: '/articles/new', body: { kind: 'multipart', fields: { mode: 'file', ...fields } } }) })
			),
			{
				name: 'upload: a 3 MB text file',
				expect: 'refuse',
				req: () => ({ method: 'POST', path: '/articles/new', body: { kind: 'multipart', fields: { mode: 'file', file: { file: 'word '.repeat(600_000) } } } })
			},
			{
				name: 'upload: script in an html file',
				expect: 'either',
				req: () => ({ method: 'POST', path: '/articles/new', body: { kind: 'multipart', fields: { mode: 'file', file: { file: `<html><body><p>${PAYLOADS.script}</p><p>${ARTICLE_TEXT}</p></body></html>` } } } })
			}
		]
	},
	{
		key: '/articles/[id] ?/study',
		kind: 'action',
		who: 'student',
		intruders: ['outsider'],
		path: (w, p = {}) => `/articles/${p.id ?? w.own.article.id}?/study`,
		params: { id: (w) => String(w.other.article.id) },
		base: () => ({}),
		writes: ['cards']
	},
	{
		key: '/articles/[id] ?/delete',
		kind: 'action',
		who: 'student',
		intruders: ['outsider'],
		path: (w, p = {}) => `/articles/${p.id ?? w.own.article.id}?/delete`,
		params: { id: (w) => String(w.other.article.id) },
		base: () => ({}),
		writes: ['articles', 'question_sets', 'set_articles', 'questions', 'set_items', 'cards']
	},
	{
		key: '/assignments/[id] ?/start',
		kind: 'action',
		who: 'student',
		intruders: ['outsider', 'teacher'],
		path: (w, p = {}) => `/assignments/${p.id ?? w.assignment.id}?/start`,
		params: { id: (w) => String(w.otherAssignment.id) },
		base: () => ({}),
		writes: ['attempts']
	},
	{
		key: '/attempts/[attemptId]/[n] ?/answer',
		scenario: 'a choice',
		kind: 'action',
		who: 'student',
		intruders: ['outsider', 'teacher'],
		path: (w, p = {}) => attemptPath(w, p),
		params: { attemptId: (w) => String(w.otherAttempt.id), n: () => '7' },
		base: (w) => ({ questionId: String(q(w, 'multiple_choice').id), response: '1979' }),
		kinds: { questionId: { type: 'id', foreign: otherQ }, response: { type: 'enum' } },
		required: ['questionId', 'response'],
		writes: ['attempt_answers']
	},
	{
		key: '/attempts/[attemptId]/[n] ?/answer',
		scenario: 'a typed answer',
		kind: 'action',
		who: 'student',
		path: (w, p = {}) => attemptPath(w, { n: '2', ...p }),
		base: (w) => ({ questionId: String(q(w, 'cloze').id), response: 'garments' }),
		kinds: { response: { type: 'text', max: 500 } },
		required: ['response'],
		writes: ['attempt_answers']
	},
	{
		key: '/attempts/[attemptId]/[n] ?/answer',
		scenario: 'an ordering',
		kind: 'action',
		who: 'student',
		path: (w, p = {}) => attemptPath(w, { n: '6', ...p }),
		base: (w) => ({ questionId: String(q(w, 'ordering').id), order: q(w, 'ordering').options! }),
		kinds: { order: { type: 'enum' } },
		required: ['order'],
		writes: ['attempt_answers'],
		extra: [
			{ name: 'order: an item twice', expect: 'refuse', req: (w) => ({ method: 'POST', path: attemptPath(w, { n: '6' }), body: { kind: 'form', fields: { questionId: String(q(w, 'ordering').id), order: [q(w, 'ordering').options![0], q(w, 'ordering').options![0], q(w, 'ordering').options![1]] } } }) },
			{ name: 'order: too few items', expect: 'refuse', req: (w) => ({ method: 'POST', path: attemptPath(w, { n: '6' }), body: { kind: 'form', fields: { questionId: String(q(w, 'ordering').id), order: q(w, 'ordering').options!.slice(0, 2) } } }) },
			{ name: 'order: 5,000 items', expect: 'refuse', req: (w) => ({ method: 'POST', path: attemptPath(w, { n: '6' }), body: { kind: 'form', fields: { questionId: String(q(w, 'ordering').id), order: Array.from({ length: 5000 }, (_, i) => `item ${i}`) } } }) }
		]
	},
	{
		key: '/attempts/[attemptId]/submit ?/submit',
		kind: 'action',
		who: 'student',
		intruders: ['outsider', 'teacher'],
		path: (w, p = {}) => `/attempts/${p.attemptId ?? w.attempt.id}/submit?/submit`,
		params: { attemptId: (w) => String(w.otherAttempt.id) },
		base: () => ({}),
		writes: ['attempts', 'cards']
	},
	{
		key: '/review ?/rate',
		kind: 'action',
		who: 'student',
		intruders: ['outsider'],
		path: () => '/review?/rate',
		base: (w) => ({ cardId: String(w.card.id), version: String(w.card.version), rating: '3', durationMs: '1200', shownAt: String(Date.now()) }),
		kinds: {
			cardId: { type: 'id', foreign: (w) => String(w.otherCard.id) },
			version: { type: 'number' },
			rating: { type: 'enum' },
			durationMs: { type: 'number', lenient: true },
			shownAt: { type: 'free' }
		},
		required: ['cardId', 'version', 'rating'],
		writes: ['cards', 'review_logs']
	},
	{
		key: '/review ?/undo',
		kind: 'action',
		who: 'student',
		path: () => '/review?/undo',
		base: () => ({}),
		baseRefused: true,
		writes: ['cards', 'review_logs']
	},
	{
		key: '/sets/[id] ?/rename',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/sets/${p.id ?? w.taught.set.id}?/rename`,
		params: { id: (w) => String(w.other.set.id) },
		base: () => ({ title: 'A better title' }),
		kinds: { title: { type: 'line', max: 200 } },
		required: ['title'],
		writes: ['question_sets']
	},
	{
		key: '/sets/[id] ?/save',
		scenario: 'multiple choice',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/sets/${p.id ?? w.taught.set.id}?/save`,
		params: { id: (w) => String(w.other.set.id) },
		base: (w) => ({
			questionId: String(q(w, 'multiple_choice').id),
			prompt: 'In what year did Vietnam invade Cambodia?',
			option: ['1975', '1979', '1985', '1991'],
			correct: '1',
			explanation: 'The invasion came at the end of 1978 and took Phnom Penh in January 1979.'
		}),
		kinds: {
			questionId: { type: 'id', foreign: otherQ },
			prompt: { type: 'text', max: 1000 },
			option: { type: 'line', max: 300, repeated: true },
			correct: { type: 'number' },
			explanation: { type: 'text', max: 2000 }
		},
		required: ['questionId', 'prompt', 'option', 'correct'],
		writes: ['questions', 'set_items']
	},
	{
		key: '/sets/[id] ?/save',
		scenario: 'numeric',
		kind: 'action',
		who: 'teacher',
		path: (w) => `/sets/${w.taught.set.id}?/save`,
		base: (w) => ({ questionId: String(q(w, 'numeric').id), prompt: 'How many Chinese tourists visited Cambodia in 2016?', answer: '830,000', tolerance: '5000', accept: '' }),
		kinds: { answer: { type: 'line', max: 300 }, tolerance: { type: 'number' }, accept: { type: 'text', max: 4000 } },
		required: ['answer'],
		writes: ['questions', 'set_items']
	},
	{
		key: '/sets/[id] ?/status',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/sets/${p.id ?? w.taught.set.id}?/status`,
		params: { id: (w) => String(w.other.set.id) },
		base: (w) => ({ questionId: String(q(w, 'cloze').id), status: 'rejected' }),
		kinds: { questionId: { type: 'id', foreign: otherQ }, status: { type: 'enum' } },
		required: ['questionId', 'status'],
		writes: ['questions']
	},
	{
		key: '/sets/[id] ?/approveAll',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/sets/${p.id ?? w.taught.set.id}?/approveAll`,
		params: { id: (w) => String(w.other.set.id) },
		base: () => ({}),
		writes: ['questions']
	},
	{
		key: '/sets/[id] ?/move',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/sets/${p.id ?? w.taught.set.id}?/move`,
		params: { id: (w) => String(w.other.set.id) },
		base: (w) => ({ questionId: String(q(w, 'cloze').id), direction: 'up' }),
		kinds: { questionId: { type: 'id', foreign: otherQ }, direction: { type: 'enum' } },
		required: ['questionId', 'direction'],
		writes: ['set_items']
	},
	{
		key: '/sets/[id] ?/regenerate',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/sets/${p.id ?? w.taught.set.id}?/regenerate`,
		params: { id: (w) => String(w.other.set.id) },
		base: (w) => ({ questionId: String(q(w, 'cloze').id) }),
		kinds: { questionId: { type: 'id', foreign: otherQ } },
		required: ['questionId'],
		writes: ['questions', 'set_items']
	},
	{
		key: '/sets/[id] ?/add',
		kind: 'action',
		who: 'teacher',
		intruders: ['student', 'otherTeacher'],
		path: (w, p = {}) => `/sets/${p.id ?? w.taught.set.id}?/add`,
		params: { id: (w) => String(w.other.set.id) },
		base: (w) => ({
			type: 'cloze',
			source: `${w.taught.article.id}:${w.sentence.start}-${w.sentence.end}`,
			prompt: 'Cambodia’s biggest exports are ___ and footwear.',
			answer: 'garments',
			explanation: ''
		}),
		kinds: { type: { type: 'enum' }, prompt: { type: 'text', max: 1000 }, answer: { type: 'line', max: 300 }, explanation: { type: 'text', max: 2000 } },
		required: ['type', 'source', 'prompt', 'answer'],
		writes: ['questions', 'set_items'],
		extra: [
			['garbage', 'abc'],
			['another article', 'OTHER'],
			['offsets outside the text', '1:99999-999999'],
			['negative offsets', '1:-5--1'],
			['SQL', `1:0-10' OR 1=1 --`]
		].map(
			([name, source]): Variant => ({
				name: `source: ${name}`,
				expect: 'refuse',
				req: (w) => ({
					method: 'POST',
					path: `/sets/${w.taught.set.id}?/add`,
					body: {
						kind: 'form',
						fields: { type: 'cloze', source: source === 'OTHER' ? `${w.other.article.id}:0-20` : source, prompt: 'Exports are ___ and footwear.', answer: 'garments' }
					}
				})
			})
		)
	},
	{
		key: '/sets/[id]/practice ?/start',
		kind: 'action',
		who: 'student',
		intruders: ['outsider', 'teacher'],
		path: (w, p = {}) => `/sets/${p.id ?? w.own.set.id}/practice?/start`,
		params: { id: (w) => String(w.other.set.id) },
		base: () => ({}),
		writes: ['attempts']
	},
	{
		key: '/api/review/rate POST',
		kind: 'json',
		who: 'student',
		intruders: ['outsider'],
		path: () => '/api/review/rate',
		base: (w) => ({ cardId: String(w.card.id), version: String(w.card.version), rating: '3', durationMs: '900' }),
		writes: ['cards', 'review_logs'],
		extra: [
			...(
				[
					['broken JSON', '{"cardId": 1,'],
					['an array', '[1, 2, 3]'],
					['null', 'null'],
					['a string', '"rate me"'],
					['empty object', '{}'],
					['cardId as text', '{"cardId": "1 OR 1=1", "version": 0, "rating": 3}'],
					['cardId negative', '{"cardId": -1, "version": 0, "rating": 3}'],
					['cardId huge', '{"cardId": 1e309, "version": 0, "rating": 3}'],
					['cardId a float', '{"cardId": 1.5, "version": 0, "rating": 3}'],
					['cardId an object', '{"cardId": {"$gt": 0}, "version": 0, "rating": 3}'],
					['cardId an array', '{"cardId": [1], "version": 0, "rating": 3}'],
					['lone surrogate', '{"cardId": "\\ud800", "version": 0, "rating": 3}'],
					['NUL', '{"cardId": "1\\u0000", "version": 0, "rating": 3}'],
					['script', `{"cardId": ${JSON.stringify(PAYLOADS.script)}, "version": 0, "rating": 3}`],
					['1 MB string', `{"cardId": "${'9'.repeat(1024 * 1024)}", "version": 0, "rating": 3}`],
					['deep nesting', '['.repeat(5000) + ']'.repeat(5000)]
				] as const
			).map(([name, text]): Variant => ({ name: `json: ${name}`, expect: 'refuse', req: () => ({ method: 'POST', path: '/api/review/rate', body: { kind: 'json', text } }) })),
			...(['rating', 'version'] as const).flatMap((field) =>
				[...(field === 'rating' ? ['0', '5'] : ['7']), '-1', '"3"x', 'true', '3.5', '"three"', '"0x1"'].map(
					(value): Variant => ({
						name: `json: ${field}=${value}`,
						expect: 'refuse',
						req: (w) => {
							const fields: Record<string, string> = { cardId: String(w.card.id), version: String(w.card.version), rating: '3', [field]: value };
							return { method: 'POST', path: '/api/review/rate', body: { kind: 'json', text: `{${Object.entries(fields).map(([k, v]) => `"${k}": ${v}`).join(', ')}}` } };
						}
					})
				)
			),
			{ name: 'someone else’s card', expect: 'refuse', req: (w) => ({ method: 'POST', path: '/api/review/rate', body: { kind: 'json', text: JSON.stringify({ cardId: w.otherCard.id, version: 0, rating: 3 }) } }) },
			{ name: 'a stale version', expect: 'refuse', req: (w) => ({ method: 'POST', path: '/api/review/rate', body: { kind: 'json', text: JSON.stringify({ cardId: w.card.id, version: 99, rating: 3 }) } }) },
			{ name: 'sent as a form', expect: 'refuse', req: (w) => ({ method: 'POST', path: '/api/review/rate', body: { kind: 'form', fields: { cardId: String(w.card.id), version: '0', rating: '3' } } }) },
			{ name: 'sent as text/plain', expect: 'refuse', req: (w) => ({ method: 'POST', path: '/api/review/rate', body: { kind: 'raw', contentType: 'text/plain', bytes: Buffer.from(JSON.stringify({ cardId: w.card.id, version: 0, rating: 3 })) } }) },
			{ name: 'no body', expect: 'refuse', req: () => ({ method: 'POST', path: '/api/review/rate', body: { kind: 'raw', contentType: 'application/json', bytes: Buffer.alloc(0) } }) },
			{ name: 'invalid UTF-8', expect: 'refuse', req: () => ({ method: 'POST', path: '/api/review/rate', body: { kind: 'raw', contentType: 'application/json', bytes: Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]) } }) }
		]
	},
	{
		key: '/api/health GET',
		kind: 'endpoint',
		method: 'GET',
		who: 'anon',
		path: () => '/api/health',
		writes: [],
		extra: [
			{ name: 'query junk', expect: 'either', req: () => ({ method: 'GET', path: `/api/health?x=${encodeURIComponent(PAYLOADS.script)}&y=%ED%A0%80&z=${'a'.repeat(4000)}` }) },
			{ name: 'POST', expect: 'refuse', req: () => ({ method: 'POST', path: '/api/health', body: { kind: 'json', text: '{}' } }) },
			{ name: 'DELETE', expect: 'refuse', req: () => ({ method: 'DELETE', path: '/api/health' }) }
		]
	},
	{
		key: '/attempts/[attemptId] GET',
		kind: 'endpoint',
		method: 'GET',
		who: 'student',
		intruders: ['outsider', 'teacher'],
		path: (w, p = {}) => `/attempts/${p.attemptId ?? w.attempt.id}`,
		params: { attemptId: (w) => String(w.otherAttempt.id) },
		writes: []
	},
	{
		key: '/classes/[id]/gradebook.csv GET',
		kind: 'endpoint',
		method: 'GET',
		who: 'teacher',
		intruders: ['student', 'otherTeacher', 'outsider'],
		path: (w, p = {}) => `/classes/${p.id ?? w.cls.id}/gradebook.csv`,
		params: { id: (w) => String(w.otherCls.id) },
		writes: []
	}
];

// Pages: every page with bad and foreign ids in its address and junk in its query string.
// Reading a page never writes, and a bad id is a 4xx with a message.
const JUNK = encodeURIComponent(PAYLOADS.script) + '%00%ED%A0%80' + encodeURIComponent(PAYLOADS.sqlDrop);
type PageSpec = Omit<Target, 'kind' | 'method' | 'writes'>;
const PAGE_SPECS: PageSpec[] = [
	{ key: '/ page', who: 'student', anonymousAllowed: true, path: () => `/?x=${JUNK}` },
	{ key: '/login page', who: 'anon', path: () => `/login?redirectTo=${encodeURIComponent('//evil.example/')}&x=${JUNK}` },
	{ key: '/signup page', who: 'anon', path: () => `/signup?redirectTo=${encodeURIComponent('javascript:alert(1)')}` },
	{ key: '/settings page', who: 'student', path: () => `/settings?x=${JUNK}` },
	{ key: '/articles page', who: 'student', path: () => `/articles?x=${JUNK}` },
	{ key: '/articles/new page', who: 'student', path: () => `/articles/new?x=${JUNK}` },
	{ key: '/articles/[id] page', who: 'student', intruders: ['outsider'], path: (w, p = {}) => `/articles/${p.id ?? w.own.article.id}`, params: { id: (w) => String(w.other.article.id) } },
	{ key: '/assignments/[id] page', who: 'student', intruders: ['outsider'], path: (w, p = {}) => `/assignments/${p.id ?? w.assignment.id}`, params: { id: (w) => String(w.otherAssignment.id) } },
	{ key: '/attempts/[attemptId]/[n] page', who: 'student', intruders: ['outsider', 'teacher'], path: (w, p = {}) => `/attempts/${p.attemptId ?? w.attempt.id}/${p.n ?? '1'}`, params: { attemptId: (w) => String(w.otherAttempt.id), n: () => '7' } },
	{ key: '/attempts/[attemptId]/results page', who: 'student', intruders: ['outsider'], path: (w, p = {}) => `/attempts/${p.attemptId ?? w.attempt.id}/results`, params: { attemptId: (w) => String(w.otherAttempt.id) } },
	{ key: '/attempts/[attemptId]/submit page', who: 'student', intruders: ['outsider'], path: (w, p = {}) => `/attempts/${p.attemptId ?? w.attempt.id}/submit`, params: { attemptId: (w) => String(w.otherAttempt.id) } },
	{ key: '/classes page', who: 'student', path: () => `/classes?x=${JUNK}` },
	{ key: '/classes/new page', who: 'teacher', intruders: ['student'], path: () => '/classes/new' },
	{ key: '/classes/join page', who: 'student', path: () => `/classes/join?code=${JUNK}` },
	{ key: '/classes/[id] page', who: 'teacher', intruders: ['otherTeacher', 'outsider'], path: (w, p = {}) => `/classes/${p.id ?? w.cls.id}?assigned=${JUNK}`, params: { id: (w) => String(w.otherCls.id) } },
	{ key: '/review page', who: 'student', path: (w) => `/review?card=${w.otherCard.id}&show=1&answer=${JUNK}&undone=9&added=${JUNK}` },
	{ key: '/review/cram/[setId] page', who: 'student', intruders: ['outsider'], path: (w, p = {}) => `/review/cram/${p.setId ?? w.own.set.id}?order=${JUNK}&i=-5&right=${JUNK}&missed=1,2,x&show=1&answer=${JUNK}`, params: { setId: (w) => String(w.other.set.id) } },
	{ key: '/review/stats page', who: 'student', path: () => `/review/stats?x=${JUNK}` },
	{ key: '/sets page', who: 'student', path: () => `/sets?x=${JUNK}` },
	{ key: '/sets/[id] page', who: 'teacher', intruders: ['student', 'otherTeacher'], path: (w, p = {}) => `/sets/${p.id ?? w.taught.set.id}?add=${JUNK}`, params: { id: (w) => String(w.other.set.id) } },
	{ key: '/sets/[id]/practice page', who: 'student', intruders: ['outsider'], path: (w, p = {}) => `/sets/${p.id ?? w.own.set.id}/practice`, params: { id: (w) => String(w.other.set.id) } },
	{ key: '/logout page', who: 'anon', path: () => `/logout?x=${JUNK}` }
];
const PAGES: Target[] = PAGE_SPECS.map((p) => ({ ...p, kind: 'page', method: 'GET', writes: [] }));

// ---------------------------------------------------------------------------------------
// The variants.

const BAD_IDS = ['-1', '0', 'abc', '1.5', '1e3', '99999999999999999999', encodeURIComponent("1' OR '1'='1"), '%00'];

function withField(base: Fields, field: string, value: Value | undefined): Fields {
	const out = { ...base };
	if (value === undefined) delete out[field];
	else out[field] = value;
	return out;
}

/** Payloads for one field and whether each must be refused. */
function fieldPayloads(kind: Kind, required: boolean): [string, Value, Expect][] {
	const emptyExpect: Expect = required ? 'refuse' : 'either';
	const common: [string, Value, Expect][] = [
		['script', PAYLOADS.script, 'either'],
		['SQL OR', PAYLOADS.sqlOr, 'either'],
		['SQL DROP', PAYLOADS.sqlDrop, 'either']
	];
	switch (kind.type) {
		case 'line':
			return [
				['empty', '', emptyExpect],
				['only spaces', PAYLOADS.whitespaceOnly, emptyExpect],
				['only zero-width characters', PAYLOADS.zeroWidthOnly, emptyExpect],
				['10,000 characters', HUGE_NAME, 'refuse'],
				['1 MB', ONE_MB, 'refuse'],
				['NUL', PAYLOADS.nul, 'refuse'],
				['a control character', PAYLOADS.bell, 'refuse'],
				['a C1 control character', PAYLOADS.c1, 'refuse'],
				['a right-to-left override', PAYLOADS.rtlOverride, 'refuse'],
				['a lone surrogate (raw bytes)', PAYLOADS.loneSurrogate, 'refuse'],
				['an invalid byte', PAYLOADS.badByte, 'refuse'],
				['emoji, joiners and combining marks', PAYLOADS.emoji, 'either'],
				...common
			];
		case 'text':
			return [
				['empty', '', emptyExpect],
				['only spaces', PAYLOADS.whitespaceOnly, emptyExpect],
				['one over the limit', 'x'.repeat(kind.max + 1), 'refuse'],
				['1 MB', ONE_MB, 'refuse'],
				['NUL', PAYLOADS.nul, 'refuse'],
				['a lone surrogate (raw bytes)', PAYLOADS.loneSurrogate, 'either'],
				['emoji, joiners and combining marks', PAYLOADS.emoji, 'either'],
				...common
			];
		case 'email':
			return [
				['empty', '', 'refuse'],
				['no at sign', 'not-an-email', 'refuse'],
				['10,000 characters', `${HUGE_NAME}@example.org`, 'refuse'],
				['NUL', 'a\u0000b@example.org', 'refuse'],
				['a right-to-left override', 'gro.elpmaxe@\u202Eab', 'refuse'],
				['a lone surrogate (raw bytes)', PAYLOADS.loneSurrogate, 'refuse'],
				['script', `${PAYLOADS.script}@example.org`, 'refuse'],
				['SQL OR', `${PAYLOADS.sqlOr}@example.org`, 'refuse'],
				['an apostrophe', `o'brien-${++serial}@example.org`, 'either'],
				['non-ASCII', `zoë-${++serial}@exämple.org`, 'either']
			];
		case 'secret':
			return [
				['empty', '', 'refuse'],
				['10,000 characters', HUGE_NAME, 'refuse'],
				['NUL', PAYLOADS.nul, 'either'],
				...common
			];
		case 'number':
			return [
				['empty', '', required ? 'refuse' : 'either'],
				...(['abc', '-1', '1e999', 'Infinity', 'NaN', '9'.repeat(400), '0x10', '1,5', PAYLOADS.sqlOr, PAYLOADS.script] as const).map(
					(v): [string, Value, Expect] => [`not a number we take: ${v.slice(0, 20)}`, v, kind.lenient ? 'either' : 'refuse']
				)
			];
		case 'id':
			return [
				['empty', '', 'refuse'],
				...(['abc', '-1', '0', '1.5', '99999999999999999999', "1 OR 1=1", PAYLOADS.script] as const).map((v): [string, Value, Expect] => [`id ${v.slice(0, 20)}`, v, 'refuse'])
			];
		case 'enum':
			return [
				['empty', '', required ? 'refuse' : 'either'],
				['not one of the choices', 'bogus', 'refuse'],
				['script', PAYLOADS.script, 'refuse'],
				['SQL OR', PAYLOADS.sqlOr, 'refuse'],
				['1 MB', ONE_MB, 'refuse']
			];
		case 'code':
			return [
				['empty', '', 'refuse'],
				['unknown', 'NOPE2345', 'refuse'],
				['10,000 characters', HUGE_NAME, 'refuse'],
				['NUL', PAYLOADS.nul, 'refuse'],
				...common.map(([n, v]): [string, Value, Expect] => [n, v, 'refuse'])
			];
		case 'datetime':
			return [
				['words', 'next tuesday', 'refuse'],
				['impossible', '2026-13-45T99:99', 'refuse'],
				['year 99999', '99999-01-01T00:00', 'refuse'],
				['script', PAYLOADS.script, 'refuse'],
				['10,000 characters', HUGE_NAME, 'refuse']
			];
		case 'flag':
			return [['script', PAYLOADS.script, 'either']];
		case 'url':
		case 'free':
			return [['script', PAYLOADS.script, 'either']];
	}
}

function variantsOf(t: Target): Variant[] {
	const method = t.method ?? 'POST';
	const base = (w: World): Sent => ({ method, path: t.path(w), body: t.base ? { kind: 'form', fields: t.base(w) } : undefined });
	const out: Variant[] = [];
	const fieldsOf = (w: World) => t.base?.(w) ?? {};
	const baseExpect: Expect = t.baseRefused ? 'refuse' : 'either';

	if (t.kind === 'json') {
		out.push({ name: 'valid', expect: baseExpect, req: (w) => ({ method, path: t.path(w), body: { kind: 'json', text: JSON.stringify(Object.fromEntries(Object.entries(fieldsOf(w)).map(([k, v]) => [k, Number(v)]))) } }) });
	} else {
		out.push({ name: 'valid', expect: baseExpect, req: base });
	}
	if (method === 'POST') {
		out.push({ name: 'cross-site (Origin: https://evil.example)', expect: 'refuse', req: (w) => ({ ...out[0].req(w, t), origin: EVIL_ORIGIN }) });
		if (t.kind === 'action') {
			out.push({ name: 'no Origin header', expect: 'refuse', req: (w) => ({ ...base(w), origin: null }) });
			out.push({ name: 'a JSON body', expect: 'refuse', req: (w) => ({ method, path: t.path(w), body: { kind: 'json', text: JSON.stringify(fieldsOf(w)) } }) });
			out.push({ name: 'an unknown action', expect: 'refuse', req: (w) => ({ method, path: t.path(w).replace(/\?\/\w+$/, '') + '?/nope', body: base(w).body }) });
			const needsFields = (t.required ?? []).length > 0;
			const incomplete: Expect = needsFields ? 'refuse' : t.baseRefused ? 'refuse' : 'either';
			out.push({ name: 'an empty body', expect: incomplete, req: (w) => ({ method, path: t.path(w), body: { kind: 'form', fields: {} } }) });
			out.push({
				name: 'a broken urlencoded body',
				expect: incomplete,
				req: (w) => ({ method, path: t.path(w), body: { kind: 'raw', contentType: 'application/x-www-form-urlencoded', bytes: Buffer.from('%%%=%E0%A4%A&&==&\u0000') } })
			});
			out.push({
				name: 'a broken multipart body',
				expect: incomplete,
				req: (w) => ({ method, path: t.path(w), body: { kind: 'raw', contentType: 'multipart/form-data; boundary=xyz', bytes: Buffer.from('--xyz\r\nContent-Disposition: form-data\r\n\r\nno end') } })
			});
			out.push({ name: 'the fields as multipart', expect: baseExpect, req: (w) => ({ method, path: t.path(w), body: { kind: 'multipart', fields: fieldsOf(w) } }) });
		}
	}
	if (t.who !== 'anon') {
		const expect: Expect = t.anonymousAllowed ? 'either' : t.kind === 'json' ? 'refuse' : 'login';
		out.push({ name: 'not logged in', expect, who: 'anon', req: (w) => out[0].req(w, t) });
	}
	for (const intruder of t.intruders ?? []) out.push({ name: `as ${intruder}`, expect: 'refuse', who: intruder, req: (w) => out[0].req(w, t) });
	for (const [param, foreign] of Object.entries(t.params ?? {})) {
		for (const bad of BAD_IDS) {
			out.push({ name: `${param} = ${decodeURIComponent(bad).slice(0, 20)}`, expect: 'refuse', req: (w) => ({ ...out[0].req(w, t), path: t.path(w, { [param]: bad }) }) });
		}
		out.push({ name: `${param} = someone else’s`, expect: 'refuse', req: (w) => ({ ...out[0].req(w, t), path: t.path(w, { [param]: foreign(w) }) }) });
	}
	for (const [field, kind] of Object.entries(t.kinds ?? {})) {
		const required = (t.required ?? []).includes(field);
		// A repeated field (the options of a question) gets the payload in its first place.
		const placed = (w: World, value: Value | undefined): Value | undefined => {
			const current = fieldsOf(w)[field];
			return Array.isArray(current) && value !== undefined && !Array.isArray(value) && typeof value === 'string' ? [value, ...current.slice(1)] : value;
		};
		const form = (w: World, value: Value | undefined): Sent => ({ method, path: t.path(w), body: { kind: 'form', fields: withField(fieldsOf(w), field, placed(w, value)) } });
		if (required) out.push({ name: `${field}: missing`, expect: 'refuse', req: (w) => form(w, undefined) });
		out.push({
			name: `${field}: a file instead of text`,
			expect: required ? 'refuse' : 'either',
			req: (w) => ({ method, path: t.path(w), body: { kind: 'multipart', fields: withField(fieldsOf(w), field, { file: 'text in a file' }) } })
		});
		out.push({
			name: `${field}: given twice`,
			expect: 'either',
			req: (w) => {
				const first = fieldsOf(w)[field];
				return form(w, [...(Array.isArray(first) ? first : typeof first === 'string' ? [first] : []), PAYLOADS.script]);
			}
		});
		if (kind.type === 'id' && kind.foreign) {
			const foreign = kind.foreign;
			out.push({ name: `${field}: someone else’s`, expect: 'refuse', req: (w) => form(w, foreign(w)) });
		}
		for (const [name, value, expect] of fieldPayloads(kind, required)) {
			const blank = typeof value === 'string' && !value.replace(/[\s\u200B-\u200D\u2060]/g, '');
			out.push({
				name: `${field}: ${name}`,
				// One blank option among four leaves three: that may be a valid question.
				expect: t.baseRefused ? 'refuse' : blank && kind.type === 'line' && kind.repeated ? 'either' : expect,
				req: (w) => form(w, value)
			});
		}
	}
	return [...out, ...(t.extra ?? [])];
}

// ---------------------------------------------------------------------------------------
// Running a variant: send it (as the enhanced form and, when refused, as a plain form
// too), read the answer, compare the database before and after.

let lastSnapshot: { version: number; snap: DbSnapshot } | null = null;
function snap(): DbSnapshot {
	// data_version changes when another connection (the server) commits: cheap "did anything change?".
	const version = db.$client.pragma('data_version', { simple: true }) as number;
	if (lastSnapshot && lastSnapshot.version === version) return lastSnapshot.snap;
	const s = snapshot(db);
	lastSnapshot = { version, snap: s };
	return s;
}

async function runTarget(t: Target): Promise<{ problems: string[]; ran: number }> {
	const problems: string[] = [];
	let ran = 0;
	for (const v of variantsOf(t)) {
		const w = await currentWorld();
		lastSnapshot = null;
		const who = v.who ?? t.who;
		const req = v.req(w, t);
		const styles: Style[] = t.kind === 'action' ? (v.expect === 'either' ? ['enhanced'] : ['enhanced', 'plain']) : t.kind === 'page' ? ['plain'] : ['endpoint'];
		let enhancedMessage: string | null = null;
		let enhancedStatus: number | null = null;
		for (const style of styles) {
			const label = `${t.key}${t.scenario ? ` (${t.scenario})` : ''} — ${v.name} [${style}]`;
			const before = snap();
			let answer: Answer;
			try {
				answer = await readAnswer(await send(clientOf(w, who), req, style), style);
			} catch (err) {
				problems.push(`${label}: the request failed: ${err}`);
				continue;
			}
			ran++;
			const changed = changedTables(before, snap());
			if (changed.length) {
				world = null;
				await t.settle?.();
			}
			const status = answer.status;
			if (status >= 500) {
				problems.push(`${label}: ${status} ${answer.body.slice(0, 300)}`);
				continue;
			}
			if (v.expect === 'login') {
				if (!(answer.type === 'redirect' && answer.location?.startsWith('/login'))) problems.push(`${label}: expected a redirect to log in, got ${status} ${answer.type}`);
				if (changed.length) problems.push(`${label}: wrote ${changed.join(', ')} for a visitor who is not logged in`);
				continue;
			}
			const refused = status >= 400 || answer.type === 'failure' || answer.type === 'error';
			if (v.expect === 'refuse' && !refused) {
				problems.push(`${label}: expected a 4xx, got ${status} ${answer.type}${answer.location ? ` → ${answer.location}` : ''}; wrote ${changed.join(', ') || 'nothing'}`);
				continue;
			}
			if (refused) {
				if (status < 400) problems.push(`${label}: refused with status ${status}`);
				const unclear = unclearMessage(answer.message);
				if (unclear) problems.push(`${label}: ${status} with ${unclear}`);
				const wrote = changed.filter((table) => !(t.refusalWrites ?? []).includes(table));
				if (wrote.length) problems.push(`${label}: refused (${status}) but wrote ${wrote.join(', ')}`);
				if (style === 'enhanced') {
					enhancedMessage = answer.type === 'failure' ? answer.message : null;
					enhancedStatus = status;
				} else if (style === 'plain') {
					if (enhancedStatus !== null && status !== enhancedStatus) problems.push(`${label}: the page answered ${status}, the enhanced form ${enhancedStatus}`);
					// When the page itself cannot be shown (the load refuses too), its error page speaks instead.
					const errorPage = answer.body.includes('class="card error-page');
					if (enhancedMessage && answer.type === 'page' && !errorPage && !pageMessages(answer.body).includes(enhancedMessage)) {
						problems.push(`${label}: the page does not show the message "${enhancedMessage}" (it shows ${JSON.stringify(pageMessages(answer.body))})`);
					}
				}
			} else {
				const stray = changed.filter((table) => !t.writes.includes(table));
				if (stray.length) problems.push(`${label}: accepted but wrote ${stray.join(', ')}, which it should not touch`);
			}
		}
	}
	return { problems, ran };
}

beforeAll(async () => {
	server = await startServer();
	db = openDatabase(server.dbPath);
	// The demo article generates its questions in the background at the first start; let it finish.
	await noPendingArticles();
});
afterAll(async () => {
	db?.$client.close();
	await server?.dispose();
});

describe('hostile input to every action and endpoint', () => {
	for (const target of [...TARGETS, ...PAGES]) {
		it(`${target.key}${target.scenario ? ` (${target.scenario})` : ''}`, async () => {
			const { problems, ran } = await runTarget(target);
			if (process.env.HOSTILE_LOG) appendFileSync(process.env.HOSTILE_LOG, problems.map((p) => p + '\n').join(''));
			expect(ran).toBeGreaterThan(0);
			expect(problems).toEqual([]);
		});
	}

	it('logged no server error while answering all of it', () => {
		expect(server.output()).not.toMatch(/Error/);
	});
});

// ---------------------------------------------------------------------------------------
// The table must name every action, endpoint and page there is.

function routeFiles(dir = 'src/routes'): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? routeFiles(path) : [path];
	});
}

function routeId(file: string): string {
	const dir = relative('src/routes', join(file, '..')).split(sep).join('/');
	return '/' + dir;
}

function scannedRoutes(): string[] {
	const keys: string[] = [];
	for (const file of routeFiles()) {
		const id = routeId(file).replace(/\/$/, '') || '/';
		const source = readFileSync(file, 'utf8');
		if (file.endsWith('+page.server.ts')) {
			const block = /export const actions[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source);
			if (block) for (const m of block[1].matchAll(/^\t(\w+):/gm)) keys.push(`${id} ?/${m[1]}`);
		}
		if (file.endsWith('+server.ts')) {
			for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|fallback)\b/g)) keys.push(`${id} ${m[1]}`);
		}
		if (file.endsWith('+page.svelte') || (file.endsWith('+page.server.ts') && /export const load\b/.test(source))) keys.push(`${id} page`);
	}
	return [...new Set(keys)].sort();
}

describe('the table of actions and endpoints', () => {
	it('covers every form action, endpoint and page in src/routes, and nothing that is gone', () => {
		const covered = [...new Set([...TARGETS, ...PAGES].map((t) => t.key))].sort();
		const routes = scannedRoutes();
		expect(routes.length).toBeGreaterThan(30);
		expect(routes.filter((k) => !covered.includes(k)), 'actions or endpoints missing from the hostile-input table').toEqual([]);
		expect(covered.filter((k) => !routes.includes(k)), 'table entries for routes that no longer exist').toEqual([]);
	});
});
