// The due-queue bench: how long the review page's "what comes next" query (nextCard in
// src/lib/server/review/queue.ts, the counts and the head of the queue) takes for one
// student, on a database of a given size. Measured in-process on the app's own connection
// setup (openDatabase), warm, as the median over many students and rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db/client';
import { nextCard } from '../src/lib/server/review/queue';
import { median } from './generation';
import { seedSchool } from './seed-school';

/** Cards per student in the queue databases (the default school's ratio). */
export const CARDS_PER_STUDENT = 200;

export type QueueFigures = { cards: number; students: number; reviewLogs: number; medianMs: number; p90Ms: number; samples: number; seedSeconds: number };

function percentile(xs: number[], p: number): number {
	const s = xs.slice().sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/**
 * Seeds a temporary database with `cards` cards (CARDS_PER_STUDENT per student, one review
 * log per studied card), then times nextCard for up to `sampleStudents` students, `rounds`
 * times each after one warm-up round. The database is deleted afterwards.
 */
export function measureDueQueue(cards: number, now: Date, options: { sampleStudents?: number; rounds?: number } = {}): QueueFigures {
	const students = Math.max(1, Math.round(cards / CARDS_PER_STUDENT));
	const size = { students, classes: Math.max(1, Math.round(students / 25)), cards, reviewLogs: cards };
	const dir = mkdtempSync(join(tmpdir(), 'factdeck-bench-queue-'));
	try {
		const seedStart = performance.now();
		const seedDb = openDatabase(join(dir, 'queue.db'));
		seedSchool(seedDb, size, now, { forHttp: false });
		seedDb.$client.close();
		const seedSeconds = (performance.now() - seedStart) / 1000;

		const db = openDatabase(join(dir, 'queue.db'));
		try {
			const all = db.$client
				.prepare(`SELECT id, time_zone AS timeZone, new_per_day AS newPerDay, reviews_per_day AS reviewsPerDay FROM users WHERE role = 'student' ORDER BY id`)
				.all() as { id: string; timeZone: string; newPerDay: number; reviewsPerDay: number }[];
			// An even spread over the students (ids sort as strings: spread by position, not by id).
			const wanted = Math.min(all.length, options.sampleStudents ?? 500);
			const sample = Array.from({ length: wanted }, (_, i) => all[Math.floor((i * all.length) / wanted)]);
			const rounds = options.rounds ?? 5;
			const times: number[] = [];
			for (let round = 0; round <= rounds; round++) {
				for (const user of sample) {
					const t0 = performance.now();
					const head = nextCard(db, user, now);
					const ms = performance.now() - t0;
					if (round > 0) times.push(ms);
					if (round === 0 && head.counts === undefined) throw new Error('nextCard returned no counts');
				}
			}
			return { cards, students, reviewLogs: size.reviewLogs, medianMs: median(times), p90Ms: percentile(times, 90), samples: times.length, seedSeconds };
		} finally {
			db.$client.close();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
