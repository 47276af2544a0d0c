// `npm run bench:generate`: the generator bench alone (see bench/generation.ts).
// BENCH_RUNS sets the number of timed runs per article (default 15).
import { generationTable, measureGeneration } from './generation.js';

console.log(generationTable(measureGeneration(Number(process.env.BENCH_RUNS ?? 15))));
