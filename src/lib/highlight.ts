export type Span = { start: number; end: number };
export type Segment = { text: string; start: number; ids: number[] };

/**
 * Cuts `text` at every span boundary so each piece is either plain or covered by the
 * spans of one or more questions: what the article view renders as plain text and
 * <mark> elements (never as HTML).
 */
export function segmentText(text: string, marked: Array<{ id: number; spans: Span[] }>): Segment[] {
	const cuts = new Set<number>([0, text.length]);
	const spans: Array<Span & { id: number }> = [];
	for (const { id, spans: list } of marked) {
		for (const s of list) {
			const start = Math.max(0, Math.min(text.length, s.start));
			const end = Math.max(start, Math.min(text.length, s.end));
			if (end > start) {
				spans.push({ id, start, end });
				cuts.add(start);
				cuts.add(end);
			}
		}
	}
	const points = [...cuts].sort((a, b) => a - b);
	const segments: Segment[] = [];
	for (let i = 0; i < points.length - 1; i++) {
		const [start, end] = [points[i], points[i + 1]];
		const ids = [...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.id))];
		const last = segments[segments.length - 1];
		if (last && last.ids.length === 0 && ids.length === 0) last.text += text.slice(start, end);
		else segments.push({ text: text.slice(start, end), start, ids });
	}
	return segments;
}
