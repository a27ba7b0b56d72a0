export * from './webhook-subscription-events';
export * from './webhook-subscription.decider';
