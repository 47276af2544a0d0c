export { generate } from './generate.js';
export { extractArticle, guessKind } from './input/extract.js';
export { decodeInput, validateText, MAX_TEXT_CHARS, MAX_INPUT_BYTES } from './input/validate.js';
export { GenerationError, type GenerationErrorCode } from './errors.js';
export { renderText } from './render-text.js';
export type {
	ArticleKind,
	Card,
	ExtractedArticle,
	GenerateOptions,
	GeneratedQuestion,
	GenerationResult,
	QuestionType,
	SourceSpan
} from './types.js';
