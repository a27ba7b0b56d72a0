export * from './notification-topics';
export * from './notification-preferences';
export * from './inbox.decider';
export * from './notification-delivery.decider';
export * from './escalation.decider';
export * from './escalation-chains';
export * from './notification-endpoints.decider';
