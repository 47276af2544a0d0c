import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tempDb, type TempDb } from '../../helpers/db';
import { insertSyntheticHistory, studentWithCards } from '../../helpers/review';
import {
	failInterruptedOptimizations,
	optimizationView,
	startOptimization,
	INTERRUPTED_MESSAGE,
	OPTIMIZE_MIN_REVIEWS
} from '../../../src/lib/server/review/optimize';
import { optimizations, reviewLogs, users } from '../../../src/lib/server/db/schema';
import { ConflictError, ValidationError } from '../../../src/lib/server/errors';

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

const NOW = new Date('2026-03-10T09:00:00Z');
const YEAR_AGO = new Date(NOW.getTime() - 365 * 86_400_000);

describe('optimizing the schedule', () => {
	it('refuses with fewer than about 400 reviews, and writes nothing', () => {
		const { user, cards } = studentWithCards(t.db, NOW, { sets: 2 });
		insertSyntheticHistory(t.db, user.id, cards.map((c) => c.id), { reviews: 120, start: YEAR_AGO });
		expect(() => startOptimization(t.db, user, NOW)).toThrow(ValidationError);
		expect(t.db.select().from(optimizations).all()).toHaveLength(0);
		expect(optimizationView(t.db, user.id, NOW)).toMatchObject({ reviewCount: 120, minReviews: OPTIMIZE_MIN_REVIEWS, latest: null });
	});

	it('fits parameters in a worker thread and records both log losses', async () => {
		const { user, cards } = studentWithCards(t.db, NOW, { sets: 10 });
		const written = insertSyntheticHistory(t.db, user.id, cards.map((c) => c.id), { reviews: 420, start: YEAR_AGO });
		expect(written).toBe(420);
		const { run, finished } = startOptimization(t.db, user, NOW);
		expect(run).toMatchObject({ status: 'running', reviewCount: 420 });
		// One run at a time per student.
		expect(() => startOptimization(t.db, user, NOW)).toThrow(ConflictError);

		const row = await finished;
		expect(row.error).toBeNull();
		expect(row.status).toBe('done');
		expect(row.logLossBefore).toBeGreaterThan(0);
		expect(row.logLossAfter).toBeGreaterThan(0);
		expect(row.weights).toHaveLength(21);
		const stored = t.db.select().from(users).where(eq(users.id, user.id)).get()!;
		// The fitted weights are used only if they predict the history at least as well.
		if (row.logLossAfter! <= row.logLossBefore!) expect(stored.fsrsWeights).toEqual(row.weights);
		else expect(stored.fsrsWeights).toBeNull();
		expect(optimizationView(t.db, user.id, NOW)).toMatchObject({ latest: { id: run.id, status: 'done' }, progress: null });
	});

	it('marks a run failed, with the reason, when there is nothing to fit', async () => {
		const { user, cards } = studentWithCards(t.db, NOW, { sets: 1 });
		// 400 same-day reviews of one card: no review comes a day after another.
		const rows = Array.from({ length: 400 }, (_, i) => ({
			cardId: cards[0].id,
			userId: user.id,
			rating: 3,
			state: i === 0 ? 0 : 1,
			due: NOW,
			stability: 1,
			difficulty: 5,
			elapsedDays: 0,
			lastElapsedDays: 0,
			scheduledDays: 0,
			learningSteps: 0,
			review: new Date(NOW.getTime() + i * 1000),
			previousCard: {}
		}));
		t.db.$client.transaction(() => rows.forEach((r) => t.db.insert(reviewLogs).values(r).run()))();
		const { finished } = startOptimization(t.db, user, NOW);
		const row = await finished;
		expect(row.status).toBe('failed');
		expect(row.error).toMatch(/nothing to fit/);
		expect(t.db.select().from(users).where(eq(users.id, user.id)).get()!.fsrsWeights).toBeNull();
	});

	it('fails runs left running by a server that stopped', () => {
		const { user } = studentWithCards(t.db, NOW);
		const row = t.db.insert(optimizations).values({ userId: user.id, status: 'running', reviewCount: 500, startedAt: NOW }).returning().get();
		expect(failInterruptedOptimizations(t.db, NOW)).toBe(1);
		expect(t.db.select().from(optimizations).where(eq(optimizations.id, row.id)).get()).toMatchObject({
			status: 'failed',
			error: INTERRUPTED_MESSAGE
		});
	});

	it('fails a run still "running" long after the time limit when it is read', () => {
		const { user } = studentWithCards(t.db, NOW);
		t.db.insert(optimizations).values({ userId: user.id, status: 'running', reviewCount: 500, startedAt: YEAR_AGO }).run();
		expect(optimizationView(t.db, user.id, NOW).latest).toMatchObject({ status: 'failed' });
	});
});
