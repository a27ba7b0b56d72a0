export * from './expected-revision';
export * from './event-envelope';
export * from './errors';
export * from './limits';
export * from './event-store.port';
