import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Browser tests: Debian's Chromium driven by playwright-core against the built server.
export default defineConfig({
	// Server modules the tests import use SvelteKit's $lib alias.
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/helpers/build-once.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
