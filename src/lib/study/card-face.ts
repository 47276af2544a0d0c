/**
 * What a flashcard shows, built from its question: the front (question.cardFront, with the
 * items of an ordering question), the back (question.cardBack, without the source sentence
 * when the back repeats it) and the source sentences with the answer highlighted. Pure.
 */
import type { Question, SourceSpan } from '$lib/server/db/schema';
import { gradeNumeric, gradeTyped, type Grade } from './answers';

/** Question types whose cards ask the student to type the answer before it is shown. */
export const TYPED_TYPES = ['cloze', 'numeric'] as const;

export type HighlightPart = { text: string; mark: boolean };

export type CardFace = {
	type: Question['type'];
	front: string;
	/** A short instruction shown with the front ("True or false?"). */
	hint: string | null;
	/** The items to put in order, for ordering questions. */
	items: string[] | null;
	/** True when the student types the answer (cloze and numeric). */
	typed: boolean;
	/** What is needed to grade a typed answer (in the browser as on the server). */
	answer: string | string[];
	accept: string[];
	tolerance: number | null;
	/** The answer side, without the source sentence. */
	back: string;
	sources: HighlightPart[][];
};

export type FaceQuestion = Pick<Question, 'type' | 'answer' | 'options' | 'accept' | 'tolerance' | 'sources' | 'cardFront' | 'cardBack'>;

const HINTS: Partial<Record<Question['type'], string>> = {
	true_false: 'True or false?',
	ordering: 'Put these in order.',
	cloze: 'Type the missing words.',
	numeric: 'Type the number.'
};

export function answerText(answer: string | string[]): string {
	return Array.isArray(answer) ? answer.join(' → ') : answer;
}

/** The sentence split into parts, the first occurrence of `answer` marked (case-insensitive). */
export function highlight(sentence: string, answer: string | null): HighlightPart[] {
	const needle = answer?.trim() ?? '';
	const at = needle.length >= 2 ? sentence.toLowerCase().indexOf(needle.toLowerCase()) : -1;
	if (at < 0) return [{ text: sentence, mark: false }];
	return [
		{ text: sentence.slice(0, at), mark: false },
		{ text: sentence.slice(at, at + needle.length), mark: true },
		{ text: sentence.slice(at + needle.length), mark: false }
	].filter((part) => part.text !== '');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The back without the source sentences it may repeat (the generator writes "answer, blank
 * line, sentence" with the sentence's white space collapsed); the answer when nothing is left.
 */
function backText(q: FaceQuestion, sources: readonly SourceSpan[]): string {
	const sentences = new Set(sources.map((source) => collapse(source.text)).filter(Boolean));
	const kept = q.cardBack
		.split(/\n\s*\n/)
		.map((paragraph) => {
			let text = collapse(paragraph);
			for (const sentence of sentences) text = text.split(sentence).join('').trim();
			return text;
		})
		.filter((paragraph) => paragraph !== '' && !/^[“”"'‘’\s]*$/.test(paragraph));
	return kept.join('\n\n') || answerText(q.answer);
}

export function cardFace(q: FaceQuestion): CardFace {
	const typed = (TYPED_TYPES as readonly string[]).includes(q.type);
	// "True"/"False" and the ordering answer are not words of the sentence worth marking.
	const markable = typeof q.answer === 'string' && q.type !== 'true_false' ? q.answer : null;
	return {
		type: q.type,
		front: q.cardFront,
		hint: HINTS[q.type] ?? null,
		items: q.type === 'ordering' ? (q.options ?? (Array.isArray(q.answer) ? q.answer : null)) : null,
		typed,
		answer: q.answer,
		accept: q.accept ?? [],
		tolerance: q.tolerance,
		back: backText(q, q.sources),
		sources: q.sources.map((s) => highlight(s.text, markable))
	};
}

/** Grades what the student typed on a typed-answer card. */
export function gradeFace(face: Pick<CardFace, 'type' | 'answer' | 'accept' | 'tolerance'>, response: string): Grade {
	const answer = answerText(face.answer);
	return face.type === 'numeric'
		? gradeNumeric(response, answer, face.tolerance ?? 0, face.accept)
		: gradeTyped(response, answer, face.accept);
}

/** The rating to pre-select after a typed answer: Again when wrong, Good when right. */
export function suggestedRating(grade: Grade | null): 1 | 3 {
	return grade && !grade.correct ? 1 : 3;
}
