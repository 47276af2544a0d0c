import type { QuestionType, SourceSpan } from '../types.js';

/** A question before ranking. */
export interface Candidate {
	type: QuestionType;
	prompt: string;
	answer: string | string[];
	options: string[];
	accept: string[];
	explanation: string;
	sources: SourceSpan[];
	/** Sentences the question rests on. */
	sents: number[];
	/** A clause of the sentence ("5.1") when the question rests on that clause only. */
	clause?: string;
	/** What the question asks for, normalised: two questions with the same fact key ask the same thing. */
	fact: string;
	/** The entity the answer names ("e12"), so "Bandura" and "Albert Bandura" are one answer. */
	answerEntity?: string;
	/** Quality of the gap and its options, 0–1, before the sentence's importance. */
	quality: number;
	/** Small penalties for long or cluttered prompts. */
	penalty: number;
	value?: number;
	tolerance?: number;
	unit?: string;
	card: { front: string; back: string };
}

export function sentenceSpan(text: string, start: number, end: number): SourceSpan {
	return { start, end, text: text.slice(start, end) };
}
