// `npm run bench -- [options]`: builds the app when stale, measures the generator,
// the due-queue query at two database sizes, and the built server under autocannon on a
// temporary database seeded with a realistic school; prints a table and writes JSON
// (--out FILE). See README.md, "Benchmark", for the options and the JSON.
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildIfNeeded, root } from '../scripts/build-if-needed.js';

const HELP = `npm run bench -- [options]
  --out FILE            write the results as JSON to FILE
  --students N          students in the seeded school (1000)
  --classes N           classes (40)
  --cards N             cards (200000)
  --reviews N           review logs (1000000)
  --duration S          seconds per HTTP run (10)
  --connections N       autocannon connections (100)
  --queue-cards A,B     the due-queue databases' sizes in cards (10000,1000000)
  --generations N       article generations kept running during the busy health run (10)
  --generation-runs N   timed runs per article in the generator bench (15)
  --only LIST           any of generation,queue,http (all)
  --runs LIST           which HTTP runs: dashboard,review,rate,quiz,health,busy (all)
  --profile DIR         run the server with --cpu-prof, profiles written to DIR
  --node-arg ARG        pass ARG to the server's node (repeatable), e.g. --node-arg=--trace-gc
  --keep                keep the seeded database (its path is printed)`;

const { values: args } = parseArgs({
	options: {
		out: { type: 'string' },
		students: { type: 'string', default: '1000' },
		classes: { type: 'string', default: '40' },
		cards: { type: 'string', default: '200000' },
		reviews: { type: 'string', default: '1000000' },
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '100' },
		'queue-cards': { type: 'string', default: '10000,1000000' },
		generations: { type: 'string', default: '10' },
		'generation-runs': { type: 'string', default: '15' },
		only: { type: 'string', default: 'generation,queue,http' },
		runs: { type: 'string', default: 'dashboard,review,rate,quiz,health,busy' },
		profile: { type: 'string' },
		'node-arg': { type: 'string', multiple: true, default: [] },
		keep: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});
if (args.help) {
	console.log(HELP);
	process.exit(0);
}

function count(name: string, raw: string, min = 1, max = 100_000_000): number {
	const n = Number(raw);
	if (!Number.isInteger(n) || n < min || n > max) {
		console.error(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")\n\n${HELP}`);
		process.exit(2);
	}
	return n;
}

const size = {
	students: count('students', args.students),
	classes: count('classes', args.classes),
	cards: count('cards', args.cards),
	reviewLogs: count('reviews', args.reviews, 0)
};
const duration = count('duration', args.duration, 1, 600);
const connections = count('connections', args.connections, 1, 1000);
const inFlight = count('generations', args.generations, 1, 100);
const generationRuns = count('generation-runs', args['generation-runs'], 1, 1000);
const queueCards = args['queue-cards'].split(',').map((x) => count('queue-cards', x.trim(), 1_000));
const only = new Set(args.only.split(',').map((x) => x.trim()));
for (const part of only) {
	if (!['generation', 'queue', 'http'].includes(part)) {
		console.error(`--only takes generation, queue and http (got "${part}")`);
		process.exit(2);
	}
}
const RUNS = ['dashboard', 'review', 'rate', 'quiz', 'health', 'busy'];
const runs = new Set(args.runs.split(',').map((x) => x.trim()));
for (const run of runs) {
	if (!RUNS.includes(run)) {
		console.error(`--runs takes ${RUNS.join(', ')} (got "${run}")`);
		process.exit(2);
	}
}
if (queueCards.length !== 2) {
	console.error('--queue-cards takes two sizes, e.g. 10000,1000000');
	process.exit(2);
}
if (size.classes > size.students) {
	console.error('--classes cannot be more than --students');
	process.exit(2);
}

process.chdir(root);
const loadStart = loadavg();
buildIfNeeded();
// tsx reads the $lib paths from .svelte-kit/tsconfig.json when it starts: if the build
// just made that file, start again so the app's modules resolve.
if (!process.env.FACTDECK_BENCH_CHILD && !existsSync(join(root, '.svelte-kit', 'tsconfig.json'))) {
	spawnSync(process.execPath, [join(root, 'node_modules', '@sveltejs', 'kit', 'svelte-kit.js'), 'sync'], { stdio: 'inherit' });
	const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
		stdio: 'inherit',
		env: { ...process.env, FACTDECK_BENCH_CHILD: '1' }
	});
	process.exit(again.status ?? 1);
}

