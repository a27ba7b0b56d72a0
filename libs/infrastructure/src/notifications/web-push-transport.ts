import type { PushOptions, PushOutcome, PushTransport } from '@fieldstream/application';
import { PermanentDeliveryError } from '@fieldstream/application';
import type { PushDevice } from '@fieldstream/domain';
import webpush from 'web-push';

const TIMEOUT_MS = 10_000;

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

/**
 * The Web Push protocol with the `web-push` library doing what it is for (RFC 8291 encryption,
 * the RFC 8292 VAPID signature) and fetch doing the request: the library's own sender speaks
 * https only, where fetch also reaches a push service on a plain local address (tests).
 */
export class WebPushTransport implements PushTransport {
  constructor(private readonly vapid: VapidKeys) {}

  async push(device: PushDevice, payload: string, options: PushOptions): Promise<PushOutcome> {
    const request = webpush.generateRequestDetails(
      { endpoint: device.endpoint, keys: device.keys },
      payload,
      {
        vapidDetails: this.vapid,
        TTL: options.ttlSeconds,
        topic: options.topic,
        urgency: options.urgency,
        contentEncoding: 'aes128gcm',
      },
    );
    const answer = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: new Uint8Array(request.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (answer.ok) return 'accepted';
    // The subscription expired or was withdrawn: the device is gone for good (RFC 8030 §7.3).
    if (answer.status === 404 || answer.status === 410) return 'gone';
    const detail = (await answer.text().catch(() => '')).slice(0, 200);
    const text = `push service answered ${answer.status}${detail ? `: ${detail}` : ''}`;
    // Too many requests, or the service's own trouble: later may work. The rest (a bad key, a
    // message too large) will not.
    if (answer.status === 429 || answer.status >= 500) throw new Error(text);
    throw new PermanentDeliveryError(text);
  }
}
