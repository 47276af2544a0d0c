import { describe, expect, it } from 'vitest';
import { coalescingFlusher } from '../../../src/lib/server/db/durable';

/** A flush whose runs are started and finished by the test, in order. */
function controlledFlush() {
	const runs: { finish: () => void; fail: (err: Error) => void }[] = [];
	const flush = () =>
		new Promise<void>((resolve, reject) => {
			runs.push({ finish: resolve, fail: reject });
		});
	return { flush, runs };
}

const settled = (p: Promise<void>) => {
	const state = { done: false, error: null as Error | null };
	p.then(
		() => (state.done = true),
		(err: Error) => (state.error = err)
	);
	return state;
};
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('coalescingFlusher', () => {
	it('starts a flush at once when none runs', async () => {
		const { flush, runs } = controlledFlush();
		const after = coalescingFlusher(flush);
		const first = settled(after());
		expect(runs).toHaveLength(1);
		runs[0].finish();
		await tick();
		expect(first.done).toBe(true);
	});

	it('makes writers that arrive during a flush wait for one that starts after it, shared by all of them', async () => {
		const { flush, runs } = controlledFlush();
		const after = coalescingFlusher(flush);
		const first = settled(after());
		const second = settled(after());
		const third = settled(after());
		expect(runs).toHaveLength(1);
		runs[0].finish();
		await tick();
		// The running flush may have begun before their writes: they are not done with it.
		expect(first.done).toBe(true);
		expect(second.done).toBe(false);
		expect(third.done).toBe(false);
		expect(runs).toHaveLength(2);
		runs[1].finish();
		await tick();
		expect(second.done && third.done).toBe(true);
		expect(runs).toHaveLength(2);
	});

	it('passes a failed flush to its waiters and still flushes for those queued behind it', async () => {
		const { flush, runs } = controlledFlush();
		const after = coalescingFlusher(flush);
		const first = settled(after());
		const second = settled(after());
		runs[0].fail(new Error('EIO'));
		await tick();
		expect(first.error?.message).toBe('EIO');
		expect(second.done).toBe(false);
		runs[1].finish();
		await tick();
		expect(second.done).toBe(true);
	});
});
