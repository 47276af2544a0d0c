import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../helpers/db';

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

describe('the settings every connection opens with', () => {
	it('uses WAL with FULL sync (a commit is on disk before it is acknowledged), foreign keys and a busy wait', () => {
		const pragma = (name: string) => t.db.$client.pragma(name, { simple: true });
		expect(pragma('journal_mode')).toBe('wal');
		// 2 = FULL: NORMAL would keep acknowledged commits through a killed process but not
		// through a power cut.
		expect(pragma('synchronous')).toBe(2);
		expect(pragma('foreign_keys')).toBe(1);
		expect(pragma('busy_timeout')).toBe(5000);
	});
});
