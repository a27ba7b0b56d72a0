export * from './kernel/decider';
export * from './kernel/domain-error';
export * from './calendar';
