export * from './calendar-feed-subscriptions';
export * from './calendar-feed-publisher';
export * from './calendar-feed-window';
