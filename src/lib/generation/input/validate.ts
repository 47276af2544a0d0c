import { GenerationError } from '../errors.js';
import { looksEnglish } from './language.js';

/** Largest article accepted, in characters (about 1 MB of English text). */
export const MAX_TEXT_CHARS = 1_000_000;
/** Largest input accepted before decoding, in bytes (HTML pages carry markup, so more room). */
export const MAX_INPUT_BYTES = 2_000_000;
/** Fewer words than this cannot carry enough facts for a quiz. */
export const MIN_WORDS = 20;

/**
 * Decodes raw bytes as UTF-8 and refuses what is not text: NUL bytes or many invalid
 * sequences mean a binary file. Checks size first so a huge input fails fast.
 */
export function decodeInput(bytes: Uint8Array, limit = MAX_INPUT_BYTES): string {
	if (bytes.length === 0) throw new GenerationError('empty', 'The file is empty: there is no text to make questions from.');
	if (bytes.length > limit) {
		throw new GenerationError(
			'too_large',
			`The input is too large (${formatBytes(bytes.length)}); the limit is ${formatBytes(limit)}. Split the article into parts.`
		);
	}
	const probe = bytes.subarray(0, Math.min(bytes.length, 65536));
	if (probe.includes(0)) throw binaryError();
	const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
	let bad = 0;
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
	if (bad > 16 && bad / text.length > 0.005) throw binaryError();
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function binaryError(): GenerationError {
	return new GenerationError('binary', 'This looks like a binary file, not text. Upload plain text, Markdown or an HTML page.');
}

function formatBytes(n: number): string {
	return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.ceil(n / 1e3)} kB`;
}

/** Checks decoded text before analysis: not empty, not too long, not binary, in English. */
export function validateText(text: string): void {
	if (text.length > MAX_TEXT_CHARS) {
		throw new GenerationError(
			'too_large',
			`The text is too long (${text.length.toLocaleString('en-US')} characters); the limit is ${MAX_TEXT_CHARS.toLocaleString('en-US')}. Split the article into parts.`
		);
	}
	if (!text.trim()) throw new GenerationError('empty', 'The text is empty: there is nothing to make questions from.');
	let control = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0) throw binaryError();
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
	}
	if (control > 16 && control / text.length > 0.005) throw binaryError();
	const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
	if (words.length < MIN_WORDS) {
		throw new GenerationError('too_short', `The text is too short (${words.length} words); paste at least a paragraph of ${MIN_WORDS} words or more.`);
	}
	if (!looksEnglish(words)) {
		throw new GenerationError('not_english', 'The text does not look like English. Factdeck can only make questions from English articles.');
	}
}