const { measureGeneration, generationTable } = await import('./generation.js');
const { measureDueQueue } = await import('./due-queue.js');
const { seedSchool } = await import('./seed-school.js');
const { openDatabase } = await import('../src/lib/server/db/client.js');
const { startBenchServer } = await import('./server.js');
const http = await import('./http.js');
const { startGenerationLoad } = await import('./generation-load.js');
const { checkAcknowledged } = await import('./durability.js');
const { buildReport, formatReport, writeReport, RATE_RUN, RATE_AT_TARGET_RUN, TARGET_RATINGS_PER_SECOND, DASHBOARD_RUN } = await import('./report.js');
type BenchReport = import('./report.js').BenchReport;

/** The fields of a /proc stat file after the command name (which may contain spaces). */
function statFields(path: string): string[] | null {
	let stat: string;
	try {
		stat = readFileSync(path, 'utf8');
	} catch (err) {
		// A process that ended meanwhile.
		if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ESRCH') return null;
		throw err;
	}
	return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * User and system CPU time in ms, from /proc (Linux): of the server process with all its
 * threads and its child processes (the generation workers), or of one thread.
 */
function processCpuMs(pid: number, thread?: number): number {
	const ms = (fields: string[] | null) => (fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS : 0);
	if (thread !== undefined) return ms(statFields(`/proc/${pid}/task/${thread}/stat`));
	let total = ms(statFields(`/proc/${pid}/stat`));
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const fields = statFields(`/proc/${entry}/stat`);
		// The parent's pid is the second field after the name.
		if (fields && Number(fields[1]) === pid) total += ms(fields);
	}
	return total;
}
const CLOCK_TICKS = 100;

const dir = mkdtempSync(join(tmpdir(), 'factdeck-bench-'));
const cleanup = () => {
	if (!args.keep) rmSync(dir, { recursive: true, force: true });
};
process.once('exit', cleanup);
// Ctrl-C: exit, which stops the server (bench/server.ts) and deletes the temporary files.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const log = (line: string) => console.log(`[bench] ${line}`);
const cpu = cpus();
const report: Omit<BenchReport, 'targets'> = {
	date: new Date().toISOString(),
	machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', node: process.version, loadAverage: { start: loadStart, httpStart: [], end: [] } },
	data: { ...size, dueCards: 0, questions: 0, attempts: 0 },
	options: { duration, connections },
	generation: null,
	http: [],
	dueQueue: null,
	healthUnderGeneration: null,
	durability: null
};

if (only.has('generation')) {
	log(`generator: ${generationRuns} runs per development article…`);
	report.generation = measureGeneration(generationRuns);
	console.log(generationTable(report.generation));
}

if (only.has('queue')) {
	const now = new Date();
	const [smallCards, largeCards] = queueCards;
	log(`due queue: seeding ${smallCards.toLocaleString('en-US')} cards…`);
	const small = measureDueQueue(smallCards, now);
	log(`due queue: ${small.medianMs.toFixed(3)} ms median; seeding ${largeCards.toLocaleString('en-US')} cards…`);
	const large = measureDueQueue(largeCards, now);
	log(`due queue: ${large.medianMs.toFixed(3)} ms median (seeded in ${large.seedSeconds.toFixed(0)} s)`);
	report.dueQueue = { smallMs: small.medianMs, largeMs: large.medianMs, small, large };
}

