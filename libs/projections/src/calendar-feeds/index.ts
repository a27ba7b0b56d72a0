export * from './calendar-feed-collections';
export * from './calendar-feeds.projection';
export * from './feed-appointments.projection';
