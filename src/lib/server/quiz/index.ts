// The quiz engine's services: start/resume, answer, submit, screens and results.
export * from './access';
export * from './context';
export * from './start';
export * from './save-answer';
export * from './submit';
export * from './screens';
export * from './results';
export * from './intro';
export * from './seed';
