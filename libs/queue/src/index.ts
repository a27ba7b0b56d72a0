export * from './queue-connection';
export * from './job-id';
export * from './job-handler';
export * from './job-scheduler.service';
export * from './job-worker-host';
export * from './redis-health.probe';
export * from './bullmq-timers';
export * from './notification-timers';
