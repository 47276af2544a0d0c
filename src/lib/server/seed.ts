import { count } from 'drizzle-orm';
import type { DB } from './db/client';
import { classes, memberships, users } from './db/schema';
import { createUser } from './accounts';
import { createArticle } from './articles';
import { newJoinCode } from './join-code';
import demoArticle from './demo/functions-of-money.txt?raw';

export const DEMO_ACCOUNTS = [
	{ role: 'teacher', name: 'Demo Teacher', email: 'teacher@factdeck.example', password: 'factdeck-teacher' },
	{ role: 'student', name: 'Demo Student', email: 'student@factdeck.example', password: 'factdeck-student' }
] as const;

export type DemoSeed = { accounts: typeof DEMO_ACCOUNTS; classId: number; articleId: number; setId: number };

/**
 * On an empty database: a teacher, a student in the teacher's class, and the sample
 * article waiting for generation (the server queues it right after seeding).
 */
export async function seedDemoIfEmpty(db: DB, now = new Date()): Promise<DemoSeed | null> {
	const existing = db.select({ n: count() }).from(users).get();
	if (existing && existing.n > 0) return null;
	const teacher = await createUser(db, DEMO_ACCOUNTS[0]);
	const student = await createUser(db, DEMO_ACCOUNTS[1]);
	const classId = db.transaction((tx) => {
		const cls = tx
			.insert(classes)
			.values({ teacherId: teacher.id, name: 'Economics 101', joinCode: newJoinCode(), createdAt: now })
			.returning()
			.get();
		tx.insert(memberships).values({ classId: cls.id, userId: student.id, joinedAt: now }).run();
		return cls.id;
	}, { behavior: 'immediate' });
	const title = demoArticle.slice(0, demoArticle.indexOf('\n')).trim();
	const { articleId, setId } = createArticle(
		db,
		teacher.id,
		{ title, text: demoArticle, source: 'OpenStax, Principles of Economics 3e, §27.1 (CC BY 4.0)', sourceKind: 'paste' },
		now
	);
	return { accounts: DEMO_ACCOUNTS, classId, articleId, setId };
}
