// Starts the built server (build/index.js) for the bench on loopback, on a free port and
// a given database, and makes sure it is stopped however the bench ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export type BenchServer = {
	url: string;
	pid: number;
	output: () => string;
	/** SIGTERM (graceful: the server checkpoints and closes the database) or SIGKILL (a crash). */
	stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>;
};

const running = new Set<ChildProcess>();

// Whatever ends the bench (an error, Ctrl-C) ends its server too.
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

async function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const srv = createServer();
		srv.once('error', fail);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
		});
	});
}

export async function startBenchServer(options: { dbPath: string; nodeArgs?: string[]; env?: Record<string, string> }): Promise<BenchServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let log = '';
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), resolve('build/index.js')], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_URL: options.dbPath,
			BODY_SIZE_LIMIT: '6M',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	running.add(child);
	child.once('exit', () => running.delete(child));
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));

	const stop = (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') =>
		new Promise<void>((ok) => {
			if (child.exitCode !== null || child.signalCode !== null) return ok();
			const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
			child.once('exit', () => {
				clearTimeout(force);
				ok();
			});
			child.kill(signal);
		});

	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`The server exited while starting:\n${log}`);
		try {
			const res = await fetch(`${url}/api/health`);
			if (res.ok) return { url, pid: child.pid!, output: () => log, stop };
		} catch (err) {
			// Not listening yet: only a refused connection is expected here.
			if (!(err instanceof TypeError)) throw err;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop('SIGKILL');
	throw new Error(`The server did not become healthy within 60 s:\n${log}`);
}
