/**
 * The "Assign a set" form, checked and converted: times typed in the teacher's time zone
 * become instants (see zoned-time.ts for the daylight-saving rules).
 */
import { ValidationError } from '../server/errors';
import { ASSIGNMENT_KINDS, FEEDBACK_MODES } from '../server/db/schema';
import { localInputToDate } from './zoned-time';
import { cleanLine } from '../text-rules';

export const ASSIGNMENT_LIMITS = { title: 200, attempts: 10, timeLimitMinutes: 600 } as const;

export type AssignmentForm = {
	setId: string;
	kind: string;
	title: string;
	attemptsAllowed: string;
	timeLimitMinutes: string;
	opensAt: string;
	dueAt: string;
	shuffleQuestions: string;
	shuffleOptions: string;
	feedback: string;
};

export type AssignmentInput = {
	setId: number;
	kind: (typeof ASSIGNMENT_KINDS)[number];
	/** Empty: the set's title is used. */
	title: string;
	attemptsAllowed: number;
	timeLimitSeconds: number | null;
	opensAt: Date | null;
	dueAt: Date | null;
	shuffleQuestions: boolean;
	shuffleOptions: boolean;
	feedback: (typeof FEEDBACK_MODES)[number];
};

function wholeNumber(raw: string, min: number, max: number, field: string, message: string): number {
	// Digits only: "0x10", "1e2" and "Infinity" are numbers to JavaScript, not to a teacher.
	const n = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
	if (!Number.isInteger(n) || n < min || n > max) throw new ValidationError(message, field);
	return n;
}

function instant(raw: string, timeZone: string, field: string, label: string): Date | null {
	if (!raw.trim()) return null;
	const date = localInputToDate(raw, timeZone);
	if (!date) throw new ValidationError(`${label} is not a date and time (use the picker, or type e.g. 2026-03-29T09:00).`, field);
	return date;
}

const checked = (raw: string) => raw === 'on' || raw === 'true' || raw === '1';

export function parseAssignmentForm(form: AssignmentForm, timeZone: string, now: Date): AssignmentInput {
	const setId = Number(form.setId);
	if (!/^\d+$/.test(form.setId.trim()) || !Number.isSafeInteger(setId)) {
		throw new ValidationError('Choose the set to assign.', 'setId');
	}
	const kind = ASSIGNMENT_KINDS.find((k) => k === form.kind);
	if (!kind) throw new ValidationError('Choose whether it is a quiz or a review deck.', 'kind');
	const title = cleanLine(form.title, { field: 'title', label: 'A title', max: ASSIGNMENT_LIMITS.title });
	const opensAt = instant(form.opensAt, timeZone, 'opensAt', 'The opening time');
	const dueAt = instant(form.dueAt, timeZone, 'dueAt', 'The due time');
	if (opensAt && dueAt && dueAt.getTime() <= opensAt.getTime()) {
		throw new ValidationError('The due time must come after the opening time.', 'dueAt');
	}
	if (dueAt && dueAt.getTime() <= now.getTime()) throw new ValidationError('The due time has already passed.', 'dueAt');

	if (kind === 'review') {
		return {
			setId,
			kind,
			title,
			attemptsAllowed: 1,
			timeLimitSeconds: null,
			opensAt,
			dueAt,
			shuffleQuestions: false,
			shuffleOptions: false,
			feedback: 'submit'
		};
	}
	const attemptsAllowed = wholeNumber(
		form.attemptsAllowed || '1',
		1,
		ASSIGNMENT_LIMITS.attempts,
		'attemptsAllowed',
		`Attempts allowed must be a whole number from 1 to ${ASSIGNMENT_LIMITS.attempts}.`
	);
	const timeLimitSeconds = form.timeLimitMinutes.trim()
		? wholeNumber(
				form.timeLimitMinutes,
				1,
				ASSIGNMENT_LIMITS.timeLimitMinutes,
				'timeLimitMinutes',
				`The time limit must be a whole number of minutes from 1 to ${ASSIGNMENT_LIMITS.timeLimitMinutes}, or empty for none.`
			) * 60
		: null;
	const feedback = FEEDBACK_MODES.find((f) => f === form.feedback);
	if (!feedback) throw new ValidationError('Choose when students see the correct answers.', 'feedback');
	if (feedback === 'due' && !dueAt) {
		throw new ValidationError('To show answers after the due time, set a due time.', 'feedback');
	}
	return {
		setId,
		kind,
		title,
		attemptsAllowed,
		timeLimitSeconds,
		opensAt,
		dueAt,
		shuffleQuestions: checked(form.shuffleQuestions),
		shuffleOptions: checked(form.shuffleOptions),
		feedback
	};
}
