import { and, count, desc, eq, isNull, ne } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignmentItems, attemptAnswers, attempts, questions, setArticles, setItems, type Assignment, type Attempt, type QuestionSet } from '../db/schema';
import { resultsVisibility, startWindow, type FeedbackMode, type StartWindow } from '$lib/study/quiz';
import type { AssignmentAccess } from './access';
import { autoSubmitExpired } from './submit';

export type OpenAttemptSummary = { id: number; answeredCount: number; total: number };
export type PastAttempt = {
	id: number;
	number: number;
	submittedAt: number;
	total: number;
	/** Null while the results are held back (feedback after the due time). */
	result: { correctCount: number; score: number } | null;
};

function answeredCount(db: DB, attemptId: number): number {
	return db.select({ n: count() }).from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId)).get()?.n ?? 0;
}

function summarise(db: DB, rows: Attempt[], rules: Pick<Assignment, 'feedback' | 'dueAt'> | null, now: Date) {
	const open = rows.find((a) => !a.submittedAt);
	const past: PastAttempt[] = rows
		.map((a, i) => ({ a, number: rows.length - i }))
		.filter(({ a }) => a.submittedAt)
		.map(({ a, number }) => {
			const visible = resultsVisibility(a, rules, now).visible;
			return {
				id: a.id,
				number,
				submittedAt: a.submittedAt!.getTime(),
				total: a.total,
				result: visible ? { correctCount: a.correctCount ?? 0, score: a.score ?? 0 } : null
			};
		});
	return {
		openAttempt: open ? { id: open.id, answeredCount: answeredCount(db, open.id), total: open.total } : null,
		pastAttempts: past
	};
}

export type AssignmentIntro = {
	assignmentId: number;
	title: string;
	className: string;
	kind: Assignment['kind'];
	questionCount: number;
	timeLimitSeconds: number | null;
	attemptsAllowed: number;
	attemptsUsed: number;
	opensAt: number | null;
	dueAt: number | null;
	feedback: FeedbackMode;
	/** Whether a new attempt may start now, and if not why. */
	start: StartWindow;
	openAttempt: OpenAttemptSummary | null;
	pastAttempts: PastAttempt[];
};

/** The student's intro screen of an assigned quiz: its rules, their attempts, whether they can start. */
export function loadAssignmentIntro(db: DB, access: AssignmentAccess, userId: string, now: Date): AssignmentIntro {
	const a = access.assignment;
	autoSubmitExpired(db, { assignmentId: a.id, userId }, now);
	const rows = db
		.select()
		.from(attempts)
		.where(and(eq(attempts.assignmentId, a.id), eq(attempts.userId, userId)))
		.orderBy(desc(attempts.startedAt), desc(attempts.id))
		.all();
	const questionCount = db.select({ n: count() }).from(assignmentItems).where(eq(assignmentItems.assignmentId, a.id)).get()?.n ?? 0;
	return {
		assignmentId: a.id,
		title: a.title,
		className: access.className,
		kind: a.kind,
		questionCount,
		timeLimitSeconds: a.timeLimitSeconds,
		attemptsAllowed: a.attemptsAllowed,
		attemptsUsed: rows.length,
		opensAt: a.opensAt?.getTime() ?? null,
		dueAt: a.dueAt?.getTime() ?? null,
		feedback: a.feedback,
		start: startWindow(a, rows.length, now),
		...summarise(db, rows, a, now)
	};
}

export type PracticeIntro = {
	setId: number;
	/** The set's (first) article, to go back to. */
	articleId: number | null;
	title: string;
	questionCount: number;
	openAttempt: OpenAttemptSummary | null;
	pastAttempts: PastAttempt[];
};

/** The practice screen of a set: how many questions, an attempt to resume, the last results. */
export function loadPracticeIntro(db: DB, set: QuestionSet, userId: string, now: Date): PracticeIntro {
	const rows = db
		.select()
		.from(attempts)
		.where(and(eq(attempts.setId, set.id), eq(attempts.userId, userId), isNull(attempts.assignmentId)))
		.orderBy(desc(attempts.startedAt), desc(attempts.id))
		.limit(20)
		.all();
	const questionCount =
		db
			.select({ n: count() })
			.from(setItems)
			.innerJoin(questions, eq(questions.id, setItems.questionId))
			.where(and(eq(setItems.setId, set.id), ne(questions.status, 'rejected')))
			.get()?.n ?? 0;
	const article = db.select({ id: setArticles.articleId }).from(setArticles).where(eq(setArticles.setId, set.id)).limit(1).get();
	return { setId: set.id, articleId: article?.id ?? null, title: set.title, questionCount, ...summarise(db, rows, null, now) };
}
