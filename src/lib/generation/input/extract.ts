import type { ArticleKind, ExtractedArticle } from '../types.js';
import { extractHtml } from './html.js';
import { markdownTitle } from './markdown.js';
import { validateText } from './validate.js';

/**
 * Turns raw input into the text the generator works on. Plain text and Markdown come
 * back unchanged (offsets then point into them as given); HTML becomes the page's main
 * text, which the caller stores and generates from.
 */
export function extractArticle(raw: string, kind: ArticleKind, opts: { url?: string } = {}): ExtractedArticle {
	if (kind === 'html') {
		const { title, text } = extractHtml(raw, opts.url);
		validateText(text);
		return { title: title || plainTitle(text) || 'Untitled article', text };
	}
	validateText(raw);
	if (kind === 'markdown') return { title: markdownTitle(raw) ?? plainTitle(raw) ?? 'Untitled article', text: raw };
	return { title: plainTitle(raw) ?? 'Untitled article', text: raw };
}

/** The first line when it looks like a headline: short, no final full stop, set apart. */
export function plainTitle(text: string): string | null {
	const m = /^\s*([^\n]{1,200})\n/.exec(text);
	if (!m) return null;
	const line = m[1].trim();
	const words = line.split(/\s+/).length;
	if (words > 18 || /[.!?:;,]$/.test(line) && !/[?!]$/.test(line)) return null;
	return line;
}

/** Guesses the kind of a file from its name and its first bytes. */
export function guessKind(name: string, text: string): ArticleKind {
	const lower = name.toLowerCase();
	if (/\.(html?|xhtml)$/.test(lower)) return 'html';
	if (/\.(md|markdown|mdown)$/.test(lower)) return 'markdown';
	if (/\.(txt|text)$/.test(lower)) return 'text';
	const head = text.slice(0, 1000).trimStart().toLowerCase();
	if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|article|p|div)[\s>]/.test(head)) return 'html';
	return 'text';
}
