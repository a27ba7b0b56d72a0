export * from './service-time';
export * from './sla-policy';
export * from './sla-events';
export * from './sla.decider';
export * from './sla-standing';
