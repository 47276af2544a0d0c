import type { GenerationResult } from './types.js';

const LABEL: Record<string, string> = {
	multiple_choice: 'Multiple choice',
	cloze: 'Fill in the blank',
	true_false: 'True or false',
	numeric: 'Number',
	who_said: 'Who said it?',
	ordering: 'Put in order'
};

/** A plain-text rendering for people: numbered questions, options lettered, answers marked. */
export function renderText(r: GenerationResult): string {
	const lines: string[] = [r.title, '='.repeat(Math.min(72, r.title.length || 8)), ''];
	r.questions.forEach((q, i) => {
		lines.push(`${i + 1}. [${LABEL[q.type]}] ${q.prompt}`);
		if (q.type === 'multiple_choice' || q.type === 'who_said') {
			q.options.forEach((o, k) => lines.push(`   ${String.fromCharCode(97 + k)}) ${o}${o === q.answer ? '   ✓' : ''}`));
		} else if (q.type === 'ordering') {
			q.options.forEach((o, k) => lines.push(`   ${String.fromCharCode(97 + k)}) ${o}`));
			lines.push(`   Answer: ${(q.answer as string[]).map((x) => String.fromCharCode(97 + q.options.indexOf(x))).join(', ')}`);
		} else {
			const extra = q.type === 'numeric' && q.tolerance ? ` (±${q.tolerance.toLocaleString('en-US')}${q.unit ? ' ' + q.unit : ''})` : '';
			lines.push(`   Answer: ${q.answer as string}${extra}${q.accept.length ? `  (also: ${q.accept.join('; ')})` : ''}`);
		}
		lines.push(`   Source: ${q.sources.map((s) => s.text.replace(/\s+/g, ' ').trim()).join(' … ')}`);
		lines.push(`   score ${q.score.toFixed(3)}`, '');
	});
	return lines.join('\n');
}