if (only.has('http')) {
	const dbPath = join(dir, 'school.db');
	log(`seeding the school: ${size.students} students, ${size.classes} classes, ${size.cards} cards, ${size.reviewLogs} review logs…`);
	const seedStart = performance.now();
	const seedDb = openDatabase(dbPath);
	const school = seedSchool(seedDb, size, new Date());
	seedDb.$client.close();
	Object.assign(report.data, { dueCards: school.counts.dueCards, questions: school.counts.questions, attempts: school.counts.attempts });
	log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s: ${school.counts.dueCards} cards due${args.keep ? ` (${dbPath})` : ''}`);

	const profileDir = args.profile ? resolve(args.profile) : undefined;
	const server = await startBenchServer({
		dbPath,
		nodeArgs: [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...(args['node-arg'] ?? [])]
	});
	log(`server at ${server.url} (pid ${server.pid})`);
	if (args['node-arg']?.length) process.once('exit', () => console.log(`[bench] server output:\n${server.output()}`));
	const opts = { url: server.url, connections, duration };
	const acked = http.newAcknowledged();
	const pool = http.ratingPool(school);
	const benchStart = new Date();
	try {
		await http.probe(server.url, school);
		// Warm-up (not measured): the JIT, SQLite's page cache and the connections.
		log('warming up…');
		const warm = { ...opts, duration: Math.min(2, duration) };
		if (runs.has('dashboard')) await http.pageRun('warm-up', '/', school, warm);
		if (runs.has('review')) await http.pageRun('warm-up', '/review', school, warm);
		if (runs.has('rate')) await http.rateRun('warm-up', pool, Math.min(2000, Math.floor(pool.length / 10)), warm, acked);
		if (runs.has('quiz')) await http.answerRun('warm-up', school, warm, acked);
		await http.healthRun('warm-up', warm);

		report.machine.loadAverage.httpStart = loadavg();
		const measured = async (start: () => Promise<import('./http.js').HttpRun>) => {
			const cpuBefore = processCpuMs(server.pid);
			const mainBefore = processCpuMs(server.pid, server.pid);
			const r = await start();
			// The server's CPU time per request, all its threads and the main thread alone: unlike
			// req/s, hardly moved by other load on the machine.
			const perRequest = (ms: number) => (r.requests ? Math.round((ms / r.requests) * 1000) / 1000 : 0);
			r.serverCpuMsPerRequest = perRequest(processCpuMs(server.pid) - cpuBefore);
			r.mainThreadCpuMsPerRequest = perRequest(processCpuMs(server.pid, server.pid) - mainBefore);
			report.http.push(r);
			log(
				`${r.name}: ${r.reqPerSec} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.non2xx} non-2xx, ${r.errors} errors, ` +
					`server CPU ${r.serverCpuMsPerRequest} ms/request (main thread ${r.mainThreadCpuMsPerRequest})`
			);
			return r;
		};
		if (runs.has('dashboard')) await measured(() => http.pageRun(DASHBOARD_RUN, '/', school, opts));
		if (runs.has('review')) await measured(() => http.pageRun('review page', '/review', school, opts));
		if (runs.has('rate')) {
			// The target rate first (so its cards are certainly there), then as fast as the server goes.
			await measured(() => http.rateRun(RATE_AT_TARGET_RUN, pool, TARGET_RATINGS_PER_SECOND * duration, opts, acked, TARGET_RATINGS_PER_SECOND));
			await measured(() => http.rateRun(RATE_RUN, pool, pool.length, opts, acked));
		}
		if (runs.has('quiz')) await measured(() => http.answerRun('answer quiz question', school, opts, acked));
		const idle = runs.has('health') || runs.has('busy') ? await measured(() => http.healthRun('health', opts)) : null;
		if (idle && runs.has('busy')) {
			log(`starting ${inFlight} article generations…`);
			const load = startGenerationLoad({ url: server.url, dbPath, teacherToken: school.teachers[0].token, inFlight });
			await load.started;
			const busy = await measured(() => http.healthRun(`health, ${inFlight} generations running`, opts));
			const generations = await load.finish();
			report.healthUnderGeneration = { idleP99Ms: idle.p99Ms, busyP99Ms: busy.p99Ms, inFlight, generations };
		}
	} finally {
		// Without profiling the server is killed (a crash), so the durability check is the harsh one.
		const signal = profileDir ? 'SIGTERM' : 'SIGKILL';
		await server.stop(signal);
		report.durability = { ...checkAcknowledged(dbPath, acked, benchStart), stoppedWith: signal };
		if (profileDir) log(`CPU profiles in ${profileDir}`);
	}
}

report.machine.loadAverage.end = loadavg();
const final = buildReport(report);
console.log('\n' + formatReport(final));
if (args.out) {
	writeReport(resolve(args.out), final);
	log(`wrote ${resolve(args.out)}`);
}
