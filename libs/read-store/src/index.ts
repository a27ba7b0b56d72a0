export * from './read-document';
export * from './query';
export * from './document-write';
export * from './errors';
export * from './collection-name';
export * from './query-validation';
export * from './semantics';
export * from './read-store.port';
