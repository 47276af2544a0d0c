import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { openDatabase, type DB } from './client';
import { readConfig } from '../config';

let instance: DB | undefined;

/** The app's database, opened (and migrated) on first use — never while building. */
export function getDb(): DB {
	if (building) throw new Error('The database is not available while building');
	instance ??= openDatabase(readConfig(env).databaseUrl);
	return instance;
}

export function closeDb(): void {
	instance?.$client.close();
	instance = undefined;
}
