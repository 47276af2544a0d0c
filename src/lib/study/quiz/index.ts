// The quiz engine's pure domain: order, answer window, grading, what a student may see.
export * from './types';
export * from './order';
export * from './window';
export * from './grading';
export * from './public-question';
export * from './response';
export * from './feedback';
