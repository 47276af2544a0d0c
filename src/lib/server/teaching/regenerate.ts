/**
 * "Regenerate one" in the set editor: swaps a question for another the generator can make
 * from the same article, preferably from the same sentence.
 *
 * The generator runs over the article with `count: 0` (every candidate, best first) and a
 * seed derived from the question id and how many times it was regenerated before, so each
 * press gives a fresh draw (option order, true/false polarity) yet the same press is
 * reproducible. The replacement is the best-ranked candidate that shares a source sentence
 * with the question, or failing that the best-ranked one; either way it must differ from
 * the question and from every other question already in the question's sets.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { DB } from '../db/client';
import { articles, questions, setItems, type Question, type SourceSpan } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { GeneratedQuestion } from '../../generation/index';
import { validateQuestion } from '../../teaching/question-validation';
import { normaliseAnswer } from '../../study/answers';
import { replaceQuestionContent } from './set-editor';

/** Produces every candidate question for a text, ranked best first. */
export type CandidateSource = (text: string, options: { seed: number; title: string }) => Promise<GeneratedQuestion[]>;

/** The generator in this thread (tests, scripts); the web app passes its worker pool instead. */
export const generateInProcess: CandidateSource = async (text, { seed, title }) => {
	const { generate } = await import('../../generation/index');
	return generate(text, { count: 0, seed, title }).questions;
};

/** A 32-bit seed from the question id and the number of earlier regenerations. */
export function regenerationSeed(questionId: number, regenerations: number): number {
	let h = 2166136261;
	for (const ch of `regenerate:${questionId}:${regenerations}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
	return h;
}

const overlaps = (a: readonly SourceSpan[], b: readonly SourceSpan[]) =>
	a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

const sameQuestion = (a: { type: string; prompt: string }, b: { type: string; prompt: string }) =>
	a.type === b.type && normaliseAnswer(a.prompt) === normaliseAnswer(b.prompt);

/** The candidate to use, or null: same sentence first, then any, never one the sets already have. */
export function pickReplacement(
	current: Pick<Question, 'type' | 'prompt' | 'sources'>,
	others: readonly { type: string; prompt: string }[],
	candidates: readonly GeneratedQuestion[]
): GeneratedQuestion | null {
	const usable = candidates.filter((c) => {
		if (sameQuestion(c, current) || others.some((o) => sameQuestion(c, o))) return false;
		try {
			validateQuestion({ ...c, options: c.options.length ? c.options : null, tolerance: c.tolerance ?? null });
			return true;
		} catch (err) {
			if (err instanceof ValidationError) return false;
			throw err;
		}
	});
	return usable.find((c) => overlaps(c.sources, current.sources)) ?? usable[0] ?? null;
}

/**
 * Replaces the question with a regenerated one (as a draft, origin "generated"). Returns
 * the id of the question now in its sets (a new id when an assignment uses the old one).
 */
export async function regenerateQuestion(
	db: DB,
	questionId: number,
	now: Date,
	candidates: CandidateSource = generateInProcess
): Promise<number> {
	const question = db.select().from(questions).where(eq(questions.id, questionId)).get();
	if (!question) throw new NotFoundError('There is no such question.');
	const article = db.select({ text: articles.text, title: articles.title }).from(articles).where(eq(articles.id, question.articleId)).get();
	if (!article) throw new NotFoundError('The question’s article is gone.');

	const generated = await candidates(article.text, { seed: regenerationSeed(question.id, question.regenerations), title: article.title });

	return db.transaction((tx) => {
		// The generator ran outside the transaction: refuse if the question changed meanwhile.
		const fresh = tx.select().from(questions).where(eq(questions.id, questionId)).get();
		if (!fresh || fresh.updatedAt.getTime() !== question.updatedAt.getTime()) {
			throw new ConflictError('The question changed while a new one was being made. Try again.');
		}
		const setIds = tx
			.select({ setId: setItems.setId })
			.from(setItems)
			.where(eq(setItems.questionId, questionId))
			.all()
			.map((r) => r.setId);
		const others = setIds.length
			? tx
					.select({ type: questions.type, prompt: questions.prompt })
					.from(setItems)
					.innerJoin(questions, eq(questions.id, setItems.questionId))
					.where(and(inArray(setItems.setId, setIds), ne(setItems.questionId, questionId)))
					.all()
			: [];
		const pick = pickReplacement(fresh, others, generated);
		if (!pick) throw new ValidationError('Factdeck cannot make another question from this article that the set does not have already.');
		return replaceQuestionContent(
			tx,
			fresh,
			{
				type: pick.type,
				prompt: pick.prompt,
				answer: pick.answer,
				options: pick.options.length ? pick.options : null,
				accept: pick.accept,
				explanation: pick.explanation,
				sources: pick.sources,
				tolerance: pick.tolerance ?? null,
				cardFront: pick.card.front,
				cardBack: pick.card.back,
				score: pick.score,
				status: 'draft',
				origin: 'generated',
				regenerations: fresh.regenerations + 1
			},
			now
		);
	}, { behavior: 'immediate' });
}
