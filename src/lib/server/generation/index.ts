import { env } from '$env/dynamic/private';
import { getDb } from '../db';
import { readConfig } from '../config';
import { WorkerPool, workerModulePath } from './pool';
import { GenerationService, WORKER_MODULE, type GenerationPool } from './service';

let service: GenerationService | undefined;
let pool: GenerationPool | undefined;

/** The app's generation service, with its worker pool started on first use. */
export function getGeneration(): GenerationService {
	if (!service) {
		pool = new WorkerPool(workerModulePath(process.cwd(), WORKER_MODULE), readConfig(env).generationWorkers);
		service = new GenerationService(getDb(), pool);
	}
	return service;
}

export async function closeGeneration(): Promise<void> {
	await pool?.close();
	pool = undefined;
	service = undefined;
}
