// Fills an empty, migrated database with a realistic school for the benchmark: one
// teacher per class with the development articles and the questions the generator makes
// from them (approved), students in classes, each with cards in every FSRS state and a
// review history, an open quiz assignment per class with every student part-way through
// an attempt, and an earlier submitted attempt for every other student.
//
// Everything is written with raw prepared statements in one transaction (a million review
// logs take seconds, not minutes). The random choices come from a fixed seed, so every run
// seeds the same school. Like the app, it does not run ANALYZE.
import type { DB } from '../src/lib/server/db/client';
import { generateSessionToken, sessionIdFromToken, SESSION_TTL } from '../src/lib/server/auth';
import { generate, type GeneratedQuestion } from '../src/lib/generation/index';
import { buildAttemptOrder, seededRandom, shownOptions } from '../src/lib/study/quiz/order';
import { gradeResponse, scoreOf } from '../src/lib/study/quiz/grading';
import type { QuizQuestion } from '../src/lib/study/quiz/types';
import { developmentArticles } from './generation';

export type SchoolSize = { students: number; classes: number; cards: number; reviewLogs: number };
export const DEFAULT_SIZE: SchoolSize = { students: 1000, classes: 40, cards: 200_000, reviewLogs: 1_000_000 };

/** A form post of one quiz answer, as the question page's enhanced form sends it. */
export type QuizAnswerPost = { attemptId: number; n: number; questionId: number; body: string; response: string | string[] };

export type SeededStudent = {
	id: string;
	/** A logged-in session's token (the `session` cookie). */
	token: string;
	/** The student's cards that are due at `now`, with the version a rating must name. */
	dueCards: { id: number; version: number }[];
	/** One valid answer for each question of the student's open quiz attempt. */
	answers: QuizAnswerPost[];
};

export type School = {
	students: SeededStudent[];
	teachers: { id: string; token: string }[];
	counts: { users: number; students: number; classes: number; questions: number; cards: number; reviewLogs: number; attempts: number; dueCards: number };
};

export type SeedOptions = {
	/** Sessions and quiz answers for every student (the HTTP runs need them; the queue bench does not). */
	forHttp?: boolean;
};

const DAY = 86_400_000;
const MINUTE = 60_000;
// A fixed hash: the bench logs in with sessions it creates, never with the password.
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzYWx0$Ku0nHzLfnwlTsfVU3Y7lg2ZTzGUFvSK8t7Ib4Rr0bHo';
const STATE_NEW = 0;
const STATE_LEARNING = 1;
const STATE_REVIEW = 2;
const STATE_RELEARNING = 3;

type PoolArticle = { title: string; text: string; questions: GeneratedQuestion[] };
let poolCache: PoolArticle[] | undefined;

/** Every question the generator makes from each development article (made once per process). */
export function questionPool(): PoolArticle[] {
	poolCache ??= developmentArticles().map(({ name, text }) => {
		const result = generate(text, { count: 0, seed: 1 });
		return { title: result.title || name.replace(/\.txt$/, ''), text, questions: result.questions };
	});
	return poolCache;
}

/** How many of `total` go to item `i` of `n`, spread evenly and summing exactly to `total`. */
function share(total: number, i: number, n: number): number {
	return Math.floor((total * (i + 1)) / n) - Math.floor((total * i) / n);
}

