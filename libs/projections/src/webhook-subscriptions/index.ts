export * from './webhook-subscription-collections';
export * from './webhook-subscriptions.projection';
