import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../helpers/db';
import { commitGroup } from '../../src/lib/server/db/commit-group';

describe('group commit', () => {
	let t: TempDb;
	beforeEach(() => (t = tempDb()));
	afterEach(() => t.close());

	const insert = (key: string) => () => t.db.$client.prepare(`INSERT INTO auth_failures (key, at) VALUES (?, 1)`).run(key).changes;
	const keys = () => t.db.$client.prepare(`SELECT key FROM auth_failures ORDER BY id`).pluck().all();

	it('commits the writes queued in one round of the event loop in one transaction', async () => {
		const group = commitGroup(t.db.$client);
		const seen: boolean[] = [];
		const results = await Promise.all(
			['a', 'b', 'c'].map((key) =>
				group.run(() => {
					seen.push(t.db.$client.inTransaction);
					return insert(key)();
				})
			)
		);
		expect(results).toEqual([1, 1, 1]);
		expect(seen).toEqual([true, true, true]);
		expect(t.db.$client.inTransaction).toBe(false);
		expect(keys()).toEqual(['a', 'b', 'c']);
	});

	it('gives a failed write its error and commits the others; a transaction function rolls back only itself', async () => {
		const group = commitGroup(t.db.$client);
		const failing = t.db.$client.transaction(() => {
			insert('half-done')();
			throw new Error('refused');
		});
		const outcomes = await Promise.allSettled([group.run(insert('a')), group.run(() => failing()), group.run(insert('b'))]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('refused');
		expect(keys()).toEqual(['a', 'b']);
	});

	it('fails every write of the batch when the transaction is lost, so none is acknowledged', async () => {
		const group = commitGroup(t.db.$client);
		const outcomes = await Promise.allSettled([
			group.run(insert('a')),
			group.run(() => {
				// As SQLite does on some errors (a full disk): the whole transaction is gone.
				t.db.$client.exec('ROLLBACK');
				throw new Error('disk full');
			}),
			group.run(insert('b'))
		]);
		expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
		expect(keys()).toEqual([]);
		// The group goes on working afterwards.
		await group.run(insert('c'));
		expect(keys()).toEqual(['c']);
	});
});
