/**
 * Configuration read from the environment once, at start. A bad value stops the
 * server with a message naming the variable, instead of failing later.
 */
export type Config = {
	databaseUrl: string;
	/** Worker threads that run question generation. */
	generationWorkers: number;
};

export class ConfigError extends Error {}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > 64) {
		throw new ConfigError(`${name} must be a whole number from 1 to 64 (got "${raw}")`);
	}
	return n;
}

export function readConfig(env: Record<string, string | undefined>): Config {
	const databaseUrl = (env.DATABASE_URL ?? './data/factdeck.db').replace(/^file:/, '');
	if (!databaseUrl.trim()) throw new ConfigError('DATABASE_URL is set but empty');
	return {
		databaseUrl,
		generationWorkers: positiveInt('GENERATION_WORKERS', env.GENERATION_WORKERS, 2)
	};
}
