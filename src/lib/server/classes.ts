import { eq } from 'drizzle-orm';
import type { DB } from './db/client';
import { classes } from './db/schema';
import { cleanLine } from '../text-rules';
import { newJoinCode } from './join-code';

export const CLASS_NAME_MAX = 100;

export function validateClassName(raw: string): string {
	return cleanLine(raw, { field: 'name', label: 'A class name', max: CLASS_NAME_MAX, required: 'Give the class a name.' });
}

/** A random join code no class has yet (on the rare clash, another is drawn). */
export function unusedJoinCode(db: DB): string {
	for (let tries = 0; tries < 10; tries++) {
		const code = newJoinCode();
		if (!db.select({ id: classes.id }).from(classes).where(eq(classes.joinCode, code)).get()) return code;
	}
	throw new Error('Could not find an unused join code');
}

export function createClass(db: DB, teacherId: string, rawName: string) {
	const name = validateClassName(rawName);
	return db.insert(classes).values({ teacherId, name, joinCode: unusedJoinCode(db) }).returning().get();
}
