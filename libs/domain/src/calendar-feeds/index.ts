export * from './calendar-feed-events';
export * from './calendar-feeds.decider';
export * from './agenda-feed-icalendar';
