/**
 * Splits the text into blocks (title, headings, body paragraphs, noise) without
 * changing any offset. Noise is what a page carries around an article: photo
 * captions and credits, bylines, comment footers, share buttons, navigation.
 */
export type BlockKind = 'title' | 'heading' | 'body' | 'noise';

export interface Block {
	start: number;
	end: number;
	kind: BlockKind;
	/** Index of the paragraph among body blocks, for position in the article. */
	para: number;
}

const CAPTION = [
	/\b(photo|photograph|picture|image|credit|photo credit|illustration|video|source)\s*:\s*\S/i,
	/\((photo|image|picture|pictured)s?\b/i,
	/\b(getty images|shutterstock|ap photo|afp\s*\/|reuters\s*\/|epa\s*\/|xinhua\s*\/|nurphoto)\b/i
];
const FOOTER = [
	/^\d+\s+(replies|comments|responses|thoughts|reactions)\b/i,
	/^(comments are closed|leave a (reply|comment)|add a comment|share this( article| story)?|click to share|share on\b|follow us|subscribe\b|sign up\b|newsletter\b|related( articles| stories| posts)?\b|read more\b|advertisement\b|tags?:|filed under\b|you may also like|recommended\b|copyright\b|©|all rights reserved|more from\b|from wikipedia, the free encyclopedia|continue reading|skip to\b|jump to\b|back to top|print this|email this)/i
];
const APPARATUS = /^(references|notes|footnotes|external links|see also|further reading|bibliography|sources|citations|works cited|related (articles|stories|links)|notes and references|read more|more on this story)\s*$/i;
const BYLINE = /^(by|posted by|written by|words by|reporting by|reported by|story by)\s+\p{Lu}/iu;
const DATELINE = /^(published|updated|posted|last (updated|modified))\b/i;

export function splitBlocks(text: string): { blocks: Block[]; joined: string } {
	const chars = text.split('');
	const blocks: Block[] = [];
	// paragraphs: runs of non-blank lines
	const lineRe = /[^\n]*(\n|$)/g;
	let para: { start: number; end: number }[] = [];
	const paragraphs: { start: number; end: number }[][] = [];
	for (let m = lineRe.exec(text); m && m[0].length; m = lineRe.exec(text)) {
		const start = m.index;
		const end = start + m[0].replace(/\n$/, '').length;
		if (text.slice(start, end).trim() === '') {
			if (para.length) paragraphs.push(para);
			para = [];
		} else para.push({ start, end });
		if (lineRe.lastIndex >= text.length) break;
	}
	if (para.length) paragraphs.push(para);

	let bodyIndex = 0;
	let first = true;
	// everything under "References", "External links", "See also" ... is apparatus, not article
	let inApparatus = false;
	for (const lines of paragraphs) {
		// Lines of one paragraph form one block when they are wrapped prose; a line that
		// ends a sentence or looks like a heading of its own stands alone.
		let cur = { start: lines[0].start, end: lines[0].end };
		const groups: { start: number; end: number }[] = [];
		for (let i = 1; i < lines.length; i++) {
			const prev = text.slice(cur.start, cur.end).trim();
			const next = text.slice(lines[i].start, lines[i].end).trim();
			const soft = !/[.!?:;"”’)\]]$/.test(prev) && (/^[\p{Ll}\d(“"‘'-]/u.test(next) || prev.length >= 50) && !isNoise(next) && !isNoise(prev);
			if (soft) {
				for (let k = cur.end; k < lines[i].start; k++) if (chars[k] === '\n' || chars[k] === '\r') chars[k] = ' ';
				cur.end = lines[i].end;
			} else {
				groups.push(cur);
				cur = { start: lines[i].start, end: lines[i].end };
			}
		}
		groups.push(cur);
		for (const g of groups) {
			const body = text.slice(g.start, g.end).trim();
			let kind: BlockKind;
			if (isHeading(body) && !first) inApparatus = APPARATUS.test(body);
			if (inApparatus || isNoise(body)) kind = 'noise';
			else if (isHeading(body)) kind = first ? 'title' : 'heading';
			else kind = 'body';
			first = false;
			blocks.push({ start: g.start, end: g.end, kind, para: kind === 'body' ? bodyIndex++ : bodyIndex });
		}
	}
	return { blocks, joined: chars.join('') };
}

export function isNoise(line: string): boolean {
	const t = line.trim();
	if (CAPTION.some((re) => re.test(t))) return true;
	// a reference-list entry: "^ "Persona". Mozilla Developer Network. Retrieved 2016-10-27."
	if (/^\^\s/.test(t) || /\bRetrieved (on )?\d{4}-\d\d-\d\d\b|\bRetrieved \w+ \d{1,2}, \d{4}\b|\bArchived from the original\b/.test(t)) return true;
	if (FOOTER.some((re) => re.test(t))) return true;
	const words = t.split(/\s+/).length;
	if (words <= 14 && (BYLINE.test(t) || DATELINE.test(t))) return true;
	// navigation: many short items separated by bars, bullets or arrows
	const seps = (t.match(/\s[|•·»›]\s/g) ?? []).length;
	if (seps >= 3 && words / (seps + 1) < 5) return true;
	if (words <= 3 && /^(share|tweet|email|print|menu|home|search|login|log in|sign in|next|previous|more)$/i.test(t)) return true;
	return false;
}

function isHeading(line: string): boolean {
	const words = line.split(/\s+/).length;
	if (words > 14) return false;
	if (/[.!?,;:"”’]$/.test(line) && !/[?!]$/.test(line)) return false;
	if (/[.!?]\s+\p{Lu}/u.test(line)) return false;
	return /^[\p{Lu}\d“"‘']/u.test(line);
}
