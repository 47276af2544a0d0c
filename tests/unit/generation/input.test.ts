import { describe, expect, it } from 'vitest';
import { decodeInput, extractArticle, generate, GenerationError, validateText } from '../../../src/lib/generation/index';
import { maskMarkdown } from '../../../src/lib/generation/input/markdown';
import { article } from './helpers';

const code = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(GenerationError);
		expect((e as GenerationError).message).toMatch(/^[A-Z].*\.$/);
		return (e as GenerationError).code;
	}
	return 'no error';
};

const FRENCH =
	"L'Empire du Mali était un empire d'Afrique de l'Ouest fondé au XIIIe siècle par Soundiata Keïta. Il s'étendait sur une grande partie " +
	"de l'Afrique de l'Ouest et était connu pour la richesse de ses souverains, notamment Mansa Moussa, dont le pèlerinage à La Mecque est resté célèbre. " +
	'La capitale a changé plusieurs fois au cours de son histoire et les marchands y venaient de très loin pour le sel et pour l’or.';
const GERMAN =
	'Das Reich Mali war ein westafrikanisches Großreich, das vom 13. bis zum 17. Jahrhundert bestand. Es wurde von Sundiata Keita gegründet und ' +
	'war für den Reichtum seiner Herrscher bekannt, vor allem für Mansa Musa, dessen Pilgerreise nach Mekka berühmt wurde. Die Hauptstadt wechselte mehrmals ' +
	'und Händler kamen aus weiter Ferne, um mit Salz und Gold zu handeln.';

describe('bad input', () => {
	it('refuses empty text and blank files', () => {
		expect(code(() => validateText('   \n\n  '))).toBe('empty');
		expect(code(() => decodeInput(new Uint8Array()))).toBe('empty');
	});

	it('refuses binary data', () => {
		const bytes = new Uint8Array(4000).map((_, i) => (i * 7919) % 256);
		expect(code(() => decodeInput(bytes))).toBe('binary');
	});

	it('refuses 5 MB of text at once, before any analysis', () => {
		const big = 'word '.repeat(1_000_000);
		const t0 = performance.now();
		expect(code(() => decodeInput(new TextEncoder().encode(big)))).toBe('too_large');
		expect(code(() => generate(big))).toBe('too_large');
		expect(performance.now() - t0).toBeLessThan(1000);
	});

	it('refuses text that is not English', () => {
		expect(code(() => generate(FRENCH))).toBe('not_english');
		expect(code(() => generate(GERMAN))).toBe('not_english');
		expect(code(() => generate(article('02').text, { count: 1 }))).toBe('no error');
	});

	it('refuses an HTML page with no article', () => {
		const html = '<!doctype html><html><head><title>Shop</title></head><body><nav><a href="/">Home</a> | <a href="/cart">Cart</a></nav><p>Buy now!</p></body></html>';
		expect(code(() => extractArticle(html, 'html'))).toBe('no_article');
	});
});

describe('extraction', () => {
	it('takes the main text of an HTML page, one paragraph per block, without captions', () => {
		const paras = article('02').text.split('\n\n').slice(1);
		const html = `<!doctype html><html><head><title>Mali Empire - Encyclopedia</title></head><body>
			<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>
			<article><h1>Mali Empire</h1>${paras.map((p) => `<p>${p}</p>`).join('\n')}
			<figure><img src="x.jpg"><figcaption>A map of the empire. Photo: Archive</figcaption></figure></article>
			<footer>© Example</footer></body></html>`;
		const { title, text } = extractArticle(html, 'html');
		expect(title).toContain('Mali Empire');
		expect(text).toContain('The Mali Empire (Manding: Mandé');
		expect(text).not.toContain('Photo: Archive');
		expect(text.split('\n\n').length).toBeGreaterThanOrEqual(3);
		expect(generate(text, { title }).questions.length).toBeGreaterThan(5);
	});

	it('keeps Markdown offsets: masked syntax has the same length and sources slice the Markdown', () => {
		const md = '# Tea\n\nThe **Tea Act** of 1773 gave the [East India Company](https://example.org) a monopoly on tea sold in the American colonies.\n\n' +
			'- Colonists in Boston dumped the tea into the harbour on December 16, 1773, a protest known as the Boston Tea Party.\n';
		expect(maskMarkdown(md).length).toBe(md.length);
		const { title, text } = extractArticle(md + '\n' + article('05').text.split('\n\n').slice(2, 4).join('\n\n'), 'markdown');
		expect(title).toBe('Tea');
		for (const q of generate(text, { count: 0, markdown: true }).questions) {
			for (const s of q.sources) expect(text.slice(s.start, s.end)).toBe(s.text);
			expect(q.prompt).not.toMatch(/\*\*|\]\(/);
		}
	});

	it('takes the first line of plain text as its title when it looks like one', () => {
		expect(extractArticle(article('01').text, 'text').title).toBe('Supercomputer breaks speed record');
	});
});
