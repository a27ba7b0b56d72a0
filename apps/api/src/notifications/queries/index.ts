import { GetNotificationSettingsHandler } from './get-notification-settings.query';
import { GetRequestEscalationHandler } from './get-request-escalation.query';
import { ReadDeliveryLogHandler } from './read-delivery-log.query';
import { GetNotificationWebhookHandler, GetPushDevicesHandler } from './notification-endpoints.queries';
import { ReadInboxHandler } from './read-inbox.query';

/** Every notification query handler, registered by the module. */
export const NOTIFICATION_QUERY_HANDLERS = [
  ReadInboxHandler,
  GetNotificationSettingsHandler,
  GetRequestEscalationHandler,
  ReadDeliveryLogHandler,
  GetPushDevicesHandler,
  GetNotificationWebhookHandler,
];
