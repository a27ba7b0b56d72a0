export { InboxQueries, type InboxQueriesOptions, type InboxQuery } from './inbox.queries';
export {
  NotificationSettingsService,
  type NotificationSettingsOptions,
  notificationSettingsOf,
} from './notification-settings';
export { EscalationQueries, type EscalationQueriesOptions } from './escalation.queries';
export {
  DELIVERY_LOG_PAGE_SIZE,
  DeliveryLogQueries,
  type DeliveryLogOptions,
  type DeliveryLogQuery,
} from './delivery-log.queries';
