import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	real,
	index,
	uniqueIndex,
	primaryKey,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';

// Times are stored as integer milliseconds since the epoch (drizzle maps them to Date).
const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const ROLES = ['student', 'teacher'] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	role: text('role', { enum: ROLES }).notNull(),
	passwordHash: text('password_hash').notNull(),
	timeZone: text('time_zone').notNull().default('UTC'),
	desiredRetention: real('desired_retention').notNull().default(0.9),
	newPerDay: integer('new_per_day').notNull().default(20),
	reviewsPerDay: integer('reviews_per_day').notNull().default(200),
	/** Personal FSRS weights (JSON array) fitted by "Optimize my schedule"; null = defaults. */
	fsrsWeights: text('fsrs_weights', { mode: 'json' }).$type<number[]>(),
	createdAt: createdAt()
});

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 (hex) of the session token; the token itself is only in the cookie. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Failed log-in and sign-up attempts, counted per key ("ip:…" or "account:…") for throttling. */
export const authFailures = sqliteTable(
	'auth_failures',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		key: text('key').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('auth_failures_key_at_idx').on(t.key, t.at)]
);

export const GENERATION_STATUSES = ['pending', 'ready', 'failed'] as const;

export const articles = sqliteTable(
	'articles',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** "pasted", the uploaded file's name, or the URL. */
		source: text('source').notNull(),
		sourceKind: text('source_kind', { enum: ['paste', 'file', 'url'] }).notNull(),
		text: text('text').notNull(),
		generationStatus: text('generation_status', { enum: GENERATION_STATUSES })
			.notNull()
			.default('pending'),
		generationError: text('generation_error'),
		createdAt: createdAt()
	},
	(t) => [index('articles_owner_idx').on(t.ownerId, t.createdAt)]
);

export const QUESTION_TYPES = [
	'multiple_choice',
	'cloze',
	'true_false',
	'numeric',
	'who_said',
	'ordering'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const QUESTION_STATUSES = ['draft', 'approved', 'rejected'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QUESTION_ORIGINS = ['generated', 'edited', 'manual', 'imported'] as const;

export type SourceSpan = { start: number; end: number; text: string };

export const questions = sqliteTable(
	'questions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		articleId: integer('article_id')
			.notNull()
			.references(() => articles.id, { onDelete: 'cascade' }),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		type: text('type', { enum: QUESTION_TYPES }).notNull(),
		prompt: text('prompt').notNull(),
		/** A string, or for ordering the items in the right order. */
		answer: text('answer', { mode: 'json' }).$type<string | string[]>().notNull(),
		options: text('options', { mode: 'json' }).$type<string[]>(),
		accept: text('accept', { mode: 'json' }).$type<string[]>().notNull().default([]),
		explanation: text('explanation').notNull().default(''),
		sources: text('sources', { mode: 'json' }).$type<SourceSpan[]>().notNull(),
		/** Absolute tolerance for numeric answers. */
		tolerance: real('tolerance'),
		cardFront: text('card_front').notNull(),
		cardBack: text('card_back').notNull(),
		score: real('score').notNull().default(0),
		status: text('status', { enum: QUESTION_STATUSES }).notNull().default('draft'),
		origin: text('origin', { enum: QUESTION_ORIGINS }).notNull().default('generated'),
		/**
		 * The question this one replaced in its set. Editing or regenerating a question that an
		 * assignment already uses makes a new version, so the assignment keeps what students saw.
		 */
		previousVersionId: integer('previous_version_id').references((): AnySQLiteColumn => questions.id, {
			onDelete: 'set null'
		}),
		/** How many times "regenerate" has replaced this question (and its earlier versions). */
		regenerations: integer('regenerations').notNull().default(0),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [index('questions_article_idx').on(t.articleId)]
);

export const questionSets = sqliteTable(
	'question_sets',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('question_sets_owner_idx').on(t.ownerId)]
);

export const setArticles = sqliteTable(
	'set_articles',
	{
		setId: integer('set_id')
			.notNull()
			.references(() => questionSets.id, { onDelete: 'cascade' }),
		articleId: integer('article_id')
			.notNull()
			.references(() => articles.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.setId, t.articleId] }), index('set_articles_article_idx').on(t.articleId)]
);

