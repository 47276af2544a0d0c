import { describe, expect, it } from 'vitest';
import { checkFreeText, cleanLine, hasVisibleText } from '../../src/lib/text-rules';
import { ValidationError } from '../../src/lib/server/errors';

const NAME = { field: 'name', label: 'Your name', max: 20, required: 'Please enter your name.' };

function refusal(fn: () => unknown): string {
	try {
		fn();
	} catch (err) {
		if (err instanceof ValidationError) return err.message;
		throw err;
	}
	throw new Error('not refused');
}

describe('one-line values (names, titles)', () => {
	it('collapse spaces, trim and normalise to NFC', () => {
		expect(cleanLine('  Zoe\u0308\t\n Smith ', NAME)).toBe('Zoë Smith');
		expect(cleanLine('Zoë 👩‍🔬 שלום', NAME)).toBe('Zoë 👩‍🔬 שלום');
	});

	it.each([
		['NUL', 'a\u0000b', 'control characters'],
		['a bell', 'a\u0007b', 'control characters'],
		['a C1 control', 'a\u0085b', 'control characters'],
		['a right-to-left override', 'abc\u202Edef', 'reverse the direction'],
		['a directional isolate', 'abc\u2067def', 'reverse the direction'],
		['U+FFFD from broken UTF-8', 'Jos\uFFFD', 'could not be read'],
		['an unpaired surrogate', 'a\uD800b', 'could not be read']
	])('refuse %s, naming the field', (_label, value, reason) => {
		expect(refusal(() => cleanLine(value, NAME))).toContain(reason);
		expect(refusal(() => cleanLine(value, NAME))).toMatch(/^Your name /);
	});

	it('treat spaces and invisible characters alone as empty', () => {
		expect(refusal(() => cleanLine('\u200B\u200D\u2060 ', NAME))).toBe('Please enter your name.');
		expect(cleanLine('\u200B', { label: 'A title', max: 10 })).toBe('');
		expect(hasVisibleText('\uFEFF\u00A0')).toBe(false);
		expect(hasVisibleText('‍👍')).toBe(true);
	});

	it('count the length after tidying', () => {
		expect(cleanLine(`  ${'x'.repeat(20)}  `, NAME)).toHaveLength(20);
		expect(refusal(() => cleanLine('x'.repeat(21), NAME))).toBe('Your name can be at most 20 characters.');
	});
});

describe('free text (articles, questions, answers)', () => {
	it('keeps tabs, newlines and a quoted U+FFFD, refuses NUL and unpaired surrogates', () => {
		expect(checkFreeText('line one\n\tline two\r\n\uFFFD', 'The text')).toContain('line two');
		expect(refusal(() => checkFreeText('a\u0000b', 'The text'))).toContain('control characters');
		expect(refusal(() => checkFreeText('a\uDC00b', 'The text'))).toContain('could not be read');
	});
});
