import type { DB } from './db/client';
import { classes } from './db/schema';
import { ValidationError } from './errors';
import { newJoinCode } from './join-code';

export const CLASS_NAME_MAX = 100;

export function validateClassName(raw: string): string {
	const name = raw.trim().replace(/\s+/g, ' ');
	if (!name) throw new ValidationError('Give the class a name.', 'name');
	if (name.length > CLASS_NAME_MAX) throw new ValidationError(`A class name can be at most ${CLASS_NAME_MAX} characters.`, 'name');
	return name;
}

export function createClass(db: DB, teacherId: string, rawName: string) {
	const name = validateClassName(rawName);
	return db.insert(classes).values({ teacherId, name, joinCode: newJoinCode() }).returning().get();
}