export const setItems = sqliteTable(
	'set_items',
	{
		setId: integer('set_id')
			.notNull()
			.references(() => questionSets.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		position: integer('position').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.setId, t.questionId] }),
		index('set_items_order_idx').on(t.setId, t.position),
		index('set_items_question_idx').on(t.questionId)
	]
);

export const CARD_ORIGINS = ['self', 'assignment', 'quiz_mistake'] as const;

/** One user's FSRS memory state for one question (field names follow ts-fsrs's Card). */
export const cards = sqliteTable(
	'cards',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		origin: text('origin', { enum: CARD_ORIGINS }).notNull().default('self'),
		due: integer('due', { mode: 'timestamp_ms' }).notNull(),
		stability: real('stability').notNull().default(0),
		difficulty: real('difficulty').notNull().default(0),
		elapsedDays: integer('elapsed_days').notNull().default(0),
		scheduledDays: integer('scheduled_days').notNull().default(0),
		learningSteps: integer('learning_steps').notNull().default(0),
		reps: integer('reps').notNull().default(0),
		lapses: integer('lapses').notNull().default(0),
		/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
		state: integer('state').notNull().default(0),
		lastReview: integer('last_review', { mode: 'timestamp_ms' }),
		/** Bumped on every write; a rating must name the version it was shown. */
		version: integer('version').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('cards_user_question_idx').on(t.userId, t.questionId),
		// (user, state, due) answers the queue's per-state heads and counts from the index
		// alone, and the forecast (state > 0). No other index holds `due`: every rating
		// rewrites the entries of each index on it (the bench: a rating wrote 9.9 WAL pages
		// with a second (user, due) index, 7.9 without).
		index('cards_user_state_idx').on(t.userId, t.state, t.due),
		index('cards_question_idx').on(t.questionId)
	]
);

export const reviewLogs = sqliteTable(
	'review_logs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		cardId: integer('card_id')
			.notNull()
			.references(() => cards.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
		rating: integer('rating').notNull(),
		/** The card's state before this rating. */
		state: integer('state').notNull(),
		due: integer('due', { mode: 'timestamp_ms' }).notNull(),
		stability: real('stability').notNull(),
		difficulty: real('difficulty').notNull(),
		elapsedDays: integer('elapsed_days').notNull(),
		lastElapsedDays: integer('last_elapsed_days').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull(),
		review: integer('review', { mode: 'timestamp_ms' }).notNull(),
		durationMs: integer('duration_ms').notNull().default(0),
		/** The whole card row before the rating, so "undo" can restore it exactly. */
		previousCard: text('previous_card', { mode: 'json' }).$type<Record<string, unknown>>().notNull()
	},
	(t) => [
		// With the state, "how many new cards and reviews today" (every dashboard and review
		// page) is answered from the index alone, without reading a log row.
		index('review_logs_user_time_idx').on(t.userId, t.review, t.state),
		index('review_logs_card_idx').on(t.cardId, t.review)
	]
);

export const classes = sqliteTable(
	'classes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		teacherId: text('teacher_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		joinCode: text('join_code').unique(),
		joinEnabled: integer('join_enabled', { mode: 'boolean' }).notNull().default(true),
		createdAt: createdAt()
	},
	(t) => [index('classes_teacher_idx').on(t.teacherId)]
);

export const memberships = sqliteTable(
	'memberships',
	{
		classId: integer('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		joinedAt: integer('joined_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [primaryKey({ columns: [t.classId, t.userId] }), index('memberships_user_idx').on(t.userId)]
);

export const ASSIGNMENT_KINDS = ['quiz', 'review'] as const;
export const FEEDBACK_MODES = ['each', 'submit', 'due'] as const;

export const assignments = sqliteTable(
	'assignments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		classId: integer('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		setId: integer('set_id')
			.notNull()
			.references(() => questionSets.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ASSIGNMENT_KINDS }).notNull(),
		title: text('title').notNull(),
		attemptsAllowed: integer('attempts_allowed').notNull().default(1),
		timeLimitSeconds: integer('time_limit_seconds'),
		opensAt: integer('opens_at', { mode: 'timestamp_ms' }),
		dueAt: integer('due_at', { mode: 'timestamp_ms' }),
		shuffleQuestions: integer('shuffle_questions', { mode: 'boolean' }).notNull().default(false),
		shuffleOptions: integer('shuffle_options', { mode: 'boolean' }).notNull().default(false),
		feedback: text('feedback', { enum: FEEDBACK_MODES }).notNull().default('submit'),
		createdAt: createdAt()
	},
	(t) => [index('assignments_class_idx').on(t.classId), index('assignments_set_idx').on(t.setId)]
);

