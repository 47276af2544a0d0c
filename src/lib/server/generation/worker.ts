// A generation worker process: turns raw input into article text, and text into questions.
import { serveJobs } from './worker-runtime';
import { extractArticle, generate } from '../../generation/index';
import type { ArticleKind, GeneratedQuestion } from '../../generation/index';

export type GenerationJob =
	| { op: 'extract'; raw: string; kind: ArticleKind; url?: string }
	| { op: 'generate'; text: string; title: string; seed: number; count: number };

export type ExtractResult = { title: string; text: string };
export type GenerateResult = { questions: GeneratedQuestion[] };

serveJobs((job: GenerationJob): ExtractResult | GenerateResult => {
	if (job.op === 'extract') return extractArticle(job.raw, job.kind, { url: job.url });
	const result = generate(job.text, { seed: job.seed, count: job.count, title: job.title });
	return { questions: result.questions };
});
