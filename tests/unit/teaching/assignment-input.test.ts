import { describe, expect, it } from 'vitest';
import { parseAssignmentForm, type AssignmentForm } from '../../../src/lib/teaching/assignment-input';
import { ValidationError } from '../../../src/lib/server/errors';

const NOW = new Date('2026-03-20T12:00:00Z');
const form: AssignmentForm = {
	setId: '7',
	kind: 'quiz',
	title: '  Week   3 quiz ',
	attemptsAllowed: '2',
	timeLimitMinutes: '15',
	opensAt: '2026-03-28T09:00',
	dueAt: '2026-03-29T09:00',
	shuffleQuestions: 'on',
	shuffleOptions: '',
	feedback: 'due'
};

function fieldOf(change: Partial<AssignmentForm>, zone = 'Europe/London'): string | undefined {
	try {
		parseAssignmentForm({ ...form, ...change }, zone, NOW);
	} catch (err) {
		if (err instanceof ValidationError) return err.field;
		throw err;
	}
	throw new Error('expected a ValidationError');
}

describe('the "Assign a set" form', () => {
	it('converts the times from the teacher’s zone across a DST change', () => {
		// London moves to BST at 01:00 UTC on 29 March 2026: 09:00 on the 28th is GMT, on the 29th BST.
		const input = parseAssignmentForm(form, 'Europe/London', NOW);
		expect(input.opensAt?.toISOString()).toBe('2026-03-28T09:00:00.000Z');
		expect(input.dueAt?.toISOString()).toBe('2026-03-29T08:00:00.000Z');
		expect(input).toMatchObject({
			setId: 7,
			kind: 'quiz',
			title: 'Week 3 quiz',
			attemptsAllowed: 2,
			timeLimitSeconds: 900,
			shuffleQuestions: true,
			shuffleOptions: false,
			feedback: 'due'
		});
		const ny = parseAssignmentForm(form, 'America/New_York', NOW);
		expect(ny.dueAt?.toISOString()).toBe('2026-03-29T13:00:00.000Z');
	});

	it('leaves optional times and the time limit empty', () => {
		const input = parseAssignmentForm({ ...form, opensAt: '', dueAt: '', timeLimitMinutes: '', feedback: 'submit' }, 'UTC', NOW);
		expect(input).toMatchObject({ opensAt: null, dueAt: null, timeLimitSeconds: null });
	});

	it('ignores quiz settings for a review deck', () => {
		const input = parseAssignmentForm({ ...form, kind: 'review', attemptsAllowed: '99', timeLimitMinutes: 'x' }, 'UTC', NOW);
		expect(input).toMatchObject({ kind: 'review', attemptsAllowed: 1, timeLimitSeconds: null, shuffleQuestions: false });
	});

	it.each([
		['setId', { setId: 'abc' }],
		['kind', { kind: 'exam' }],
		['title', { title: 'x'.repeat(201) }],
		['attemptsAllowed', { attemptsAllowed: '0' }],
		['attemptsAllowed', { attemptsAllowed: '11' }],
		['attemptsAllowed', { attemptsAllowed: '1.5' }],
		['timeLimitMinutes', { timeLimitMinutes: '0' }],
		['timeLimitMinutes', { timeLimitMinutes: '601' }],
		['opensAt', { opensAt: 'next week' }],
		['dueAt', { dueAt: '2026-02-30T10:00' }],
		['dueAt', { dueAt: '2026-03-28T09:00' }],
		['dueAt', { opensAt: '', dueAt: '2026-03-20T11:59' }],
		['feedback', { feedback: 'never' }],
		['feedback', { dueAt: '', feedback: 'due' }]
	])('names the %s field when it is wrong', (field, change) => {
		expect(fieldOf(change)).toBe(field);
	});
});
