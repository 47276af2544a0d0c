import type { ArticleKind } from '../generation/index';
import { decodeInput, guessKind } from '../generation/index';
import { GenerationError } from '../generation/errors';
import { fetchArticle } from '../generation/fetch-url';
import { ValidationError } from './errors';
import { checkUpload, TEXT_MAX_CHARS } from './articles';
import { textField } from './form';
import { checkFreeText } from '../text-rules';

export type RawArticle = { raw: string; kind: ArticleKind; source: string; sourceKind: 'paste' | 'file' | 'url'; url?: string };
export const URL_MAX = 2000;

/** The generator's input errors are sentences for the user: show them on the form. */
export function asValidationError(err: unknown, field?: string): unknown {
	return err instanceof GenerationError ? new ValidationError(err.message, field) : err;
}

/** Reads the "add an article" form: pasted text, an uploaded file, or a URL fetched under the URL rules. */
export async function readArticleInput(form: FormData, mode: string): Promise<RawArticle> {
	try {
		if (mode === 'paste') {
			const raw = textField(form, 'text');
			if (!raw.trim()) throw new ValidationError('Paste the text of the article.', 'text');
			if (raw.length > TEXT_MAX_CHARS) {
				throw new ValidationError(`The text is too long; the limit is ${TEXT_MAX_CHARS.toLocaleString('en-US')} characters.`, 'text');
			}
			checkFreeText(raw, 'The text', 'text');
			return { raw, kind: guessKind('', raw), source: 'pasted', sourceKind: 'paste' };
		}
		if (mode === 'file') {
			const file = form.get('file');
			if (!(file instanceof File) || !file.name) throw new ValidationError('Choose a file to upload.', 'file');
			checkUpload(file.name, file.size);
			const raw = decodeInput(new Uint8Array(await file.arrayBuffer()));
			return { raw, kind: guessKind(file.name, raw), source: file.name.slice(0, 200), sourceKind: 'file' };
		}
		if (mode === 'url') {
			const url = textField(form, 'url').trim();
			if (!url) throw new ValidationError('Enter the address of the article.', 'url');
			if (url.length > URL_MAX) throw new ValidationError(`An address can be at most ${URL_MAX} characters.`, 'url');
			const page = await fetchArticle(url);
			return { raw: page.body, kind: page.html ? 'html' : guessKind(page.url, page.body), source: page.url, sourceKind: 'url', url: page.url };
		}
		throw new ValidationError('Choose how to add the article: paste, upload or link.');
	} catch (err) {
		throw asValidationError(err, mode === 'paste' ? 'text' : mode);
	}
}
