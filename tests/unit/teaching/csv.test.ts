import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, neutraliseCell, toCsv } from '../../../src/lib/teaching/csv';

describe('CSV (RFC 4180)', () => {
	it('ends every record with CRLF, the last one too', () => {
		expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
	});

	it('quotes fields with commas, quotes, CR or LF and doubles the quotes inside', () => {
		expect(csvField('Smith, Jo')).toBe('"Smith, Jo"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
		expect(csvField('plain text')).toBe('plain text');
	});

	it('writes numbers as numbers, and empty cells for null, undefined and non-finite numbers', () => {
		expect(toCsv([[42, -3.5, null, undefined, Number.NaN, 0]])).toBe('42,-3.5,,,,0\r\n');
	});

	it.each([
		['=SUM(A1:A9)', "'=SUM(A1:A9)"],
		['+1-555-0100', "'+1-555-0100"],
		['-2+3', "'-2+3"],
		['@cmd', "'@cmd"],
		['\tTabbed', "'\tTabbed"],
		['\rReturn', "'\rReturn"],
		['Ann = Bob', 'Ann = Bob']
	])('neutralises %j as a formula', (input, output) => {
		expect(neutraliseCell(input)).toBe(output);
	});

	it('neutralises first, then quotes', () => {
		expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvField('\rx')).toBe(`"'\rx"`);
	});

	it('parses back to the same cells with a strict RFC 4180 reader', () => {
		const rows = [
			['Name', 'Note'],
			['Zoë "Z" Ådahl', 'line one\r\nline two'],
			['a,b', '']
		];
		expect(parseCsv(toCsv(rows))).toEqual(rows);
	});

	it('makes a safe file name', () => {
		expect(csvFileName('Économie 9B / "Spring"', 'gradebook', '2026-03-01')).toBe('economie-9b-spring-gradebook-2026-03-01.csv');
		expect(csvFileName('***')).toBe('export.csv');
	});
});

/** A strict reader for the test: fields, quoted fields with "" escapes, CRLF record ends. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let i = 0;
	while (i < text.length) {
		let field = '';
		if (text[i] === '"') {
			i++;
			for (;;) {
				if (text[i] === '"' && text[i + 1] === '"') {
					field += '"';
					i += 2;
				} else if (text[i] === '"') {
					i++;
					break;
				} else field += text[i++];
			}
		} else {
			while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
		}
		row.push(field);
		if (text[i] === ',') i++;
		else if (text.startsWith('\r\n', i)) {
			rows.push(row);
			row = [];
			i += 2;
		} else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
	}
	return rows;
}
