export * from './schedule-period';
export * from './technician-schedule-events';
export * from './technician-schedule.decider';
