export * from './rebuild-arguments';
export * from './run-rebuild';
export * from './rebuild-progress.bar';
