import { afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { WorkerPool, WorkerJobError } from '../../src/lib/server/generation/pool';

type P = { echo?: string; fail?: string; spinMs?: number; exit?: number; whoami?: boolean };
let pool: WorkerPool<P, { echo?: string; pid?: number; nices?: number[] }>;
afterEach(async () => pool?.close());

describe('worker pool', () => {
	it('runs jobs in worker processes and returns their results', async () => {
		expect(isMainThread).toBe(true);
		pool = new WorkerPool(resolve('tests/integration/fixtures/echo-worker.ts'), 2);
		const results = await Promise.all(['a', 'b', 'c', 'd'].map((echo) => pool.run({ echo })));
		expect(results.map((r) => r.echo)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('rebuilds the error thrown in the worker, code included', async () => {
		pool = new WorkerPool(resolve('tests/integration/fixtures/echo-worker.ts'), 1);
		const err = await pool.run({ fail: 'no good' }).catch((e) => e);
		expect(err).toBeInstanceOf(WorkerJobError);
		expect(err.message).toBe('no good');
		expect(err.code).toBe('asked_to_fail');
		await expect(pool.run({ echo: 'still alive' })).resolves.toMatchObject({ echo: 'still alive' });
	});

	it('keeps the main thread free while workers are busy, and reports queue positions', async () => {
		pool = new WorkerPool(resolve('tests/integration/fixtures/echo-worker.ts'), 1);
		const busy = pool.run({ spinMs: 400 }, 'first');
		const waiting = pool.run({ echo: 'second' }, 'second');
		await new Promise((r) => setTimeout(r, 50));
		expect(pool.positionOf('second')).toBe(1);
		// The event loop still turns while the worker spins.
		let ticks = 0;
		const timer = setInterval(() => ticks++, 10);
		await busy;
		clearInterval(timer);
		expect(ticks).toBeGreaterThan(5);
		await expect(waiting).resolves.toMatchObject({ echo: 'second' });
		expect(pool.positionOf('second')).toBeNull();
	});

	it('runs every thread of a worker process at the lowest CPU priority, apart from the server', async () => {
		pool = new WorkerPool(resolve('tests/integration/fixtures/echo-worker.ts'), 1);
		const { pid, nices } = await pool.run({ whoami: true });
		expect(pid).not.toBe(process.pid);
		// The main thread and V8's helper threads (several of them).
		expect(nices!.length).toBeGreaterThan(1);
		expect(new Set(nices)).toEqual(new Set([19]));
	});

	it('fails the job of a worker that dies and starts a new one for the next', async () => {
		pool = new WorkerPool(resolve('tests/integration/fixtures/echo-worker.ts'), 1);
		const first = await pool.run({ whoami: true });
		await expect(pool.run({ exit: 3 })).rejects.toThrow('stopped unexpectedly (exit code 3)');
		const second = await pool.run({ whoami: true });
		expect(second.pid).not.toBe(first.pid);
	});

	it('stops its processes when closed', async () => {
		pool = new WorkerPool(resolve('tests/integration/fixtures/echo-worker.ts'), 2);
		const pids = (await Promise.all([pool.run({ whoami: true, spinMs: 200 } as P), pool.run({ whoami: true })])).map((r) => r.pid!);
		await pool.close();
		for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
	});

	it('refuses work after it is closed', async () => {
		pool = new WorkerPool(resolve('tests/integration/fixtures/echo-worker.ts'), 1);
		await pool.close();
		await expect(pool.run({ echo: 'late' })).rejects.toThrow('shut down');
	});
});
