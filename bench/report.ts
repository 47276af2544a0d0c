// The bench's result: the JSON written by --out, the targets it is judged by, and the table printed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GenerationFigures } from './generation';
import type { HttpRun } from './http';
import type { QueueFigures } from './due-queue';
import type { Durability } from './durability';

export type BenchReport = {
	date: string;
	machine: { cpus: number; cpuModel: string; node: string; loadAverage: { start: number[]; httpStart: number[]; end: number[] } };
	data: { students: number; classes: number; cards: number; reviewLogs: number; dueCards: number; questions: number; attempts: number };
	options: { duration: number; connections: number };
	generation: GenerationFigures | null;
	http: HttpRun[];
	dueQueue: { smallMs: number; largeMs: number; small: QueueFigures; large: QueueFigures } | null;
	healthUnderGeneration: { idleP99Ms: number; busyP99Ms: number; inFlight: number; generations: { posted: number; ready: number; failed: number } } | null;
	durability: (Durability & { stoppedWith: string }) | null;
	targets: Target[];
};

export type Target = { name: string; target: string; value: string; met: boolean };

export const RATE_RUN = 'rate card';
export const TARGET_RATINGS_PER_SECOND = 1000;
export const RATE_AT_TARGET_RUN = `rate card at ${TARGET_RATINGS_PER_SECOND}/s`;
export const DASHBOARD_RUN = 'dashboard';

/** The targets of the Studying and Proof issues, judged on the figures that were measured. */
export function judge(report: Omit<BenchReport, 'targets'>): Target[] {
	const targets: Target[] = [];
	const run = (name: string) => report.http.find((r) => r.name === name);
	const rate = run(RATE_RUN);
	if (rate) {
		targets.push({ name: 'ratings per second', target: `≥ ${TARGET_RATINGS_PER_SECOND}`, value: String(rate.reqPerSec), met: rate.reqPerSec >= TARGET_RATINGS_PER_SECOND && rate.non2xx === 0 });
		targets.push({ name: 'rating p99 at full load', target: '≤ 50 ms', value: `${rate.p99Ms} ms`, met: rate.p99Ms <= 50 });
	}
	const atTarget = run(RATE_AT_TARGET_RUN);
	if (atTarget) {
		targets.push({ name: `rating p99 at ${TARGET_RATINGS_PER_SECOND}/s`, target: '≤ 50 ms', value: `${atTarget.p99Ms} ms`, met: atTarget.p99Ms <= 50 && atTarget.non2xx === 0 });
	}
	const dashboard = run(DASHBOARD_RUN);
	if (dashboard) {
		targets.push({ name: 'dashboard per second', target: '≥ 500', value: String(dashboard.reqPerSec), met: dashboard.reqPerSec >= 500 && dashboard.non2xx === 0 });
	}
	if (report.dueQueue) {
		const q = report.dueQueue;
		targets.push({
			name: `due queue at ${q.large.cards.toLocaleString('en-US')} cards`,
			target: `≤ 2 × ${q.smallMs.toFixed(3)} ms`,
			value: `${q.largeMs.toFixed(3)} ms`,
			met: q.largeMs <= 2 * q.smallMs
		});
	}
	if (report.healthUnderGeneration) {
		const h = report.healthUnderGeneration;
		targets.push({ name: `health p99 during ${h.inFlight} generations`, target: `≤ 2 × ${h.idleP99Ms} ms`, value: `${h.busyP99Ms} ms`, met: h.busyP99Ms <= 2 * h.idleP99Ms });
	}
	if (report.durability) {
		const d = report.durability;
		targets.push({ name: 'acknowledged answers lost', target: '0', value: String(d.ratingsLost + d.answersLost), met: d.ratingsLost + d.answersLost === 0 });
	}
	for (const r of report.http) {
		if (r.non2xx || r.errors) targets.push({ name: `${r.name}: failed requests`, target: '0', value: String(r.non2xx + r.errors), met: false });
	}
	return targets;
}

export function buildReport(parts: Omit<BenchReport, 'targets'>): BenchReport {
	return { ...parts, targets: judge(parts) };
}

export function writeReport(file: string, report: BenchReport): void {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

export function formatReport(report: BenchReport): string {
	const out: string[] = [];
	const m = report.machine;
	out.push(`Factdeck bench, ${report.date}: ${m.cpus} × ${m.cpuModel}, Node ${m.node}`);
	out.push(`load average (1/5/15 min): start ${m.loadAverage.start.map((x) => x.toFixed(2)).join(' ')}, HTTP runs ${m.loadAverage.httpStart.map((x) => x.toFixed(2)).join(' ')}, end ${m.loadAverage.end.map((x) => x.toFixed(2)).join(' ')}`);
	const d = report.data;
	out.push(`school: ${d.students} students in ${d.classes} classes, ${d.cards} cards (${d.dueCards} due), ${d.reviewLogs} review logs, ${d.questions} questions, ${d.attempts} attempts`);
	if (report.generation) {
		const g = report.generation;
		out.push('', `generation (median of ${g.runs} runs per article, in one warm process): ${g.medianGenerateMs.toFixed(1)} ms per article, wink-nlp tokenising alone ${g.medianTokenizeMs.toFixed(1)} ms; seed article ${g.seedArticleMs?.toFixed(1)} ms (budget ${g.seedBudgetMs} ms)`);
	}
	if (report.http.length) {
		out.push('', `HTTP (${report.options.connections} connections, ${report.options.duration} s per run)`);
		out.push(`${'run'.padEnd(34)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('requests', 10)}${pad('non-2xx', 9)}${pad('errors', 8)}${pad('CPU ms/req', 12)}`);
		for (const r of report.http) {
			out.push(`${(r.name + (r.exhausted ? ' (ran out of cards)' : '')).padEnd(34)}${pad(r.reqPerSec, 8)}${pad(r.p50Ms, 8)}${pad(r.p99Ms, 8)}${pad(r.requests, 10)}${pad(r.non2xx, 9)}${pad(r.errors, 8)}${pad(r.serverCpuMsPerRequest ?? '', 12)}`);
		}
	}
	if (report.healthUnderGeneration) {
		const h = report.healthUnderGeneration;
		out.push(`generations during the busy health run: ${h.generations.posted} posted, ${h.generations.ready} ready, ${h.generations.failed} failed (${h.inFlight} kept in flight)`);
	}
	if (report.dueQueue) {
		const q = report.dueQueue;
		out.push('', `due queue (nextCard, median per student): ${q.small.cards.toLocaleString('en-US')} cards ${q.smallMs.toFixed(3)} ms, ${q.large.cards.toLocaleString('en-US')} cards ${q.largeMs.toFixed(3)} ms`);
	}
	if (report.durability) {
		const r = report.durability;
		out.push('', `after ${r.stoppedWith}: ${r.ratingsAcknowledged} acknowledged ratings (${r.ratingsLost} lost), ${r.answersAcknowledged} acknowledged quiz answers (${r.answersLost} lost)`);
	}
	if (report.targets.length) {
		out.push('', 'targets');
		for (const t of report.targets) out.push(`  ${t.met ? 'met   ' : 'MISSED'} ${t.name}: ${t.value} (target ${t.target})`);
	}
	return out.join('\n');
}
