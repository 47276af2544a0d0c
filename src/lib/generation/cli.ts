import { readFileSync } from 'node:fs';
import { GenerationError } from './errors.js';
import { fetchArticle } from './fetch-url.js';
import { generate } from './generate.js';
import { extractArticle, guessKind } from './input/extract.js';
import { decodeInput } from './input/validate.js';
import { renderText } from './render-text.js';
import type { ArticleKind, GenerationResult } from './types.js';

const USAGE = 'usage: npm run --silent generate -- [--count N] [--seed S] [--format json|text] FILE|URL|-';

interface Args {
	count: number;
	seed: string;
	format: 'json' | 'text';
	file: string;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { count: 20, seed: '0', format: 'json', file: '' };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) fail(`${a} needs a value.\n${USAGE}`);
			return v;
		};
		if (a === '--count' || a === '-n') {
			const v = value();
			const n = Number(v);
			if (!Number.isInteger(n) || n < 0) fail(`--count must be a whole number (0 for all), not "${v}".`);
			args.count = n;
		} else if (a === '--seed') args.seed = value();
		else if (a === '--format') {
			const v = value();
			if (v !== 'json' && v !== 'text') fail(`--format must be json or text, not "${v}".`);
			args.format = v;
		} else if (a === '--help' || a === '-h') {
			process.stdout.write(USAGE + '\n');
			process.exit(0);
		} else if (a === '--') continue;
		else if (a.startsWith('--')) fail(`Unknown option ${a}.\n${USAGE}`);
		else if (args.file) fail(`Only one input file may be given.\n${USAGE}`);
		else args.file = a;
	}
	if (!args.file) fail(`No input file given.\n${USAGE}`);
	return args;
}

function fail(message: string): never {
	process.stderr.write(`generate: ${message}\n`);
	process.exit(2);
}

async function readInput(file: string): Promise<{ raw: string; kind: ArticleKind; url?: string }> {
	if (/^https?:\/\//i.test(file)) {
		const page = await fetchArticle(file);
		return { raw: page.body, kind: page.html ? 'html' : 'text', url: page.url };
	}
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) throw new GenerationError('bad_url', 'Only http and https addresses can be fetched.');
	let bytes: Buffer;
	try {
		bytes = file === '-' ? readFileSync(0) : readFileSync(file);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
		throw new GenerationError('unreadable', `Cannot read ${file}: ${why}.`);
	}
	const raw = decodeInput(bytes);
	return { raw, kind: guessKind(file === '-' ? '' : file, raw) };
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const input = await readInput(args.file);
	const { title, text } = extractArticle(input.raw, input.kind, { url: input.url });
	const result: GenerationResult & { text?: string } = generate(text, { count: args.count, seed: args.seed, title, markdown: input.kind === 'markdown' });
	if (input.kind === 'html') result.text = text; // offsets then refer to the extracted text
	if (args.format === 'text') {
		process.stdout.write(renderText(result) + '\n');
		return;
	}
	const cards = result.questions.map((q) => ({ front: q.card.front, back: q.card.back, sources: q.sources }));
	process.stdout.write(JSON.stringify({ title: result.title, ...(result.text !== undefined ? { text: result.text } : {}), questions: result.questions, cards }, null, 2) + '\n');
}

main().catch((e: unknown) => {
	if (e instanceof GenerationError) {
		process.stderr.write(`generate: ${e.message}\n`);
		process.exit(1);
	}
	process.stderr.write(`generate: unexpected error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
	process.exit(70);
});
