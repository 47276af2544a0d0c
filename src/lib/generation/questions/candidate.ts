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
	/** Quality of the gap and its options, 0–1, before the sentence's importance. */
	quality: number;
	/** The thing the answer names, when the article names it in several ways ("e:12"): two questions with one answer id have one answer ("Bandura" and "Albert Bandura"). */
	answerId?: string;
	/** The answer is a person. */
	person?: boolean;
	/** The answer may show up in other prompts only as a give-away: a rare name or a term. */
	leaks?: boolean;
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
