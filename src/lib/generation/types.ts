/** The six kinds of question PRODUCT.md §3 defines. */
export type QuestionType = 'multiple_choice' | 'cloze' | 'true_false' | 'numeric' | 'who_said' | 'ordering';

/** A span of the article text: `text === article.slice(start, end)` (JavaScript string offsets). */
export interface SourceSpan {
	start: number;
	end: number;
	text: string;
}

/** The flashcard made from the same fact as a question. */
export interface Card {
	front: string;
	back: string;
	sources: SourceSpan[];
}

export interface GeneratedQuestion {
	id: string;
	type: QuestionType;
	prompt: string;
	/** A string for every type but `ordering`, whose answer is the items in the right order. */
	answer: string | string[];
	/** Choices for multiple_choice and who_said; items as shown for ordering; ["True","False"] for true_false. */
	options: string[];
	/** Other typed answers a grader should accept (short forms, abbreviations). */
	accept: string[];
	explanation: string;
	sources: SourceSpan[];
	/** Ranking score in [0, 1]; higher is better. */
	score: number;
	/** For numeric questions: the number as written in the answer, e.g. 4.8 for "US$4.8 billion". */
	value?: number;
	/** For numeric questions: absolute tolerance on `value`. */
	tolerance?: number;
	/** For numeric questions: the unit the value is in, e.g. "US$ billion", "teraflops". */
	unit?: string;
	card: { front: string; back: string };
}

export interface GenerationResult {
	title: string;
	questions: GeneratedQuestion[];
}

export interface GenerateOptions {
	/** How many questions to return; 0 or Infinity means every question, ranked. Default 20. */
	count?: number;
	/** Seed for the choices that are random (option order, true/false polarity). Default 0. */
	seed?: number | string;
	/** Title to use when the text has none of its own. */
	title?: string;
}

export type ArticleKind = 'text' | 'markdown' | 'html';

export interface ExtractedArticle {
	title: string;
	text: string;
}
