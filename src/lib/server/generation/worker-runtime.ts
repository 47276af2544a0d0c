import { runAsBackgroundProcess } from '../thread-priority';
import type { SerializedError, WorkerRequest, WorkerResponse } from './pool';

/**
 * Inside a worker process of the pool: answers each job message with the handler's result
 * or error. The whole process runs at the lowest CPU priority: generation is background
 * work, and requests (on the server's main thread) must not wait for it (the bench
 * measures /api/health while ten generations run). It ends when the server does.
 */
export function serveJobs<P, R>(handle: (payload: P) => R | Promise<R>): void {
	const send = process.send?.bind(process);
	if (!send) throw new Error('serveJobs must run in a process started by the worker pool');
	runAsBackgroundProcess();
	// The server went away (even killed): nothing is left to answer.
	process.on('disconnect', () => process.exit(0));
	process.on('message', async (msg: WorkerRequest<P>) => {
		let reply: WorkerResponse<R>;
		try {
			reply = { id: msg.id, ok: true, result: await handle(msg.payload) };
		} catch (err) {
			reply = { id: msg.id, ok: false, error: serialize(err) };
		}
		send(reply);
	});
}

function serialize(err: unknown): SerializedError {
	if (err instanceof Error) {
		const code = (err as { code?: unknown }).code;
		return { name: err.name, message: err.message, code: typeof code === 'string' ? code : undefined };
	}
	return { name: 'Error', message: String(err) };
}
