/**
 * What the class's teacher sees on /assignments/[id]: each student's results, and for a
 * quiz the item analysis (see $lib/teaching/item-analysis.ts) or for a review deck each
 * student's predicted recall of every card.
 *
 * Only current members of the class are counted: a removed student's attempts stay in the
 * database (their history) but leave the class's results.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DB } from '../db/client';
import { assignmentItems, attemptAnswers, attempts, questions, questionSets, type Assignment, type Class } from '../db/schema';
import { listMembers } from './membership';
import { loadDeckMastery } from './class-mastery';
import { analyseItems, type Response, type StudentAnswers } from '../../teaching/item-analysis';
import { assignmentPhase } from './assignments';

export function loadAssignmentReport(db: DB, assignment: Assignment, cls: Class, now: Date) {
	const set = db.select({ id: questionSets.id, title: questionSets.title }).from(questionSets).where(eq(questionSets.id, assignment.setId)).get();
	const items = db
		.select({
			id: questions.id,
			type: questions.type,
			prompt: questions.prompt,
			answer: questions.answer,
			options: questions.options,
			status: questions.status,
			position: assignmentItems.position
		})
		.from(assignmentItems)
		.innerJoin(questions, eq(questions.id, assignmentItems.questionId))
		.where(eq(assignmentItems.assignmentId, assignment.id))
		.orderBy(asc(assignmentItems.position))
		.all();
	const members = listMembers(db, cls.id);
	const base = {
		assignment,
		cls: { id: cls.id, name: cls.name },
		set: set ?? null,
		phase: assignmentPhase(assignment, now),
		items: items.map(({ id, type, prompt }) => ({ id, type, prompt }))
	};

	if (assignment.kind === 'review') {
		const [deck] = loadDeckMastery(db, [assignment.id], members.map((m) => m.id), now);
		return {
			...base,
			kind: 'review' as const,
			students: members.map((m) => {
				const mastery = deck.byStudent.get(m.id)!;
				return {
					id: m.id,
					name: m.name,
					mastery: mastery.mastery,
					reviewed: mastery.reviewed,
					total: mastery.total,
					perQuestion: items.map((i) => mastery.perQuestion.get(i.id) ?? null)
				};
			})
		};
	}

	const memberIds = new Set(members.map((m) => m.id));
	const attemptRows = db
		.select()
		.from(attempts)
		.where(eq(attempts.assignmentId, assignment.id))
		.orderBy(asc(attempts.startedAt), asc(attempts.id))
		.all()
		.filter((a) => memberIds.has(a.userId));
	const firstSubmitted = new Map<string, number>();
	for (const a of attemptRows) {
		if (a.submittedAt !== null && !firstSubmitted.has(a.userId)) firstSubmitted.set(a.userId, a.id);
	}
	const firstIds = [...firstSubmitted.values()];
	const answerRows = firstIds.length
		? db.select().from(attemptAnswers).where(inArray(attemptAnswers.attemptId, firstIds)).all()
		: [];
	const answersByAttempt = new Map<number, Map<number, Response>>();
	for (const row of answerRows) {
		const map = answersByAttempt.get(row.attemptId) ?? new Map<number, Response>();
		map.set(row.questionId, { response: row.response, correct: row.correct });
		answersByAttempt.set(row.attemptId, map);
	}
	const analysed: StudentAnswers[] = [...firstSubmitted].map(([userId, attemptId]) => ({
		userId,
		answers: answersByAttempt.get(attemptId) ?? new Map()
	}));
	const analysis = analyseItems(items, analysed);

	const students = members.map((m) => {
		const mine = attemptRows.filter((a) => a.userId === m.id);
		const done = mine.filter((a) => a.submittedAt !== null);
		const scores = done.map((a) => a.score ?? 0);
		return {
			id: m.id,
			name: m.name,
			started: mine.length,
			submitted: done.length,
			best: scores.length ? Math.max(...scores) : null,
			first: done.length ? (done[0].score ?? 0) : null,
			lastSubmittedAt: done.length ? done[done.length - 1].submittedAt : null,
			inProgress: mine.some((a) => a.submittedAt === null)
		};
	});
	const submittedScores = students.flatMap((s) => (s.best === null ? [] : [s.best]));

	return {
		...base,
		kind: 'quiz' as const,
		students,
		summary: {
			submitted: submittedScores.length,
			members: members.length,
			meanBest: submittedScores.length ? submittedScores.reduce((a, b) => a + b, 0) / submittedScores.length : null
		},
		analysis: {
			...analysis,
			items: analysis.items.map((stats, i) => ({ ...stats, prompt: items[i].prompt, type: items[i].type, position: i + 1 }))
		}
	};
}

export type AssignmentReport = ReturnType<typeof loadAssignmentReport>;
export type QuizReport = Extract<AssignmentReport, { kind: 'quiz' }>;
export type ReviewReport = Extract<AssignmentReport, { kind: 'review' }>;
