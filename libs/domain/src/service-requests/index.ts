export * from './service-request-states';
export * from './service-request-commands';
export * from './service-request-events';
export * from './service-request.decider';
