import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { assignmentItems, questions, setItems } from '../db/schema';
import type { QuizQuestion } from '$lib/study/quiz';
import type { Queryable } from './db-types';

/** The columns the quiz engine reads; card text, status and scores are never needed. */
const QUIZ_COLUMNS = {
	id: questions.id,
	type: questions.type,
	prompt: questions.prompt,
	answer: questions.answer,
	options: questions.options,
	accept: questions.accept,
	tolerance: questions.tolerance,
	explanation: questions.explanation,
	sources: questions.sources
};

/** A practice attempt covers the set's questions that were not rejected, in set order. */
export function practiceQuestions(db: Queryable, setId: number): QuizQuestion[] {
	return db
		.select(QUIZ_COLUMNS)
		.from(setItems)
		.innerJoin(questions, eq(questions.id, setItems.questionId))
		.where(and(eq(setItems.setId, setId), ne(questions.status, 'rejected')))
		.orderBy(asc(setItems.position))
		.all();
}

/** An assigned quiz covers the questions frozen into the assignment, in their order. */
export function assignmentQuestions(db: Queryable, assignmentId: number): QuizQuestion[] {
	return db
		.select(QUIZ_COLUMNS)
		.from(assignmentItems)
		.innerJoin(questions, eq(questions.id, assignmentItems.questionId))
		.where(eq(assignmentItems.assignmentId, assignmentId))
		.orderBy(asc(assignmentItems.position))
		.all();
}

export function questionsByIds(db: Queryable, ids: readonly number[]): Map<number, QuizQuestion> {
	if (!ids.length) return new Map();
	const rows = db.select(QUIZ_COLUMNS).from(questions).where(inArray(questions.id, [...ids])).all();
	return new Map(rows.map((row) => [row.id, row]));
}
