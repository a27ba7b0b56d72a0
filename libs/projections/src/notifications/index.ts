export * from './notification-collections';
export * from './inbox.projection';
export * from './notification-deliveries.projection';
export * from './request-escalations.projection';
