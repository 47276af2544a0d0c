// "Zero acknowledged answers lost": after the server is stopped, every rating and quiz
// answer it answered 2xx to must be in the database.
import Database from 'better-sqlite3';
import type { Acknowledged } from './http';

export type Durability = { ratingsAcknowledged: number; ratingsLost: number; answersAcknowledged: number; answersLost: number };

export function checkAcknowledged(dbPath: string, acked: Acknowledged, since: Date): Durability {
	const db = new Database(dbPath, { fileMustExist: true });
	try {
		const version = db.prepare(`SELECT version FROM cards WHERE id = ?`).pluck();
		const logs = db.prepare(`SELECT count(*) FROM review_logs WHERE card_id = ? AND review >= ?`).pluck();
		const answer = db.prepare(`SELECT response FROM attempt_answers WHERE attempt_id = ? AND question_id = ?`).pluck();
		let ratingsLost = 0;
		for (const [cardId, v] of acked.ratings) {
			const stored = version.get(cardId) as number | undefined;
			if (stored === undefined || stored < v || (logs.get(cardId, since.getTime()) as number) < 1) ratingsLost++;
		}
		let answersLost = 0;
		for (const [key, response] of acked.answers) {
			const [attemptId, questionId] = key.split(':').map(Number);
			const stored = answer.get(attemptId, questionId) as string | undefined;
			const clean = Array.isArray(response) ? response : response.trim();
			if (stored === undefined || stored !== JSON.stringify(clean)) answersLost++;
		}
		return { ratingsAcknowledged: acked.ratings.size, ratingsLost, answersAcknowledged: acked.answers.size, answersLost };
	} finally {
		db.close();
	}
}
