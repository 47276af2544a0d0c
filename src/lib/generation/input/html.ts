import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { GenerationError } from '../errors.js';

const BLOCK = new Set([
	'P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'DD', 'DT', 'UL', 'OL', 'HEADER', 'MAIN'
]);
// Parts of a page that are never facts even when Readability keeps them.
const SKIP = new Set(['TABLE', 'FIGCAPTION', 'FIGURE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'NAV', 'ASIDE', 'FOOTER', 'BUTTON', 'FORM', 'TEMPLATE', 'SVG', 'IMG']);

interface NodeLike {
	nodeType: number;
	nodeName: string;
	textContent: string | null;
	childNodes: ArrayLike<NodeLike>;
}

/**
 * The main text of an HTML page, as plain text with one paragraph per block element
 * (blank line between), using Mozilla Readability over linkedom's DOM.
 */
export function extractHtml(html: string, baseUrl = 'https://example.invalid/'): { title: string; text: string } {
	const { document } = parseHTML(html);
	const pageTitle = (document.querySelector('title')?.textContent ?? '').trim();
	// Readability changes the document it reads; it is ours and used once.
	const article = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
	if (!article || !article.content) throw noArticle();
	const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
	const parts: string[] = [];
	let current = '';
	const flush = () => {
		const t = current.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
		if (t) parts.push(t);
		current = '';
	};
	const walk = (node: NodeLike) => {
		if (node.nodeType === 3) {
			current += node.textContent ?? '';
			return;
		}
		if (node.nodeType !== 1) return;
		if (SKIP.has(node.nodeName)) return;
		if (node.nodeName === 'BR') {
			flush();
			return;
		}
		// a footnote mark ("[12]") goes; an exponent stays readable: 10<sup>11</sup> → 10^11
		if (node.nodeName === 'SUP') {
			const t = (node.textContent ?? '').trim();
			if (/^-?\d{1,3}$/.test(t) && /\d\s*$/.test(current)) current += `^${t}`;
			return;
		}
		const block = BLOCK.has(node.nodeName);
		if (block) flush();
		for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
		if (block) flush();
	};
	walk(content.body as unknown as NodeLike);
	// drop reference lists and link sections that Readability keeps
	const cut = parts.findIndex((p, i) => i > 0 && /^(references|notes|footnotes|external links|see also|further reading|bibliography|citations|works cited)(\s*\[edit\])?$/i.test(p.trim()));
	if (cut > 0) parts.splice(cut);
	flush();
	// Wikipedia's "[edit]" links and footnote marks are page furniture
	const text = parts.map((p) => p.replace(/\[(edit|citation needed|\d{1,3})\]/g, '').trim()).filter(Boolean).join('\n\n');
	const words = text.split(/\s+/).filter(Boolean).length;
	if (words < 40) throw noArticle();
	void baseUrl;
	const title = (article.title || pageTitle || '').replace(/\s+/g, ' ').trim();
	return { title, text };
}

function noArticle(): GenerationError {
	return new GenerationError('no_article', 'No article text was found on this page. Paste the article text instead.');
}
