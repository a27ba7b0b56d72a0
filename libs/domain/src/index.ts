export * from './kernel/decider';
export * from './kernel/domain-error';
export * from './calendar';
export * from './master-data';
export * from './access';
export * from './users';
export * from './calendar/icalendar';
export * from './zones';
