export type GenerationErrorCode =
	| 'empty'
	| 'not_english'
	| 'too_large'
	| 'binary'
	| 'no_article'
	| 'too_short'
	| 'fetch_failed'
	| 'private_address'
	| 'bad_url'
	| 'unreadable';

/**
 * An input the generator cannot use. `message` is a complete sentence meant for the
 * person who supplied the input (the web app shows it on the form).
 */
export class GenerationError extends Error {
	readonly code: GenerationErrorCode;
	constructor(code: GenerationErrorCode, message: string) {
		super(message);
		this.name = 'GenerationError';
		this.code = code;
	}
}
