export * from './read-document';
export * from './query';
export * from './document-write';
export * from './errors';
export * from './read-store.port';
