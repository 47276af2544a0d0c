import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type RunningServer = {
	url: string;
	port: number;
	dbPath: string;
	dir: string;
	output: () => string;
	/** SIGTERM and wait: a graceful shutdown. Resolves with how the process ended. */
	stop: () => Promise<ExitStatus>;
	/** SIGKILL and wait: a crash. */
	kill: () => Promise<ExitStatus>;
	/** Starts the server again on the same database and port. */
	restart: () => Promise<void>;
	/** Stops the server and deletes its database. */
	dispose: () => Promise<void>;
};

export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };

export async function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const srv = createServer();
		srv.once('error', fail);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
		});
	});
}

/**
 * Starts the built server (build/index.js) on a free port with a fresh temporary database.
 * By default it takes the client's address from X-Forwarded-For (the test Client sends
 * one per instance); browser tests pass `trustAddressHeader: false`.
 */
export async function startServer(
	options: { env?: Record<string, string>; dbPath?: string; trustAddressHeader?: boolean } = {}
): Promise<RunningServer> {
	const dir = mkdtempSync(join(tmpdir(), 'factdeck-server-'));
	const dbPath = options.dbPath ?? join(dir, 'factdeck.db');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let child: ChildProcess | undefined;
	let log = '';

	const launch = async () => {
		child = spawn(process.execPath, [resolve('build/index.js')], {
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: url,
				DATABASE_URL: dbPath,
				BODY_SIZE_LIMIT: '6M',
				...(options.trustAddressHeader === false ? {} : { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }),
				...options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (d) => (log += d));
		child.stderr?.on('data', (d) => (log += d));
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
			try {
				const res = await fetch(`${url}/api/health`);
				if (res.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`server did not become healthy:\n${log}`);
	};

	const end = (signal: NodeJS.Signals) =>
		new Promise<ExitStatus>((ok) => {
			if (!child || child.exitCode !== null || child.signalCode !== null) {
				return ok({ code: child?.exitCode ?? null, signal: child?.signalCode ?? null });
			}
			child.once('exit', (code, signalCode) => ok({ code, signal: signalCode }));
			child.kill(signal);
		});

	await launch();
	return {
		url,
		port,
		dbPath,
		dir,
		output: () => log,
		stop: () => end('SIGTERM'),
		kill: () => end('SIGKILL'),
		restart: async () => {
			await end('SIGTERM');
			await launch();
		},
		dispose: async () => {
			await end('SIGTERM');
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