export function seedSchool(db: DB, size: SchoolSize, now: Date, options: SeedOptions = {}): School {
	const forHttp = options.forHttp ?? true;
	if (size.students < 1 || size.classes < 1 || size.classes > size.students) {
		throw new Error('A school needs at least one student per class.');
	}
	const sqlite = db.$client;
	const rnd = seededRandom(42);
	const t = now.getTime();
	const pool = questionPool();
	const poolSize = pool.reduce((n, a) => n + a.questions.length, 0);
	const maxCardsPerStudent = Math.ceil(size.cards / size.students);
	// Every class's teacher owns a copy of the articles; more copies when students need more questions.
	const copies = Math.max(1, Math.ceil(maxCardsPerStudent / poolSize));

	// Pass 1: every card's state, so the review logs can be shared out exactly among the studied ones.
	const states = new Uint8Array(size.cards);
	let studied = 0;
	for (let i = 0; i < size.cards; i++) {
		const u = rnd();
		states[i] = u < 0.1 ? STATE_NEW : u < 0.14 ? STATE_LEARNING : u < 0.16 ? STATE_RELEARNING : STATE_REVIEW;
		if (states[i] !== STATE_NEW) studied++;
	}

	const stmt = {
		user: sqlite.prepare(`INSERT INTO users (id, email, name, role, password_hash, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
		session: sqlite.prepare(`INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)`),
		cls: sqlite.prepare(`INSERT INTO classes (teacher_id, name, join_code, created_at) VALUES (?, ?, ?, ?)`),
		member: sqlite.prepare(`INSERT INTO memberships (class_id, user_id, joined_at) VALUES (?, ?, ?)`),
		article: sqlite.prepare(
			`INSERT INTO articles (owner_id, title, source, source_kind, text, generation_status, created_at) VALUES (?, ?, 'pasted', 'paste', ?, 'ready', ?)`
		),
		set: sqlite.prepare(`INSERT INTO question_sets (owner_id, title, created_at) VALUES (?, ?, ?)`),
		setArticle: sqlite.prepare(`INSERT INTO set_articles (set_id, article_id) VALUES (?, ?)`),
		question: sqlite.prepare(
			`INSERT INTO questions (article_id, owner_id, type, prompt, answer, options, accept, explanation, sources, tolerance, card_front, card_back, score, status, origin, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'approved', 'generated', ?, ?)`
		),
		item: sqlite.prepare(`INSERT INTO set_items (set_id, question_id, position) VALUES (?, ?, ?)`),
		card: sqlite.prepare(
			`INSERT INTO cards (user_id, question_id, origin, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, version, created_at)
			 VALUES (?, ?, 'self', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		log: sqlite.prepare(
			`INSERT INTO review_logs (card_id, user_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, review, duration_ms, previous_card)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		assignment: sqlite.prepare(
			`INSERT INTO assignments (class_id, set_id, kind, title, attempts_allowed, opens_at, due_at, shuffle_questions, shuffle_options, feedback, created_at)
			 VALUES (?, ?, 'quiz', ?, 3, ?, ?, ?, ?, 'submit', ?)`
		),
		assignmentItem: sqlite.prepare(`INSERT INTO assignment_items (assignment_id, question_id, position) VALUES (?, ?, ?)`),
		attempt: sqlite.prepare(
			`INSERT INTO attempts (user_id, assignment_id, set_id, question_order, option_orders, started_at, submitted_at, correct_count, total, score, mistake_cards_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		answer: sqlite.prepare(`INSERT INTO attempt_answers (attempt_id, question_id, response, correct, answered_at) VALUES (?, ?, ?, ?, ?)`)
	};

	const school: School = {
		students: [],
		teachers: [],
		counts: { users: 0, students: 0, classes: 0, questions: 0, cards: 0, reviewLogs: 0, attempts: 0, dueCards: 0 }
	};
	const counts = school.counts;
	const sessionFor = (userId: string): string => {
		if (!forHttp) return '';
		const token = generateSessionToken();
		stmt.session.run(sessionIdFromToken(token), userId, t + SESSION_TTL, t);
		return token;
	};
	const created = t - 300 * DAY;
	let cardIndex = 0;
	let studiedIndex = 0;

	/** A card and its history, consistent with each other: reps and version count the logs. */
	const writeCard = (userId: string, questionId: number, due: { id: number; version: number }[]) => {
		const state = states[cardIndex++];
		const logs = state === STATE_NEW ? 0 : share(size.reviewLogs, studiedIndex++, studied);
		const cardCreated = created + Math.round(rnd() * 30 * DAY);
		let dueAt: number;
		let stability = 0;
		let difficulty = 0;
		let scheduledDays = 0;
		let learningSteps = 0;
		let lastReview: number | null = null;
		if (state === STATE_NEW) {
			dueAt = cardCreated;
		} else if (state === STATE_REVIEW) {
			stability = Math.exp(rnd() * Math.log(180));
			difficulty = 1 + rnd() * 9;
			scheduledDays = Math.max(1, Math.round(stability));
			// Up to half the interval overdue: a school's backlog, so about 1 in 3 are due.
			lastReview = t - Math.round(rnd() * scheduledDays * 1.5 * DAY);
			dueAt = lastReview + scheduledDays * DAY;
		} else {
			stability = state === STATE_LEARNING ? 0.5 + rnd() * 2.5 : 1 + rnd() * 9;
			difficulty = 3 + rnd() * 6;
			learningSteps = 1;
			lastReview = t - Math.round(rnd() * 120 * MINUTE);
			dueAt = lastReview + 10 * MINUTE;
		}
		// The history: evenly spaced reviews from the card's creation up to its last review.
		const first = cardCreated + 10 * MINUTE;
		const end = lastReview ?? first;
		let lapses = 0;
		const ratings: number[] = [];
		for (let j = 0; j < logs; j++) {
			const last = j === logs - 1;
			const rating = last && state === STATE_RELEARNING ? 1 : j === 0 ? 3 : weightedRating(rnd());
			if (rating === 1 && j > 0) lapses++;
			ratings.push(rating);
		}
		if (state === STATE_RELEARNING) lapses = Math.max(1, lapses);
		const reps = logs;
		const version = logs;
		const cardId = Number(
			stmt.card.run(userId, questionId, dueAt, stability, difficulty, scheduledDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, version, cardCreated)
				.lastInsertRowid
		);
		let prevReview: number | null = null;
		let prevLapses = 0;
		for (let j = 0; j < logs; j++) {
			const review = logs === 1 ? end : Math.round(first + ((end - first) * j) / (logs - 1));
			const before = j === 0 ? STATE_NEW : state === STATE_LEARNING ? STATE_LEARNING : STATE_REVIEW;
			const s = j === 0 ? 0 : Math.round(stability * (j / logs) * 100) / 100;
			const d = j === 0 ? 0 : Math.round(difficulty * 100) / 100;
			const elapsed = prevReview === null ? 0 : Math.round((review - prevReview) / DAY);
			// The card as it was before this rating, as rate.ts snapshots it for undo.
			const previous =
				`{"id":${cardId},"userId":${JSON.stringify(userId)},"questionId":${questionId},"origin":"self","due":${review},` +
				`"stability":${s},"difficulty":${d},"elapsedDays":${elapsed},"scheduledDays":${elapsed},"learningSteps":0,` +
				`"reps":${j},"lapses":${prevLapses},"state":${before},"lastReview":${prevReview ?? 'null'},"version":${j},"createdAt":${cardCreated}}`;
			stmt.log.run(cardId, userId, ratings[j], before, review, s, d, elapsed, elapsed, elapsed, 0, review, 2000 + Math.floor(rnd() * 13000), previous);
			if (ratings[j] === 1 && j > 0) prevLapses++;
			prevReview = review;
		}
		counts.cards++;
		counts.reviewLogs += logs;
		if (state !== STATE_NEW && dueAt <= t) due.push({ id: cardId, version });
	};

	sqlite.transaction(() => {
		let student = 0;
		for (let c = 0; c < size.classes; c++) {
			const teacherId = `bench-teacher-${c}`;
			stmt.user.run(teacherId, `teacher${c}@bench.example`, `Teacher ${c + 1}`, 'teacher', HASH, 'Europe/London', created - 100 * DAY);
			counts.users++;
			school.teachers.push({ id: teacherId, token: sessionFor(teacherId) });
			const classId = Number(stmt.cls.run(teacherId, `Class ${c + 1}`, `BENCH${String(c).padStart(4, '0')}`, created).lastInsertRowid);
			counts.classes++;

			// The teacher's articles, one set each, with every question the generator made, approved.
			const classQuestions: number[] = [];
			const sets: { setId: number; questions: QuizQuestion[] }[] = [];
			for (let copy = 0; copy < copies; copy++) {
				for (const a of pool) {
					const title = copy === 0 ? a.title : `${a.title} (${copy + 1})`;
					const articleId = Number(stmt.article.run(teacherId, title, a.text, created).lastInsertRowid);
					const setId = Number(stmt.set.run(teacherId, title, created).lastInsertRowid);
					stmt.setArticle.run(setId, articleId);
					const setQuestions: QuizQuestion[] = [];
					a.questions.forEach((q, position) => {
						const options = q.options.length ? q.options : null;
						const id = Number(
							stmt.question.run(
								articleId,
								teacherId,
								q.type,
								q.prompt,
								JSON.stringify(q.answer),
								options ? JSON.stringify(options) : null,
								JSON.stringify(q.accept),
								q.explanation,
								JSON.stringify(q.sources),
								q.tolerance ?? null,
								q.card.front,
								q.card.back,
								q.score,
								created,
								created
							).lastInsertRowid
						);
						stmt.item.run(setId, id, position);
						classQuestions.push(id);
						setQuestions.push({ id, type: q.type, prompt: q.prompt, answer: q.answer, options, accept: q.accept, tolerance: q.tolerance ?? null, explanation: q.explanation, sources: q.sources });
						counts.questions++;
					});
					sets.push({ setId, questions: setQuestions });
				}
			}

			// An open quiz on one of the sets; half the classes shuffle questions and options.
			const quiz = sets[c % sets.length];
			const shuffle = c % 2 === 1;
			const assignmentId = Number(
				stmt.assignment.run(classId, quiz.setId, `Quiz: ${pool[c % pool.length].title}`, t - DAY, t + 14 * DAY, shuffle ? 1 : 0, shuffle ? 1 : 0, t - 2 * DAY)
					.lastInsertRowid
			);
			quiz.questions.forEach((q, position) => stmt.assignmentItem.run(assignmentId, q.id, position));

			const classSize = share(size.students, c, size.classes);
			for (let k = 0; k < classSize; k++, student++) {
				const userId = `bench-student-${student}`;
				stmt.user.run(userId, `student${student}@bench.example`, `Student ${student + 1}`, 'student', HASH, 'Europe/London', created);
				stmt.member.run(classId, userId, created);
				counts.users++;
				counts.students++;
				const due: { id: number; version: number }[] = [];
				const cardCount = share(size.cards, student, size.students);
				const offset = Math.floor(rnd() * classQuestions.length);
				for (let i = 0; i < cardCount; i++) writeCard(userId, classQuestions[(offset + i) % classQuestions.length], due);
				counts.dueCards += due.length;

				// Every other student already took the quiz once.
				if (student % 2 === 0) {
					const order = buildAttemptOrder(quiz.questions, { seed: student * 7 + 1, shuffleQuestions: shuffle, shuffleOptions: shuffle });
					const started = t - DAY + 30 * MINUTE;
					const finished = started + 20 * MINUTE;
					const given = quiz.questions.map((q) => {
						const response = responseFor(q, order.optionOrders[q.id], rnd);
						return { q, response, correct: gradeResponse(q, response).correct };
					});
					const correct = given.filter((g) => g.correct).length;
					const total = quiz.questions.length;
					const attemptId = Number(
						stmt.attempt.run(userId, assignmentId, quiz.setId, JSON.stringify(order.questionOrder), JSON.stringify(order.optionOrders), started, finished, correct, total, scoreOf(correct, total), finished)
							.lastInsertRowid
					);
					for (const g of given) stmt.answer.run(attemptId, g.q.id, JSON.stringify(g.response), g.correct ? 1 : 0, finished - MINUTE);
					counts.attempts++;
				}

				// The open attempt: started ten minutes ago, the first third answered.
				const order = buildAttemptOrder(quiz.questions, { seed: student * 7 + 2, shuffleQuestions: shuffle, shuffleOptions: shuffle });
				const attemptId = Number(
					stmt.attempt.run(userId, assignmentId, quiz.setId, JSON.stringify(order.questionOrder), JSON.stringify(order.optionOrders), t - 10 * MINUTE, null, null, quiz.questions.length, null, null)
						.lastInsertRowid
				);
				counts.attempts++;
				const byId = new Map(quiz.questions.map((q) => [q.id, q]));
				const answers: QuizAnswerPost[] = [];
				order.questionOrder.forEach((questionId, i) => {
					const q = byId.get(questionId)!;
					const response = responseFor(q, order.optionOrders[q.id], rnd);
					if (i < order.questionOrder.length / 3) {
						stmt.answer.run(attemptId, q.id, JSON.stringify(response), gradeResponse(q, response).correct ? 1 : 0, t - 5 * MINUTE);
					}
					if (forHttp) answers.push({ attemptId, n: i + 1, questionId, response, body: answerBody(questionId, response) });
				});
				school.students.push({ id: userId, token: sessionFor(userId), dueCards: due, answers });
			}
		}
	})();
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	return school;
}

/** 1 Again, 2 Hard, 3 Good, 4 Easy, roughly as students press them. */
function weightedRating(u: number): number {
	return u < 0.1 ? 1 : u < 0.22 ? 2 : u < 0.9 ? 3 : 4;
}

/** A valid response: mostly right, sometimes another option or a wrong guess. */
function responseFor(q: QuizQuestion, optionOrder: number[] | undefined, rnd: () => number): string | string[] {
	const right = rnd() < 0.7;
	switch (q.type) {
		case 'multiple_choice':
		case 'who_said':
		case 'true_false': {
			const shown = shownOptions(q, optionOrder);
			return right || shown.length === 0 ? String(q.answer) : shown[Math.floor(rnd() * shown.length)];
		}
		case 'ordering': {
			const answer = Array.isArray(q.answer) ? q.answer : [];
			return right ? [...answer] : shownOptions(q, optionOrder);
		}
		case 'numeric':
			return right ? String(q.answer) : '12';
		case 'cloze':
			return right ? String(q.answer) : 'I do not know';
	}
}

/** The urlencoded body the question page's form sends (autosave: `go=stay`). */
export function answerBody(questionId: number, response: string | string[]): string {
	const form = new URLSearchParams({ questionId: String(questionId) });
	if (Array.isArray(response)) for (const item of response) form.append('order', item);
	else form.append('response', response);
	form.append('go', 'stay');
	return form.toString();
}
