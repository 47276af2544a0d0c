import type { Assignment, Attempt, Question } from '$lib/server/db/schema';

/** What the quiz engine needs of a question (the key included: server side only). */
export type QuizQuestion = Pick<
	Question,
	'id' | 'type' | 'prompt' | 'answer' | 'options' | 'accept' | 'tolerance' | 'explanation' | 'sources'
>;

/** The assignment rules an attempt runs under; null for practice. */
export type QuizRules = Pick<Assignment, 'opensAt' | 'dueAt' | 'feedback'> | null;

export type AttemptTiming = Pick<Attempt, 'startedAt' | 'deadlineAt' | 'submittedAt'>;

/** What a student gives: text, a chosen option, or the items in their order. */
export type QuizResponse = string | string[];
