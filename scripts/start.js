// `npm start`: builds the app when the build is missing or older than its sources,
// then serves it (adapter-node reads PORT, HOST and ORIGIN; the app reads DATABASE_URL).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'build', 'index.js');
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

function needsBuild() {
	if (!existsSync(entry)) return true;
	const built = statSync(entry).mtimeMs;
	return INPUTS.some((input) => existsSync(join(root, input)) && newestMtime(join(root, input)) > built);
}

if (needsBuild()) {
	console.log('Factdeck: building the app (this takes a few seconds the first time)…');
	const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) {
		console.error('Factdeck: the build failed; see the messages above.');
		process.exit(result.status ?? 1);
	}
}

process.chdir(root);
await import(entry);
