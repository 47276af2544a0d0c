import { afterEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../helpers/db';
import { durableWrites, type DurableWrites } from '../../src/lib/server/db/durable';

describe('durable writes', () => {
	let t: TempDb | undefined;
	let durable: DurableWrites | undefined;
	afterEach(() => {
		durable?.close();
		t?.close();
		durable = undefined;
		t = undefined;
	});

	it('waits for the disk only when the connection wrote since the mark', async () => {
		t = tempDb();
		t.db.$client.pragma('synchronous = NORMAL');
		durable = durableWrites(t.db.$client, `${t.path}-wal`);
		const mark = durable.mark();
		t.db.$client.prepare('SELECT count(*) FROM users').get();
		expect(durable.since(mark)).toBeNull();
		t.db.$client.prepare(`INSERT INTO auth_failures (key, at) VALUES ('ip:1', 1)`).run();
		const flushed = durable.since(mark);
		expect(flushed).toBeInstanceOf(Promise);
		await flushed;
		expect(durable.mark()).toBe(mark + 1);
	});

	it('fails at once when there is no WAL file to flush', () => {
		t = tempDb();
		expect(() => durableWrites(t!.db.$client, `${t!.path}-missing-wal`)).toThrow(/ENOENT/);
	});
});
