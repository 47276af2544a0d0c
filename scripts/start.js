// `npm start`: builds the app when needed, then serves it. adapter-node reads PORT, HOST
// and ORIGIN; the app reads DATABASE_URL and applies migrations as it starts.
import { buildIfNeeded, root, serverEntry } from './build-if-needed.js';

try {
	buildIfNeeded();
} catch (err) {
	console.error(`Factdeck: ${err instanceof Error ? err.message : err}`);
	process.exit(1);
}
process.chdir(root);
// adapter-node assumes https when ORIGIN is unset, which would make SvelteKit's origin check
// refuse every form posted to http://localhost. Default to the address the README gives.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT ?? '3000'}`;
// Uploads may be 2 MB and pasted text 1,000,000 characters; adapter-node's default is 512 kB.
process.env.BODY_SIZE_LIMIT ??= '6M';
await import(serverEntry);
