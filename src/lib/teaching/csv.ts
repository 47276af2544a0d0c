/**
 * CSV as RFC 4180 describes it: records end with CRLF, a field that holds a comma, a
 * double quote, CR or LF is wrapped in double quotes, and a quote inside is doubled.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula, and some
 * also treat a leading tab or carriage return that way (OWASP, "CSV Injection"). A student
 * can choose their own name, so every text cell starting with one of those characters is
 * prefixed with a single quote, which spreadsheets show as text. Numbers are written as
 * numbers (a negative number is a number, not a formula).
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The text of one cell, neutralised if it could run as a formula. */
export function neutraliseCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: CsvCell): string {
	const text = neutraliseCell(value);
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: every record, the last one included, ends with CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
	return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** A file name safe in a Content-Disposition header: letters, digits, dashes. */
export function csvFileName(...parts: string[]): string {
	const slug = parts
		.join('-')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase()
		.slice(0, 80);
	return `${slug || 'export'}.csv`;
}
