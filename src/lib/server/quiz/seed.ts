import { randomInt } from 'node:crypto';

/** A fresh seed for an attempt's shuffles (routes pass it in; tests use fixed seeds). */
export function newAttemptSeed(): number {
	return randomInt(0, 2 ** 32 - 1);
}
