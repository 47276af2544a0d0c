import { count } from 'drizzle-orm';
import type { DB } from './db/client';
import { articles, classes, memberships, users } from './db/schema';
import { createUser } from './accounts';
import { newJoinCode } from './join-code';
import demoArticle from './demo/functions-of-money.txt?raw';

export const DEMO_ACCOUNTS = [
	{ role: 'teacher', name: 'Demo Teacher', email: 'teacher@factdeck.example', password: 'factdeck-teacher' },
	{ role: 'student', name: 'Demo Student', email: 'student@factdeck.example', password: 'factdeck-student' }
] as const;

export type DemoSeed = { accounts: typeof DEMO_ACCOUNTS; classId: number; articleId: number };

/** On an empty database: a teacher, a student in the teacher's class, and a sample article. */
export async function seedDemoIfEmpty(db: DB): Promise<DemoSeed | null> {
	const existing = db.select({ n: count() }).from(users).get();
	if (existing && existing.n > 0) return null;
	const [teacher, student] = [
		await createUser(db, DEMO_ACCOUNTS[0]),
		await createUser(db, DEMO_ACCOUNTS[1])
	];
	const [title, ...body] = demoArticle.split('\n');
	const result = db.transaction((tx) => {
		const cls = tx
			.insert(classes)
			.values({ teacherId: teacher.id, name: 'Economics 101', joinCode: newJoinCode() })
			.returning()
			.get();
		tx.insert(memberships).values({ classId: cls.id, userId: student.id }).run();
		const article = tx
			.insert(articles)
			.values({
				ownerId: teacher.id,
				title: title.trim(),
				source: 'OpenStax, Principles of Economics 3e, §27.1 (CC BY 4.0)',
				sourceKind: 'paste',
				text: body.join('\n').trim()
			})
			.returning()
			.get();
		return { classId: cls.id, articleId: article.id };
	});
	return { accounts: DEMO_ACCOUNTS, ...result };
}
