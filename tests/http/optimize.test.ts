import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase, type DB } from '../../src/lib/server/db/client';
import { clientFor } from '../helpers/session';
import { insertSyntheticHistory, studentWithCards } from '../helpers/review';
import { optimizations, users, type Optimization } from '../../src/lib/server/db/schema';

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

const YEAR_AGO = new Date(Date.now() - 365 * 86_400_000);

async function finishedRun(userId: string): Promise<Optimization> {
	for (let i = 0; i < 600; i++) {
		const row = db.select().from(optimizations).where(eq(optimizations.userId, userId)).get();
		if (row && row.status !== 'running') return row;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the optimization did not finish:\n${server.output()}`);
}

describe('Optimize my schedule, on the built server', () => {
	it('fits personal parameters off the request path and shows the log loss before and after', async () => {
		const { user, cards } = studentWithCards(db, new Date(), { sets: 10 });
		insertSyntheticHistory(db, user.id, cards.map((c) => c.id), { reviews: 420, start: YEAR_AGO });
		const client = clientFor(db, server.url, user.id);
		const before = await (await client.get('/settings')).text();
		expect(before).toContain('You have <strong>420</strong> reviews.');
		expect(before).not.toMatch(/<button[^>]*disabled[^>]*>Optimize my schedule/);

		const res = await client.postForm('/settings?/optimize', {});
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Optimizing your schedule.');
		const run = await finishedRun(user.id);
		expect(run.error).toBeNull();
		expect(run.status).toBe('done');
		expect(run.logLossBefore).toBeGreaterThan(0);
		expect(run.logLossAfter).toBeGreaterThan(0);
		expect(run.weights).toHaveLength(21);

		const page = await (await client.get('/settings')).text();
		expect(page).toContain('Log loss before');
		expect(page).toContain(run.logLossBefore!.toFixed(4));
		expect(page).toContain(run.logLossAfter!.toFixed(4));
		const weights = db.select({ w: users.fsrsWeights }).from(users).where(eq(users.id, user.id)).get()!.w;
		if (run.logLossAfter! <= run.logLossBefore!) {
			expect(weights).toEqual(run.weights);
			expect(page).toContain('Your schedule now uses the new parameters.');
		} else {
			expect(weights).toBeNull();
			expect(page).toContain('so your schedule is unchanged');
		}
	});

	it('explains why the button is off with too few reviews, and refuses the action', async () => {
		const { user, cards } = studentWithCards(db, new Date(), { sets: 2 });
		insertSyntheticHistory(db, user.id, cards.map((c) => c.id), { reviews: 50, start: YEAR_AGO });
		const client = clientFor(db, server.url, user.id);
		const page = await (await client.get('/settings')).text();
		expect(page).toMatch(/<button[^>]*disabled[^>]*>Optimize my schedule/);
		expect(page).toContain('Available from about 400 reviews — 350 to go.');
		const res = await client.postForm('/settings?/optimize', {});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Optimizing needs about 400 reviews; you have 50 so far.');
		expect(db.select().from(optimizations).where(eq(optimizations.userId, user.id)).all()).toHaveLength(0);
	});

	it('does not leave a run "running" across a restart', async () => {
		const { user } = studentWithCards(db, new Date());
		const row = db.insert(optimizations).values({ userId: user.id, status: 'running', reviewCount: 500, startedAt: new Date() }).returning().get();
		await server.restart();
		const after = db.select().from(optimizations).where(eq(optimizations.id, row.id)).get()!;
		expect(after.status).toBe('failed');
		expect(after.error).toMatch(/server stopped/);
		const page = await (await clientFor(db, server.url, user.id).get('/settings')).text();
		expect(page).toContain('Failed');
	});
});
