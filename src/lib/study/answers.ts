/**
 * Grading of answers, shared by reviews and quizzes. Typed answers are graded leniently:
 * case, punctuation, accents, articles ("a", "an", "the") and one typo in each word of
 * five or more letters are forgiven, and the difference is shown to the student.
 */

export type DiffPart = { kind: 'same' | 'missing' | 'extra'; text: string };

export type Grade = {
	correct: boolean;
	/** True when nothing had to be forgiven (after normalisation). */
	exact: boolean;
	/** The accepted answer the response was compared with (the closest one). */
	expected: string;
	/** Character diff from the response to `expected`, for showing what differed. */
	diff: DiffPart[];
};

const ARTICLES = new Set(['a', 'an', 'the']);

/** Lower case, no accents, no punctuation or articles, single spaces; "830,000" → "830000". */
export function normaliseAnswer(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/(\d)[,\u00a0\u202f '](?=\d{3}\b)/g, '$1')
		.replace(/(\d)\.(?=\d)/g, '$1\u0000')
		.replace(/[^\p{L}\p{N}\u0000]+/gu, ' ')
		.replace(/\u0000/g, '.')
		.split(' ')
		.filter((w) => w && !ARTICLES.has(w))
		.join(' ');
}

/** Damerau–Levenshtein distance with adjacent transpositions, capped early at `max + 1`. */
export function editDistance(a: string, b: string, max = 2): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		rows.push(new Array(b.length + 1).fill(0));
		rows[i][0] = i;
	}
	for (let j = 0; j <= b.length; j++) rows[0][j] = j;
	for (let i = 1; i <= a.length; i++) {
		let rowMin = Infinity;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
			rows[i][j] = d;
			rowMin = Math.min(rowMin, d);
		}
		if (rowMin > max) return max + 1;
	}
	return rows[a.length][b.length];
}

/** Word by word: equal, or one edit apart in a word of five or more letters (never in numbers). */
function lenientlyEqual(response: string, expected: string): { equal: boolean; exact: boolean } {
	if (response === expected) return { equal: true, exact: true };
	const got = response.split(' ');
	const want = expected.split(' ');
	if (got.length !== want.length) return { equal: false, exact: false };
	for (let i = 0; i < want.length; i++) {
		if (got[i] === want[i]) continue;
		const forgivable = want[i].length >= 5 && !/\d/.test(want[i]) && editDistance(got[i], want[i], 1) <= 1;
		if (!forgivable) return { equal: false, exact: false };
	}
	return { equal: true, exact: false };
}

/** The shortest edit script between two strings, by characters, for display. */
export function diffText(from: string, to: string): DiffPart[] {
	const n = from.length;
	const m = to.length;
	// Long answers are compared as a whole: a quadratic table is not worth it there.
	if (n * m > 250_000) {
		return from === to ? [{ kind: 'same', text: to }] : [{ kind: 'extra', text: from }, { kind: 'missing', text: to }];
	}
	const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lcs[i][j] = from[i] === to[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
		}
	}
	const parts: DiffPart[] = [];
	const push = (kind: DiffPart['kind'], ch: string) => {
		const last = parts[parts.length - 1];
		if (last && last.kind === kind) last.text += ch;
		else parts.push({ kind, text: ch });
	};
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (from[i] === to[j]) {
			push('same', from[i]);
			i++;
			j++;
		} else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
			push('extra', from[i++]);
		} else {
			push('missing', to[j++]);
		}
	}
	while (i < n) push('extra', from[i++]);
	while (j < m) push('missing', to[j++]);
	return parts;
}

/** Grades a typed answer against the answer and its accepted alternatives. */
export function gradeTyped(response: string, answer: string, accept: readonly string[] = []): Grade {
	const candidates = [answer, ...accept];
	const got = normaliseAnswer(response);
	let best: { expected: string; exact: boolean } | null = null;
	if (got) {
		for (const candidate of candidates) {
			const verdict = lenientlyEqual(got, normaliseAnswer(candidate));
			if (verdict.equal && (!best || (verdict.exact && !best.exact))) best = { expected: candidate, exact: verdict.exact };
		}
	}
	const expected = best?.expected ?? answer;
	return {
		correct: best !== null,
		exact: best?.exact ?? false,
		expected,
		diff: diffText(response.trim(), expected)
	};
}

const SCALES: Record<string, number> = {
	thousand: 1e3,
	k: 1e3,
	million: 1e6,
	m: 1e6,
	mn: 1e6,
	billion: 1e9,
	bn: 1e9,
	b: 1e9,
	trillion: 1e12,
	tn: 1e12
};

/** The first number in the text, with any scale word after it: "US$4.8 billion" → 4.8e9. */
export function parseNumber(text: string): { value: number; bare: number } | null {
	const match = /(-?\d[\d,\u00a0\u202f ]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|mn|tn|k|m|b)?\b/i.exec(
		text.replace(/(\d)[,\u00a0\u202f ](?=\d{3}\b)/g, '$1')
	);
	if (!match) return null;
	const bare = Number(match[1].replace(/[,\u00a0\u202f ]/g, ''));
	if (!Number.isFinite(bare)) return null;
	const scale = match[2] ? SCALES[match[2].toLowerCase()] : 1;
	return { value: bare * scale, bare };
}

/**
 * Grades a number: right when within the tolerance of the answer. A response may give the
 * number as the article writes it ("4.8" for "US$4.8 billion") or in full (4,800,000,000).
 */
export function gradeNumeric(response: string, answer: string, tolerance = 0, accept: readonly string[] = []): Grade {
	const got = parseNumber(response);
	const want = parseNumber(answer);
	let correct = false;
	if (got && want) {
		const scale = want.bare === 0 ? 1 : want.value / want.bare;
		correct =
			Math.abs(got.value - want.value) <= tolerance * scale + 1e-9 ||
			(got.value === got.bare && Math.abs(got.bare - want.bare) <= tolerance + 1e-9);
	}
	if (!correct) return gradeTyped(response, answer, accept);
	const exact = got !== null && want !== null && got.value === want.value;
	return { correct, exact, expected: answer, diff: diffText(response.trim(), answer) };
}

/** A chosen option (multiple choice, who said it, true/false) is right when it is the answer. */
export function gradeChoice(response: string, answer: string): Grade {
	const correct = normaliseAnswer(response) === normaliseAnswer(answer) && response.trim() !== '';
	return { correct, exact: correct, expected: answer, diff: diffText(response.trim(), answer) };
}

/** An ordering is right only when every item is in its place. */
export function gradeOrdering(response: readonly string[], answer: readonly string[]): Grade {
	const correct = response.length === answer.length && response.every((item, i) => item === answer[i]);
	return { correct, exact: correct, expected: answer.join(' → '), diff: [] };
}
