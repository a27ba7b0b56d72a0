import { AcknowledgeEscalationHandler } from './acknowledge-escalation.command';
import { ChangeNotificationSettingsHandler } from './change-notification-settings.command';
import { MarkNotificationsReadHandler } from './mark-notifications-read.command';
import {
  RemoveNotificationWebhookHandler,
  RotateNotificationWebhookSecretHandler,
  SetNotificationWebhookHandler,
} from './notification-webhook.commands';
import { RegisterPushDeviceHandler, RemovePushDeviceHandler } from './push-device.commands';
import { RequeueDeliveryHandler } from './requeue-delivery.command';

/** Every notification command handler, registered by the module. */
export const NOTIFICATION_COMMAND_HANDLERS = [
  MarkNotificationsReadHandler,
  ChangeNotificationSettingsHandler,
  AcknowledgeEscalationHandler,
  RequeueDeliveryHandler,
  RegisterPushDeviceHandler,
  RemovePushDeviceHandler,
  SetNotificationWebhookHandler,
  RotateNotificationWebhookSecretHandler,
  RemoveNotificationWebhookHandler,
];
