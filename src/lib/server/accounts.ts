import { eq } from 'drizzle-orm';
import type { DB } from './db/client';
import { users, ROLES, type Role, type User } from './db/schema';
import { ValidationError } from './errors';
import { cleanLine } from '../text-rules';
import { hashPassword, verifyPassword } from './password';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle';
import { invalidateUserSessions } from './auth';

export const LIMITS = { name: 100, email: 254, passwordMin: 8, passwordMax: 256 } as const;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export type SignUpInput = { name: string; email: string; password: string; role: string };

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function validateSignUp(input: SignUpInput): { name: string; email: string; password: string; role: Role } {
	const name = cleanLine(input.name, { field: 'name', label: 'Your name', max: LIMITS.name, required: 'Please enter your name.' });
	const email = normaliseEmail(input.email);
	validateEmail(email);
	validatePassword(input.password);
	if (!(ROLES as readonly string[]).includes(input.role)) {
		throw new ValidationError('Choose whether you are a student or a teacher.', 'role');
	}
	return { name, email, password: input.password, role: input.role as Role };
}

function validateEmail(email: string): void {
	if (!email) throw new ValidationError('Please enter your e-mail address.', 'email');
	if (email.length > LIMITS.email) throw new ValidationError(`An e-mail address can be at most ${LIMITS.email} characters.`, 'email');
	// Control, format and unreadable characters (NUL, direction overrides, U+FFFD) are never part of an address.
	if (!EMAIL.test(email) || /[\p{C}\uFFFD]/u.test(email)) throw new ValidationError('That does not look like an e-mail address.', 'email');
}

export function validatePassword(password: string): void {
	if (password.length < LIMITS.passwordMin) {
		throw new ValidationError(`The password must be at least ${LIMITS.passwordMin} characters.`, 'password');
	}
	if (password.length > LIMITS.passwordMax) {
		throw new ValidationError(`The password can be at most ${LIMITS.passwordMax} characters.`, 'password');
	}
}

export function newUserId(): string {
	return crypto.randomUUID();
}

const EMAIL_TAKEN = 'An account with this e-mail address already exists. Log in instead.';

/** Validates and inserts a user; the database's unique e-mail index settles races. */
export async function createUser(db: DB, input: SignUpInput): Promise<User> {
	const valid = validateSignUp(input);
	if (db.select({ id: users.id }).from(users).where(eq(users.email, valid.email)).get()) {
		throw new ValidationError(EMAIL_TAKEN, 'email');
	}
	const passwordHash = await hashPassword(valid.password);
	const user = db
		.insert(users)
		.values({ id: newUserId(), name: valid.name, email: valid.email, role: valid.role, passwordHash })
		.onConflictDoNothing()
		.returning()
		.get();
	if (!user) throw new ValidationError(EMAIL_TAKEN, 'email');
	return user;
}

/** Sign-up from the web: throttled per address, where repeated attempts on taken e-mails count. */
export async function signUp(db: DB, input: SignUpInput, ctx: { ip: string; now: Date }): Promise<User> {
	const key = `signup-ip:${ctx.ip}`;
	assertNotThrottled(db, [key], ctx.now);
	try {
		return await createUser(db, input);
	} catch (err) {
		if (err instanceof ValidationError && err.message === EMAIL_TAKEN) recordFailure(db, [key], ctx.now);
		throw err;
	}
}

export type LogInInput = { email: string; password: string };

/** Checks the password; failures are counted per address and per account for throttling. */
export async function logIn(db: DB, input: LogInInput, ctx: { ip: string; now: Date }): Promise<User> {
	const email = normaliseEmail(input.email);
	const keys = [`login-ip:${ctx.ip}`, `login-account:${email}`];
	assertNotThrottled(db, keys, ctx.now);
	if (!email || !input.password) throw new ValidationError('Enter your e-mail address and password.');
	if (email.length > LIMITS.email || input.password.length > LIMITS.passwordMax) {
		throw new ValidationError('Wrong e-mail address or password.');
	}
	const user = db.select().from(users).where(eq(users.email, email)).get();
	const ok = user ? await verifyPassword(user.passwordHash, input.password) : false;
	if (!user || !ok) {
		recordFailure(db, keys, ctx.now);
		throw new ValidationError('Wrong e-mail address or password.');
	}
	clearFailures(db, `login-account:${email}`);
	return user;
}

/** Sets a new password and ends every session of the user (the caller starts a fresh one). */
export async function changePassword(
	db: DB,
	userId: string,
	input: { current: string; next: string }
): Promise<void> {
	const user = db.select().from(users).where(eq(users.id, userId)).get();
	if (!user) throw new ValidationError('Unknown user.');
	if (!(await verifyPassword(user.passwordHash, input.current))) {
		throw new ValidationError('The current password is wrong.', 'current');
	}
	validatePassword(input.next);
	const passwordHash = await hashPassword(input.next);
	db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
	invalidateUserSessions(db, userId);
}

/** For the admin command: sets a password without knowing the old one and ends all sessions. */
export async function resetPassword(db: DB, email: string, password: string): Promise<void> {
	validatePassword(password);
	const user = db.select({ id: users.id }).from(users).where(eq(users.email, normaliseEmail(email))).get();
	if (!user) throw new ValidationError(`No user has the e-mail address ${email}.`, 'email');
	const passwordHash = await hashPassword(password);
	db.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
	invalidateUserSessions(db, user.id);
}

