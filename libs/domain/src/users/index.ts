export * from './user-schemas';
export * from './user-events';
export * from './user.decider';
export * from './api-key.decider';
