/**
 * The source of the worker thread that fits FSRS parameters. It runs from this string
 * (`new Worker(source, { eval: true })`) so that the built server needs no separate worker
 * file: a Vite SSR build does not reliably emit `new Worker(new URL(...))` targets. The
 * script is CommonJS and requires only the npm binding, by the absolute path the main
 * thread resolves for it.
 *
 * workerData: { bindingPath, histories: [rating, deltaT][][], weights: number[] }
 * messages:   { type: 'progress', done, total } · { type: 'done', weights, logLossBefore,
 *             logLossAfter, items } · { type: 'error', message }
 */
export const OPTIMIZE_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

async function main() {
	const binding = require(workerData.bindingPath);
	const items = [];
	for (const history of workerData.histories) {
		const reviews = history.map(([rating, deltaT]) => new binding.FSRSBindingReview(rating, deltaT));
		// One item per long-term review (a later day than the review before), with all the
		// card's reviews up to it, as Anki builds them.
		for (let i = 1; i < reviews.length; i++) {
			if (history[i][1] > 0) items.push(new binding.FSRSBindingItem(reviews.slice(0, i + 1)));
		}
	}
	if (items.length === 0) throw new Error('None of your reviews came a day or more after the one before, so there is nothing to fit yet.');
	const before = new binding.FSRSBinding(workerData.weights).evaluate(items);
	let lastReport = 0;
	const weights = await binding.computeParameters(items, {
		enableShortTerm: true,
		numRelearningSteps: 1,
		progress: (done, total) => {
			const now = Date.now();
			if (now - lastReport > 250 || done === total) {
				lastReport = now;
				parentPort.postMessage({ type: 'progress', done, total });
			}
		}
	});
	if (!Array.isArray(weights) || weights.length === 0 || !weights.every(Number.isFinite)) {
		throw new Error('The optimizer returned no usable parameters.');
	}
	const after = new binding.FSRSBinding(weights).evaluate(items);
	parentPort.postMessage({
		type: 'done',
		weights,
		logLossBefore: before.logLoss,
		logLossAfter: after.logLoss,
		items: items.length
	});
}

main().catch((err) => {
	parentPort.postMessage({ type: 'error', message: err && err.message ? String(err.message) : String(err) });
});
`;

export type OptimizeWorkerMessage =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; weights: number[]; logLossBefore: number; logLossAfter: number; items: number }
	| { type: 'error'; message: string };
