import { parentPort } from 'node:worker_threads';
import { runAsBackgroundThread } from '../thread-priority';
import type { SerializedError, WorkerRequest, WorkerResponse } from './pool';

/**
 * Inside a worker thread: answers each job message with the handler's result or error.
 * The thread runs at the lowest CPU priority: generation is background work, and requests
 * (on the main thread) must not wait for it (the bench measures /api/health while ten
 * generations run).
 */
export function serveJobs<P, R>(handle: (payload: P) => R | Promise<R>): void {
	if (!parentPort) throw new Error('serveJobs must run inside a worker thread');
	runAsBackgroundThread();
	const port = parentPort;
	port.on('message', async (msg: WorkerRequest<P>) => {
		let reply: WorkerResponse<R>;
		try {
			reply = { id: msg.id, ok: true, result: await handle(msg.payload) };
		} catch (err) {
			reply = { id: msg.id, ok: false, error: serialize(err) };
		}
		port.postMessage(reply);
	});
}

function serialize(err: unknown): SerializedError {
	if (err instanceof Error) {
		const code = (err as { code?: unknown }).code;
		return { name: err.name, message: err.message, code: typeof code === 'string' ? code : undefined };
	}
	return { name: 'Error', message: String(err) };
}
