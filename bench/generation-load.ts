// Keeps article generations running on the server while something else is measured: a
// teacher pastes development articles through /articles/new exactly as the form does, and
// whenever one of them is ready another is posted, so `inFlight` articles are always on
// their way (extracting, queued or generating; two generate at a time with the default
// GENERATION_WORKERS). Readiness is read straight from the database, not over HTTP, so
// watching adds no requests.
import Database from 'better-sqlite3';
import { developmentArticles } from './generation';

export type GenerationLoad = {
	/** Resolves once the first `inFlight` articles are posted (their generation is queued). */
	started: Promise<void>;
	/** Stops posting, waits (bounded) for the posted articles to finish; resolves with the tally. */
	finish: () => Promise<{ posted: number; ready: number; failed: number }>;
};

export function startGenerationLoad(options: { url: string; dbPath: string; teacherToken: string; inFlight: number; timeoutMs?: number }): GenerationLoad {
	const articles = developmentArticles();
	const watcher = new Database(options.dbPath, { readonly: true, fileMustExist: true });
	const status = watcher.prepare(`SELECT generation_status AS s FROM articles WHERE id = ?`).pluck();
	const waiting = new Set<number>();
	let posted = 0;
	let ready = 0;
	let failed = 0;
	let stopping = false;
	let failure: Error | null = null;

	const post = async (): Promise<void> => {
		const article = articles[posted % articles.length];
		const n = ++posted;
		const res = await fetch(`${options.url}/articles/new`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie: `session=${options.teacherToken}`,
				origin: options.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ mode: 'paste', title: `Bench article ${n}`, text: article.text })
		});
		const location = res.headers.get('location') ?? '';
		const id = Number(/^\/articles\/(\d+)$/.exec(location)?.[1]);
		await res.arrayBuffer();
		if (res.status !== 303 || !id) throw new Error(`Posting an article answered ${res.status} ${location}`);
		waiting.add(id);
	};

	// Posts on their way count as in flight too: the extraction waits in the same worker queue.
	const posting = new Set<Promise<void>>();
	const refill = () => {
		while (!stopping && !failure && waiting.size + posting.size < options.inFlight) {
			const p: Promise<void> = post()
				.catch((err: Error) => {
					failure = err;
				})
				.finally(() => posting.delete(p));
			posting.add(p);
		}
	};

	/** Counts the finished articles; while running, replaces each with a new one. */
	const poll = () => {
		for (const id of [...waiting]) {
			const s = status.get(id);
			if (s === 'pending') continue;
			waiting.delete(id);
			if (s === 'ready') ready++;
			else failed++;
		}
	};

	let loop: Promise<void> | undefined;
	const started = (async () => {
		await Promise.all(Array.from({ length: options.inFlight }, () => post()));
		loop = (async () => {
			while (!stopping && !failure) {
				poll();
				refill();
				await new Promise((r) => setTimeout(r, 50));
			}
		})();
	})();

	const finish = async () => {
		await started;
		stopping = true;
		await loop;
		await Promise.all(posting);
		const deadline = Date.now() + (options.timeoutMs ?? 120_000);
		while (waiting.size && Date.now() < deadline) {
			poll();
			if (waiting.size) await new Promise((r) => setTimeout(r, 50));
		}
		watcher.close();
		if (failure) throw failure;
		if (waiting.size) throw new Error(`${waiting.size} article generations did not finish within the time allowed`);
		return { posted, ready, failed };
	};

	return { started, finish };
}
