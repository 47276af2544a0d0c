// A steady load: requests sent at a fixed rate whatever the server does (an open loop),
// over at most `connections` keep-alive connections, each request's latency counted from
// the moment it was due. autocannon's own rate limit sends each connection's share of a
// second in one burst at the start of the second, which measures bursts of full load.
import http from 'node:http';
import type { HttpRun, RunOptions } from './http';

export type SteadyRequest = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };

export async function steadyRun(
	name: string,
	opts: RunOptions,
	rate: number,
	next: () => SteadyRequest,
	onResponse: (status: number, body: string) => void
): Promise<HttpRun> {
	const url = new URL(opts.url);
	const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
	const total = Math.round(rate * opts.duration);
	const latencies: number[] = [];
	let non2xx = 0;
	let errors = 0;
	let sent = 0;
	let settled = 0;
	const start = performance.now();

	await new Promise<void>((done) => {
		// Bounded: whatever happens, the run ends 30 s after its last request was due.
		const deadline = setTimeout(() => {
			agent.destroy();
			done();
		}, (opts.duration + 30) * 1000);
		const finishOne = () => {
			settled++;
			if (settled === total) {
				clearTimeout(deadline);
				done();
			}
		};
		const send = (dueAt: number) => {
			const r = next();
			const req = http.request(
				{ host: url.hostname, port: url.port, method: r.method, path: r.path, headers: r.headers, agent },
				(res) => {
					let body = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => (body += chunk));
					res.on('end', () => {
						latencies.push(performance.now() - dueAt);
						const status = res.statusCode ?? 0;
						if (status < 200 || status >= 300) non2xx++;
						onResponse(status, body);
						finishOne();
					});
				}
			);
			req.on('error', () => {
				errors++;
				finishOne();
			});
			req.end(r.body);
		};
		const tick = () => {
			const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
			for (; sent < due; sent++) send(start + (sent * 1000) / rate);
			if (sent < total) setTimeout(tick, 1);
		};
		tick();
	});
	agent.destroy();
	const durationS = (performance.now() - start) / 1000;
	latencies.sort((a, b) => a - b);
	const at = (q: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]) : 0);
	return {
		name,
		reqPerSec: Math.round(latencies.length / Math.max(durationS, opts.duration)),
		p50Ms: at(0.5),
		p99Ms: at(0.99),
		non2xx,
		errors,
		requests: latencies.length,
		durationS: Math.round(durationS * 100) / 100
	};
}
