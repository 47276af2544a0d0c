/**
 * The hostile-input table: every form action, endpoint and page of the app, with what a
 * valid request looks like, what each field is, and what a successful request may write.
 * tests/http/hostile-input.test.ts fails when a route exists that this table misses.
 */
import { eq } from 'drizzle-orm';
import type { DB } from '../../../src/lib/server/db/client';
import { articles } from '../../../src/lib/server/db/schema';
import { ARTICLE_TEXT } from '../fixtures';
import { PAYLOADS, type Fields, type Sent } from './requests';
import type { World, Who } from './world';

let serial = 0;
/** A value no earlier request used (e-mail addresses must be new to sign up). */
export const unique = () => `${++serial}-${Date.now()}`;

export type Kind =
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

export type Expect = 'refuse' | 'either' | 'login';
export type Variant = { name: string; expect: Expect; who?: Who; req: (w: World, t: Target) => Sent };

export type Target = {
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
	settle?: (db: DB) => Promise<void>;
};

const q = (w: World, type: string) => w.taught.questions.find((x) => x.type === type)!;
const otherQ = (w: World) => String(w.other.questions[0].id);
const attemptPath = (w: World, p: Record<string, string> = {}, action = 'answer') =>
	`/attempts/${p.attemptId ?? w.attempt.id}/${p.n ?? '1'}?/${action}`;

/** Waits (bounded) until no article waits for its questions: generation runs after the request. */
export async function noPendingArticles(db: DB): Promise<void> {
	for (let i = 0; i < 400; i++) {
		const pending = db.select({ id: articles.id }).from(articles).where(eq(articles.generationStatus, 'pending')).all();
		if (!pending.length) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('generation did not finish');
}

const QUESTION_WRITES = ['questions', 'set_items'];

export const TARGETS: Target[] = [
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
		base: () => ({ name: 'New Person', email: `new-${unique()}@example.org`, password: 'a fine password', role: 'student' }),
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
export const PAGES: Target[] = PAGE_SPECS.map((p) => ({ ...p, kind: 'page', method: 'GET', writes: [] }));