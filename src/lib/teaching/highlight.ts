/**
 * Cuts an article into runs of text for showing question sources highlighted in it. Spans
 * may overlap (two questions from one sentence); each run lists every question whose
 * source covers it, and `firstOf` names the questions whose source starts there, so the
 * page can put an anchor (`#src-<id>`) at the start of each source.
 */

export type SourceRef = { questionId: number; start: number; end: number };
export type Run = { text: string; questionIds: number[]; firstOf: number[] };

export function highlightRuns(text: string, refs: readonly SourceRef[]): Run[] {
	const valid = refs.filter((r) => r.start >= 0 && r.end <= text.length && r.start < r.end);
	const cuts = new Set<number>([0, text.length]);
	for (const r of valid) {
		cuts.add(r.start);
		cuts.add(r.end);
	}
	const points = [...cuts].sort((a, b) => a - b);
	const runs: Run[] = [];
	const anchored = new Set<number>();
	for (let i = 0; i < points.length - 1; i++) {
		const [from, to] = [points[i], points[i + 1]];
		if (from === to) continue;
		const covering = valid.filter((r) => r.start <= from && r.end >= to);
		const questionIds = [...new Set(covering.map((r) => r.questionId))];
		const firstOf = questionIds.filter((id) => !anchored.has(id));
		for (const id of firstOf) anchored.add(id);
		runs.push({ text: text.slice(from, to), questionIds, firstOf });
	}
	return runs;
}
