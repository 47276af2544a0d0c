import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function routeFiles(dir = 'src/routes'): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? routeFiles(path) : [path];
	});
}

function routeId(file: string): string {
	const dir = relative('src/routes', join(file, '..')).split(sep).join('/');
	return '/' + dir;
}

/**
 * Every form action ("/classes/[id] ?/remove"), endpoint ("/api/health GET") and page
 * ("/review page") under src/routes, found by reading the route files.
 */
export function scannedRoutes(): string[] {
	const keys: string[] = [];
	for (const file of routeFiles()) {
		const id = routeId(file).replace(/\/$/, '') || '/';
		const source = readFileSync(file, 'utf8');
		if (file.endsWith('+page.server.ts')) {
			const block = /export const actions[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source);
			if (block) for (const m of block[1].matchAll(/^\t(\w+):/gm)) keys.push(`${id} ?/${m[1]}`);
		}
		if (file.endsWith('+server.ts')) {
			for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|fallback)\b/g)) keys.push(`${id} ${m[1]}`);
		}
		if (file.endsWith('+page.svelte') || (file.endsWith('+page.server.ts') && /export const load\b/.test(source))) keys.push(`${id} page`);
	}
	return [...new Set(keys)].sort();
}
