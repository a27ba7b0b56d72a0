import { PermanentDeliveryError, type WebhookTransport } from '@fieldstream/application';
import type { NotificationWebhook } from '@fieldstream/domain';
import { Webhook } from 'standardwebhooks';

const TIMEOUT_MS = 10_000;

/**
 * A POST signed per the Standard Webhooks specification, with its reference library: the
 * receiver checks `webhook-signature` (HMAC-SHA256 of id, timestamp and body) with the shared
 * secret, and refuses a `webhook-timestamp` too far from its clock (replays).
 */
export class SignedWebhookTransport implements WebhookTransport {
  async post(webhook: NotificationWebhook, messageId: string, timestamp: Date, body: string): Promise<void> {
    const signature = new Webhook(webhook.secret).sign(messageId, timestamp, body);
    const answer = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Fieldstream-Webhooks/1',
        'webhook-id': messageId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      // A redirect would carry the signed body elsewhere: the receiver's URL is the one registered.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (answer.status >= 200 && answer.status < 300) return;
    const detail = (await answer.text().catch(() => '')).slice(0, 200);
    const text = `webhook answered ${answer.status}${detail ? `: ${detail}` : ''}`;
    // The spec's advice: 2xx is taken, 410 means "stop", other 4xx are the receiver's refusal;
    // timeouts, 408, 429 and 5xx are tried again.
    const again =
      answer.status >= 500 || answer.status === 408 || answer.status === 429 || answer.status < 200;
    if (!again) throw new PermanentDeliveryError(text);
    throw new Error(text);
  }
}
