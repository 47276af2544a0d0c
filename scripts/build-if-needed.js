// Builds the app when build/ is missing or older than its sources. Used by `npm start` and the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const serverEntry = join(root, 'build', 'index.js');
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

/** @param {string} path @returns {number} */
function newestMtime(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

export function needsBuild() {
	if (!existsSync(serverEntry)) return true;
	const built = statSync(serverEntry).mtimeMs;
	return INPUTS.some((input) => existsSync(join(root, input)) && newestMtime(join(root, input)) > built);
}

/** Returns true when it built; exits the process with the build's status when the build fails. */
export function buildIfNeeded({ quiet = false } = {}) {
	if (!needsBuild()) return false;
	if (!quiet) console.log('Factdeck: building the app (this takes a few seconds the first time)…');
	const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: root,
		stdio: quiet ? 'pipe' : 'inherit',
		encoding: 'utf8'
	});
	if (result.status !== 0) {
		if (quiet) console.error(result.stdout, result.stderr);
		throw new Error('The build failed; see the messages above.');
	}
	return true;
}
