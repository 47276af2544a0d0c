/**
 * What text typed into a form may hold. Shared by every form, so a name, a title or an
 * answer is refused for the same reasons with the same words.
 *
 * - Characters that could not be read (U+FFFD, what invalid UTF-8 becomes, and unpaired
 *   surrogates) mean a name arrived broken: refused, so nobody is called "Jos�". Free text
 *   (an article, an answer) may quote a U+FFFD it was given, but never an unpaired surrogate.
 * - Control characters (NUL, bell, escape, C1 controls…) are never typed on purpose and
 *   break CSV files, terminals and other programs: refused. Free text keeps tab and newlines.
 * - In names and titles, characters that override the direction of text (U+202A–U+202E,
 *   U+2066–U+2069) can make one name read as another in a list: refused. Ordinary
 *   right-to-left text needs none of them.
 * - A name made only of spaces and invisible characters (zero-width space, joiners) is
 *   empty. Zero-width joiners inside visible text (emoji, Indic and Persian scripts) are fine.
 */
import { ValidationError } from './server/errors';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNREADABLE = new RegExp(`\\uFFFD|${LONE_SURROGATE.source}`);
const CONTROL_IN_LINE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000E-\u001F\u007F]/;
const DIRECTION_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE = /[\s\p{Cf}]/gu;

export type LineRules = {
	/** Names the field, for the form to mark. */
	field?: string;
	/** "Your name", "The title": the start of each message. */
	label: string;
	max: number;
	/** The message for an empty value; when absent, empty is allowed (returned as ''). */
	required?: string;
};

/** Whether the text has anything a reader can see. */
export function hasVisibleText(text: string): boolean {
	return text.replace(INVISIBLE, '').length > 0;
}

/** The reason text typed into a free-text field (an article, a question, an answer) is refused, or null. */
export function freeTextProblem(text: string, label: string): string | null {
	if (LONE_SURROGATE.test(text)) return `${label} contains characters that could not be read. Type or paste it again.`;
	if (CONTROL_IN_TEXT.test(text)) return `${label} contains control characters (such as NUL), which are not allowed.`;
	return null;
}

/** The reason a one-line value (a name, a title, an option) is refused, or null. */
export function lineProblem(text: string, label: string): string | null {
	if (UNREADABLE.test(text)) return `${label} contains characters that could not be read. Type it again.`;
	if (CONTROL_IN_LINE.test(text)) return `${label} contains control characters (such as NUL), which are not allowed.`;
	if (DIRECTION_OVERRIDE.test(text)) return `${label} contains characters that reverse the direction of the text, which are not allowed.`;
	return null;
}

/**
 * A one-line value as stored: checked, spaces collapsed, trimmed, in Unicode NFC (so "é"
 * typed two ways is one name). Throws ValidationError naming the field.
 */
export function cleanLine(raw: string, rules: LineRules): string {
	const problem = lineProblem(raw, rules.label);
	if (problem) throw new ValidationError(problem, rules.field);
	const value = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
	if (!hasVisibleText(value)) {
		if (rules.required) throw new ValidationError(rules.required, rules.field);
		return '';
	}
	if (value.length > rules.max) throw new ValidationError(`${rules.label} can be at most ${rules.max} characters.`, rules.field);
	return value;
}

/** Free text as given, or a ValidationError naming the field. */
export function checkFreeText(text: string, label: string, field?: string): string {
	const problem = freeTextProblem(text, label);
	if (problem) throw new ValidationError(problem, field);
	return text;
}
