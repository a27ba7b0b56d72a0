import { PermanentDeliveryError, type WebhookTransport } from '@fieldstream/application';
import type { NotificationWebhook } from '@fieldstream/domain';
import { StandardWebhookPoster } from '../webhooks/standard-webhook-poster';

/**
 * A POST signed per the Standard Webhooks specification, with its reference library: the
 * receiver checks `webhook-signature` (HMAC-SHA256 of id, timestamp and body) with the shared
 * secret, and refuses a `webhook-timestamp` too far from its clock (replays).
 */
export class SignedWebhookTransport implements WebhookTransport {
  private readonly poster = new StandardWebhookPoster();

  async post(webhook: NotificationWebhook, messageId: string, timestamp: Date, body: string): Promise<void> {
    const answer = await this.poster.post({
      url: webhook.url,
      secrets: [webhook.secret],
      messageId,
      timestamp,
      body,
      contentType: 'application/json',
    });
    if (answer.status === null) throw new Error(answer.error);
    if (answer.status >= 200 && answer.status < 300) return;
    const text = `webhook answered ${answer.status}${answer.detail ? `: ${answer.detail}` : ''}`;
    // The spec's advice: 2xx is taken, 410 means "stop", other 4xx are the receiver's refusal;
    // timeouts, 408, 429 and 5xx are tried again.
    const again =
      answer.status >= 500 || answer.status === 408 || answer.status === 429 || answer.status < 200;
    if (!again) throw new PermanentDeliveryError(text);
    throw new Error(text);
  }
}
