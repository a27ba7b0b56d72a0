export * from './retry-delay';
export * from './subscribed-events';
export * from './webhook-poster';
export * from './webhook-subscription-access';
export * from './webhook-delivery-records';
export * from './webhook-delivery';
export * from './webhook-dispatcher';
export * from './webhook-subscriptions.service';
