import { AcknowledgeEscalationHandler } from './acknowledge-escalation.command';
import { ChangeNotificationSettingsHandler } from './change-notification-settings.command';
import { MarkNotificationsReadHandler } from './mark-notifications-read.command';
import { RequeueDeliveryHandler } from './requeue-delivery.command';

/** Every notification command handler, registered by the module. */
export const NOTIFICATION_COMMAND_HANDLERS = [
  MarkNotificationsReadHandler,
  ChangeNotificationSettingsHandler,
  AcknowledgeEscalationHandler,
  RequeueDeliveryHandler,
];
