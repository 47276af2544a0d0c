import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A fixed pool of worker threads running one TypeScript module each. Jobs wait in a FIFO
 * queue, so however many generations are asked for at once, at most `size` threads work
 * and the request-handling thread never runs the CPU-heavy part.
 *
 * The worker module runs from the TypeScript source through tsx, so it works the same
 * under `vite dev`, the built server and the tests (the app always runs from its
 * project folder: `npm start` changes into it).
 */

export type WorkerRequest<P> = { id: number; payload: P };
export type WorkerResponse<R> = { id: number; ok: true; result: R } | { id: number; ok: false; error: SerializedError };
export type SerializedError = { name: string; message: string; code?: string };

/** An error thrown inside a worker, rebuilt on this side with its name, message and code. */
export class WorkerJobError extends Error {
	constructor(
		readonly original: SerializedError
	) {
		super(original.message);
		this.name = original.name;
	}
	get code(): string | undefined {
		return this.original.code;
	}
}

/** The pool was closed (the server is shutting down) before the job could finish. */
export class PoolClosedError extends Error {
	constructor() {
		super('The worker pool is shut down: the server is stopping.');
		this.name = 'PoolClosedError';
	}
}

type Job<P, R> = { id: number; key?: string; payload: P; resolve: (r: R) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; job: Job<unknown, unknown> | null };

export function workerModulePath(root: string, relative: string): string {
	const path = join(root, relative);
	if (!existsSync(path)) {
		throw new Error(`The worker module ${relative} was not found under ${root}; start the server from the project folder (npm start).`);
	}
	return path;
}

export class WorkerPool<P, R> {
	private readonly slots: Slot[] = [];
	private readonly queue: Job<P, R>[] = [];
	private nextId = 1;
	private closed = false;

	constructor(
		private readonly modulePath: string,
		private readonly size: number,
		private readonly root = process.cwd()
	) {}

	private spawn(): Slot {
		// The ESM entry of tsx's API (its package "exports" maps ./esm/api to this file for import).
		const tsxDir = dirname(createRequire(join(this.root, 'package.json')).resolve('tsx/package.json'));
		const tsxApi = join(tsxDir, 'dist', 'esm', 'api', 'index.mjs');
		const source = `
			const { parentPort } = require('node:worker_threads');
			import(${JSON.stringify(pathToFileURL(tsxApi).href)})
				.then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(this.modulePath).href)}); })
				.catch((err) => { parentPort.postMessage({ id: 0, ok: false, error: { name: 'WorkerStartError', message: String(err && err.stack || err) } }); });
		`;
		const worker = new Worker(source, { eval: true });
		const slot: Slot = { worker, job: null };
		worker.on('message', (msg: WorkerResponse<R>) => this.settle(slot, msg));
		worker.on('error', (err) => this.fail(slot, err));
		worker.on('exit', (code) => {
			if (!this.closed) this.fail(slot, new Error(`A generation worker stopped unexpectedly (exit code ${code}).`));
		});
		return slot;
	}

	private settle(slot: Slot, msg: WorkerResponse<R>): void {
		const job = slot.job as Job<P, R> | null;
		if (msg.id === 0 && !msg.ok) {
			// The worker could not load its module: fail what it holds; the next job respawns it.
			this.fail(slot, new WorkerJobError(msg.error));
			return;
		}
		if (!job || job.id !== msg.id) return;
		slot.job = null;
		if (msg.ok) job.resolve(msg.result);
		else job.reject(new WorkerJobError(msg.error));
		this.pump();
	}

	private fail(slot: Slot, err: Error): void {
		const job = slot.job;
		slot.job = null;
		const index = this.slots.indexOf(slot);
		if (index >= 0) this.slots.splice(index, 1);
		void slot.worker.terminate();
		job?.reject(err);
		this.pump();
	}

	private pump(): void {
		if (this.closed) return;
		while (this.queue.length) {
			let slot = this.slots.find((s) => s.job === null);
			if (!slot && this.slots.length < this.size) {
				slot = this.spawn();
				this.slots.push(slot);
			}
			if (!slot) return;
			const job = this.queue.shift()!;
			slot.job = job as Job<unknown, unknown>;
			slot.worker.postMessage({ id: job.id, payload: job.payload } satisfies WorkerRequest<P>);
		}
	}

	/** Queues a job; `key` lets callers ask for its place in the queue while it waits. */
	run(payload: P, key?: string): Promise<R> {
		if (this.closed) return Promise.reject(new PoolClosedError());
		return new Promise<R>((resolve, reject) => {
			this.queue.push({ id: this.nextId++, key, payload, resolve, reject });
			this.pump();
		});
	}

	/** 0 while running, 1 for the next in line, …; null when the key is not known. */
	positionOf(key: string): number | null {
		if (this.slots.some((s) => (s.job as Job<P, R> | null)?.key === key)) return 0;
		const i = this.queue.findIndex((j) => j.key === key);
		return i < 0 ? null : i + 1;
	}

	get pending(): number {
		return this.queue.length + this.slots.filter((s) => s.job).length;
	}

	async close(): Promise<void> {
		this.closed = true;
		for (const job of this.queue.splice(0)) job.reject(new PoolClosedError());
		await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
	}
}
