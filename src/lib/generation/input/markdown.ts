/**
 * Hides Markdown syntax behind spaces so the analysis sees prose while every offset
 * still points into the Markdown exactly as given (the masked text has the same length).
 */
export function maskMarkdown(md: string): string {
	const out = md.split('');
	const blank = (from: number, to: number) => {
		for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
	};
	const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
		re.lastIndex = 0;
		for (let m = re.exec(md); m; m = re.exec(md)) {
			fn(m);
			if (m[0].length === 0) re.lastIndex++;
		}
	};
	// fenced code, front matter, tables, reference definitions, rules, raw HTML: never prose
	each(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (m) => blank(m.index, m.index + m[0].length));
	each(/^---\n[\s\S]*?\n---$/gm, (m) => {
		if (m.index === 0) blank(m.index, m.index + m[0].length);
	});
	each(/^[ \t]*\|.*\|[ \t]*$/gm, (m) => blank(m.index, m.index + m[0].length));
	each(/^[ \t]*\[[^\]\n]+\]:[^\n]*$/gm, (m) => blank(m.index, m.index + m[0].length));
	each(/^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/gm, (m) => blank(m.index, m.index + m[0].length));
	each(/<\/?[a-zA-Z][^>\n]*>/g, (m) => blank(m.index, m.index + m[0].length));
	// images vanish; links keep their words
	each(/!\[[^\]\n]*\]\([^)\n]*\)/g, (m) => blank(m.index, m.index + m[0].length));
	each(/\[([^\]\n]+)\]\(([^)\n]*)\)/g, (m) => {
		blank(m.index, m.index + 1);
		const close = m.index + 1 + m[1].length;
		blank(close, m.index + m[0].length);
	});
	each(/\[([^\]\n]+)\]\[[^\]\n]*\]/g, (m) => {
		blank(m.index, m.index + 1);
		blank(m.index + 1 + m[1].length, m.index + m[0].length);
	});
	// line prefixes: headings, quotes, list markers
	each(/^[ \t]{0,3}(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)/gm, (m) => blank(m.index, m.index + m[0].length));
	each(/[ \t]#+[ \t]*$/gm, (m) => blank(m.index, m.index + m[0].length));
	// emphasis and inline code markers
	each(/(\*\*|__|\*|_|`)(?=\S)([^\n]*?\S)\1/g, (m) => {
		const mark = m[1].length;
		blank(m.index, m.index + mark);
		blank(m.index + m[0].length - mark, m.index + m[0].length);
	});
	return out.join('');
}

/** The first Markdown heading, if the document starts with one. */
export function markdownTitle(md: string): string | null {
	const m = /^\s*#{1,2}[ \t]+(.+?)[ \t#]*$/m.exec(md.slice(0, 2000));
	return m ? m[1].replace(/[*_`]/g, '').trim() : null;
}
