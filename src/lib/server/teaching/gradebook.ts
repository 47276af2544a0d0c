/**
 * The gradebook: the class's students × its assignments. A quiz cell has the best score of
 * the submitted attempts and how many attempts were submitted out of those allowed; a
 * review-deck cell has the mastery (mean predicted recall of the deck's cards today) and
 * how many of the cards the student has reviewed.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignments, attempts, type Class } from '../db/schema';
import { listMembers, type Member } from './membership';
import { loadDeckMastery } from './class-mastery';
import { toCsv, type CsvCell } from '../../teaching/csv';
import { autoSubmitExpired } from '../quiz/submit';

export type QuizCell = {
	kind: 'quiz';
	/** Best score of the submitted attempts, 0..1; null before the first submission. */
	best: number | null;
	submitted: number;
	allowed: number;
	inProgress: boolean;
};
export type ReviewCell = { kind: 'review'; mastery: number; reviewed: number; total: number };
export type GradebookCell = QuizCell | ReviewCell;

export type GradebookColumn = { id: number; title: string; kind: 'quiz' | 'review'; attemptsAllowed: number; dueAt: Date | null };

export type Gradebook = {
	columns: GradebookColumn[];
	rows: Array<{ student: Member; cells: GradebookCell[] }>;
	/** Per column: the mean best score (quizzes, over students who submitted) or the mean mastery (decks). */
	averages: Array<number | null>;
	/** Per column: students who submitted (quizzes) or reviewed every card (decks). */
	completed: number[];
};

/**
 * Submits the class's quiz attempts whose time ran out (as the quiz engine does whenever
 * anyone looks at them), so the gradebook counts them. Returns how many were closed.
 */
export function closeExpiredAttempts(db: DB, classId: number, now: Date): number {
	const quizzes = db
		.select({ id: assignments.id })
		.from(assignments)
		.where(and(eq(assignments.classId, classId), eq(assignments.kind, 'quiz')))
		.all();
	return quizzes.reduce((closed, q) => closed + autoSubmitExpired(db, { assignmentId: q.id }, now), 0);
}

export function loadGradebook(db: DB, classId: number, now: Date): Gradebook {
	const students = listMembers(db, classId);
	const columns = db
		.select({
			id: assignments.id,
			title: assignments.title,
			kind: assignments.kind,
			attemptsAllowed: assignments.attemptsAllowed,
			dueAt: assignments.dueAt
		})
		.from(assignments)
		.where(eq(assignments.classId, classId))
		.orderBy(asc(assignments.createdAt), asc(assignments.id))
		.all();
	const quizIds = columns.filter((c) => c.kind === 'quiz').map((c) => c.id);
	const attemptRows = quizIds.length
		? db
				.select({ assignmentId: attempts.assignmentId, userId: attempts.userId, submittedAt: attempts.submittedAt, score: attempts.score })
				.from(attempts)
				.where(inArray(attempts.assignmentId, quizIds))
				.all()
		: [];
	const decks = loadDeckMastery(
		db,
		columns.filter((c) => c.kind === 'review').map((c) => c.id),
		students.map((s) => s.id),
		now
	);

	const rows = students.map((student) => ({
		student,
		cells: columns.map((col): GradebookCell => {
			if (col.kind === 'review') {
				const m = decks.find((d) => d.assignmentId === col.id)?.byStudent.get(student.id);
				return { kind: 'review', mastery: m?.mastery ?? 0, reviewed: m?.reviewed ?? 0, total: m?.total ?? 0 };
			}
			const mine = attemptRows.filter((a) => a.assignmentId === col.id && a.userId === student.id);
			const done = mine.filter((a) => a.submittedAt !== null);
			const scores = done.map((a) => a.score ?? 0);
			return {
				kind: 'quiz',
				best: scores.length ? Math.max(...scores) : null,
				submitted: done.length,
				allowed: col.attemptsAllowed,
				inProgress: mine.some((a) => a.submittedAt === null)
			};
		})
	}));

	const averages = columns.map((_, i) => {
		const values = rows.flatMap((r) => {
			const cell = r.cells[i];
			if (cell.kind === 'review') return [cell.mastery];
			return cell.best === null ? [] : [cell.best];
		});
		return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
	});
	const completed = columns.map(
		(_, i) =>
			rows.filter((r) => {
				const cell = r.cells[i];
				return cell.kind === 'quiz' ? cell.submitted > 0 : cell.total > 0 && cell.reviewed === cell.total;
			}).length
	);
	return { columns, rows, averages, completed };
}

const pct = (value: number) => Math.round(value * 1000) / 10;

/** The gradebook as CSV: one row per student, two columns per assignment. */
export function gradebookCsv(book: Gradebook): string {
	const header: CsvCell[] = ['Student', 'E-mail'];
	for (const col of book.columns) {
		if (col.kind === 'quiz') {
			header.push(`${col.title} (quiz): best score %`, `${col.title} (quiz): attempts submitted of ${col.attemptsAllowed}`);
		} else {
			header.push(`${col.title} (review deck): mastery %`, `${col.title} (review deck): cards reviewed`);
		}
	}
	const body = book.rows.map((row) => {
		const cells: CsvCell[] = [row.student.name, row.student.email];
		for (const cell of row.cells) {
			if (cell.kind === 'quiz') cells.push(cell.best === null ? '' : pct(cell.best), cell.submitted);
			else cells.push(pct(cell.mastery), `${cell.reviewed} of ${cell.total}`);
		}
		return cells;
	});
	return toCsv([header, ...body]);
}

export function gradebookFileName(cls: Pick<Class, 'name'>, now: Date): string[] {
	return [cls.name, 'gradebook', now.toISOString().slice(0, 10)];
}