/** The approved questions frozen into an assignment when it is created. */
export const assignmentItems = sqliteTable(
	'assignment_items',
	{
		assignmentId: integer('assignment_id')
			.notNull()
			.references(() => assignments.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		position: integer('position').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.assignmentId, t.questionId] }),
		// "Is this question used by an assignment?" is asked on every edit in the set editor.
		index('assignment_items_question_idx').on(t.questionId)
	]
);

export const attempts = sqliteTable(
	'attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Set for an assigned quiz; null for practice. */
		assignmentId: integer('assignment_id').references(() => assignments.id, { onDelete: 'cascade' }),
		setId: integer('set_id')
			.notNull()
			.references(() => questionSets.id, { onDelete: 'cascade' }),
		/** Question ids in the order this student sees them. */
		questionOrder: text('question_order', { mode: 'json' }).$type<number[]>().notNull(),
		/** For each question id, the option order shown (indexes into the stored options). */
		optionOrders: text('option_orders', { mode: 'json' })
			.$type<Record<string, number[]>>()
			.notNull()
			.default({}),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		correctCount: integer('correct_count'),
		total: integer('total').notNull(),
		score: real('score'),
		/**
		 * When the wrongly answered questions became cards. Usually at submission; with
		 * feedback after the due time, only once the results are shown (cards would reveal
		 * the key earlier). Null until then, so it happens exactly once.
		 */
		mistakeCardsAt: integer('mistake_cards_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('attempts_assignment_user_idx').on(t.assignmentId, t.userId),
		index('attempts_user_idx').on(t.userId, t.startedAt),
		index('attempts_set_user_idx').on(t.setId, t.userId),
		// At most one unsubmitted attempt per student and quiz (practice: per set), so a
		// reload or a double click on Start resumes instead of starting a second attempt.
		uniqueIndex('attempts_one_open_quiz_idx')
			.on(t.userId, t.assignmentId)
			.where(sql`submitted_at IS NULL AND assignment_id IS NOT NULL`),
		uniqueIndex('attempts_one_open_practice_idx')
			.on(t.userId, t.setId)
			.where(sql`submitted_at IS NULL AND assignment_id IS NULL`)
	]
);

export const attemptAnswers = sqliteTable(
	'attempt_answers',
	{
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		/** What the student gave: text, the chosen option, or the ordered items. */
		response: text('response', { mode: 'json' }).$type<string | string[]>().notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.questionId] })]
);

export const OPTIMIZATION_STATUSES = ['running', 'done', 'failed'] as const;

/** A run of "Optimize my schedule": fitting personal FSRS weights off the request path. */
export const optimizations = sqliteTable(
	'optimizations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status', { enum: OPTIMIZATION_STATUSES }).notNull().default('running'),
		reviewCount: integer('review_count').notNull(),
		logLossBefore: real('log_loss_before'),
		logLossAfter: real('log_loss_after'),
		weights: text('weights', { mode: 'json' }).$type<number[]>(),
		error: text('error'),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('optimizations_user_idx').on(t.userId, t.startedAt)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type Question = typeof questions.$inferSelect;
export type QuestionSet = typeof questionSets.$inferSelect;
export type Card = typeof cards.$inferSelect;
export type ReviewLog = typeof reviewLogs.$inferSelect;
export type Class = typeof classes.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Attempt = typeof attempts.$inferSelect;
export type AttemptAnswer = typeof attemptAnswers.$inferSelect;
export type Optimization = typeof optimizations.$inferSelect;
