/**
 * What a student types as a join code, made comparable with the stored code: codes are
 * stored in capitals, so "abcd-2345" and " ABCD 2345 " find the same class. Spaces and
 * dashes (people group characters when they read a code aloud) are dropped.
 */
export function normaliseJoinCode(raw: string): string {
	return raw.normalize('NFKC').replace(/[\s\-‐-―_.]+/g, '').toUpperCase();
}

export const JOIN_CODE_MAX = 32;

/** A join code as shown on a board: "ABCD-2345" for an eight-character code. */
export function displayJoinCode(code: string): string {
	return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
