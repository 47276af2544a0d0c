// Vitest global setup for tests that run the built server: build once, only when stale.
import { buildIfNeeded } from '../../scripts/build-if-needed.js';

export default function setup(): void {
	buildIfNeeded({ quiet: true });
}
