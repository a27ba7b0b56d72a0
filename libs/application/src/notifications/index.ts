export * from './channel-senders';
export * from './directory';
export * from './notification-rules';
export * from './notification-templates';
export * from './deliveries.service';
export * from './notifier.service';
export * from './escalations.service';
export * from './queries';
