import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { DB } from './db/client';
import { articles, assignments, classes, memberships } from './db/schema';
import { queueCounts, type StudyUser } from './review/queue';

export type Dashboard = ReturnType<typeof loadDashboard>;

/** What the dashboard shows: cards waiting today, open assignments, recent articles, classes. */
export function loadDashboard(db: DB, user: StudyUser, now: Date) {
	const userId = user.id;
	// The same counts as /review: due learning and review cards, and new cards, within today's limits.
	const queue = queueCounts(db, user, now);
	const dueReviews = queue.learning + queue.review;
	const newCards = queue.new;
	const openAssignments = db
		.select({
			id: assignments.id,
			title: assignments.title,
			kind: assignments.kind,
			dueAt: assignments.dueAt,
			className: classes.name,
			attemptsAllowed: assignments.attemptsAllowed,
			submitted: sql<number>`(SELECT count(*) FROM attempts t WHERE t.assignment_id = ${assignments.id} AND t.user_id = ${userId} AND t.submitted_at IS NOT NULL)`,
			inProgress: sql<number>`EXISTS (SELECT 1 FROM attempts t WHERE t.assignment_id = ${assignments.id} AND t.user_id = ${userId} AND t.submitted_at IS NULL)`
		})
		.from(assignments)
		.innerJoin(memberships, and(eq(memberships.classId, assignments.classId), eq(memberships.userId, userId)))
		.innerJoin(classes, eq(classes.id, assignments.classId))
		.where(
			and(
				or(isNull(assignments.opensAt), lte(assignments.opensAt, now)),
				or(isNull(assignments.dueAt), gt(assignments.dueAt, now)),
				// A quiz whose attempts are all used is done, not open.
				sql`(${assignments.kind} = 'review' OR (SELECT count(*) FROM attempts t WHERE t.assignment_id = ${assignments.id} AND t.user_id = ${userId} AND t.submitted_at IS NOT NULL) < ${assignments.attemptsAllowed})`
			)
		)
		.orderBy(sql`${assignments.dueAt} IS NULL`, asc(assignments.dueAt))
		.limit(20)
		.all();
	const recentArticles = db
		.select({ id: articles.id, title: articles.title, createdAt: articles.createdAt, status: articles.generationStatus })
		.from(articles)
		.where(eq(articles.ownerId, userId))
		.orderBy(desc(articles.createdAt))
		.limit(5)
		.all();
	const myClasses = db
		.select({ id: classes.id, name: classes.name })
		.from(classes)
		.leftJoin(memberships, and(eq(memberships.classId, classes.id), eq(memberships.userId, userId)))
		.where(or(eq(classes.teacherId, userId), eq(memberships.userId, userId)))
		.orderBy(asc(classes.name))
		.all();
	return { dueReviews, newCards, openAssignments, recentArticles, classes: myClasses };
}
