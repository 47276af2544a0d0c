import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DB } from './db/client';
import { articles, assignments, classes, memberships } from './db/schema';
import { preparedFor } from './db/prepared';
import { queueCounts, type StudyUser } from './review/queue';

export type Dashboard = ReturnType<typeof loadDashboard>;

const p = <T extends string>(name: T) => sql.placeholder(name);

// Every logged-in visit to / runs these: prepared once per connection (building a drizzle
// query costs more than running it). Times are epoch milliseconds, as stored.
const queries = preparedFor((db: DB) => ({
	openAssignments: db
		.select({
			id: assignments.id,
			title: assignments.title,
			kind: assignments.kind,
			dueAt: assignments.dueAt,
			className: classes.name,
			attemptsAllowed: assignments.attemptsAllowed,
			submitted: sql<number>`(SELECT count(*) FROM attempts t WHERE t.assignment_id = ${assignments.id} AND t.user_id = ${p('userId')} AND t.submitted_at IS NOT NULL)`,
			inProgress: sql<number>`EXISTS (SELECT 1 FROM attempts t WHERE t.assignment_id = ${assignments.id} AND t.user_id = ${p('userId')} AND t.submitted_at IS NULL)`
		})
		.from(assignments)
		.innerJoin(memberships, and(eq(memberships.classId, assignments.classId), eq(memberships.userId, p('userId'))))
		.innerJoin(classes, eq(classes.id, assignments.classId))
		.where(
			and(
				or(isNull(assignments.opensAt), lte(assignments.opensAt, p('now'))),
				or(isNull(assignments.dueAt), gt(assignments.dueAt, p('now'))),
				// A quiz whose attempts are all used is done, not open.
				sql`(${assignments.kind} = 'review' OR (SELECT count(*) FROM attempts t WHERE t.assignment_id = ${assignments.id} AND t.user_id = ${p('userId')} AND t.submitted_at IS NOT NULL) < ${assignments.attemptsAllowed})`
			)
		)
		.orderBy(sql`${assignments.dueAt} IS NULL`, asc(assignments.dueAt))
		.limit(20)
		.prepare(),
	recentArticles: db
		.select({ id: articles.id, title: articles.title, createdAt: articles.createdAt, status: articles.generationStatus })
		.from(articles)
		.where(eq(articles.ownerId, p('userId')))
		.orderBy(desc(articles.createdAt))
		.limit(5)
		.prepare(),
	// Taught or joined; the OR of two indexed lookups (a join would scan every class).
	myClasses: db
		.select({ id: classes.id, name: classes.name })
		.from(classes)
		.where(
			or(
				eq(classes.teacherId, p('userId')),
				inArray(classes.id, db.select({ id: memberships.classId }).from(memberships).where(eq(memberships.userId, p('userId'))))
			)
		)
		.orderBy(asc(classes.name))
		.prepare()
}));

/** What the dashboard shows: cards waiting today, open assignments, recent articles, classes. */
export function loadDashboard(db: DB, user: StudyUser, now: Date) {
	const q = queries(db);
	const userId = user.id;
	// The same counts as /review: due learning and review cards, and new cards, within today's limits.
	const queue = queueCounts(db, user, now);
	return {
		dueReviews: queue.learning + queue.review,
		newCards: queue.new,
		openAssignments: q.openAssignments.all({ userId, now: now.getTime() }),
		recentArticles: q.recentArticles.all({ userId }),
		classes: q.myClasses.all({ userId })
	};
}
