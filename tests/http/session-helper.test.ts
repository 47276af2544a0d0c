import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { insertUser } from '../helpers/fixtures';
import { clientFor } from '../helpers/session';

let server: RunningServer;
let db: DB;
beforeAll(async () => {
	server = await startServer();
	db = openDatabase(server.dbPath);
});
afterAll(async () => {
	db?.$client.close();
	await server?.dispose();
});

it('a test can act as a user whose session it wrote into the live database', async () => {
	const teacher = insertUser(db, 'teacher', 'Fixture Teacher');
	const res = await clientFor(db, server.url, teacher.id).get('/');
	expect(await res.text()).toContain('Hello, Fixture Teacher');
});
