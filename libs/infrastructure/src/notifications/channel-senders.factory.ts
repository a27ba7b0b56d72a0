import { type ChannelSenders, PushChannel, WebhookChannel } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import type { AppConfig } from '../config/environment-variables';
import { HttpSmsSender } from './http-sms-sender';
import { SignedWebhookTransport } from './signed-webhook-transport';
import { SmtpEmailSender } from './smtp-email-sender';
import { resolveVapidKeys } from './vapid-keys';
import { WebPushTransport } from './web-push-transport';

/**
 * The outside channels this configuration reaches; the others stay out (and say so when used).
 * Push and webhooks need nothing configured: each user registers their own browsers and webhook.
 */
export async function createChannelSenders(
  config: AppConfig,
  events: EventStore,
  now: () => Date = () => new Date(),
): Promise<ChannelSenders> {
  const { smtpUrl, mailFrom, smsGatewayUrl, smsGatewayToken, vapid, publicUrl } = config.notifications;
  const vapidKeys = await resolveVapidKeys(vapid, config.dataDir);
  return {
    ...(smtpUrl && { email: new SmtpEmailSender(smtpUrl, mailFrom) }),
    ...(smsGatewayUrl && { sms: new HttpSmsSender(smsGatewayUrl, smsGatewayToken) }),
    push: new PushChannel(events, new WebPushTransport(vapidKeys), now),
    webhook: new WebhookChannel(events, new SignedWebhookTransport(), publicUrl, now),
  };
}
