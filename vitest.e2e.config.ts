import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium driven by playwright-core against the built server.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/helpers/build-once.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
