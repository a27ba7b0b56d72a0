import type { SignedWebhookCall, WebhookCallAnswer, WebhookPoster } from '@fieldstream/application';
import { Webhook } from 'standardwebhooks';

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of a refusal's body is kept: enough to read the receiver's reason, not its page. */
const DETAIL_CHARS = 200;

/**
 * The three Standard Webhooks headers of a call: `webhook-signature` holds one `v1,<HMAC-SHA256>`
 * per secret, space-separated (the specification's way through a rotation: the receiver accepts
 * any that verifies).
 */
export function standardWebhookHeaders(
  secrets: readonly string[],
  messageId: string,
  timestamp: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': secrets
      .map((secret) => new Webhook(secret).sign(messageId, timestamp, body))
      .join(' '),
  };
}

/**
 * POSTs a call signed per the Standard Webhooks specification, with its reference library, and
 * answers what came back (never throws for the receiver's sake: a refused connection or a timeout
 * is an answer too). Shared by users' notification webhooks and integrators' subscriptions.
 */
export class StandardWebhookPoster implements WebhookPoster {
  constructor(private readonly timeoutMs: number = DEFAULT_WEBHOOK_TIMEOUT_MS) {}

  async post(call: SignedWebhookCall): Promise<WebhookCallAnswer> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      const answer = await fetch(call.url, {
        method: 'POST',
        headers: {
          'content-type': call.contentType,
          'user-agent': 'Fieldstream-Webhooks/1',
          ...standardWebhookHeaders(call.secrets, call.messageId, call.timestamp, call.body),
        },
        body: call.body,
        // A redirect would carry the signed body elsewhere: the receiver's URL is the one registered.
        redirect: 'manual',
        signal,
      });
      const detail = (await answer.text().catch(() => '')).slice(0, DETAIL_CHARS);
      return { status: answer.status, detail, durationMs: elapsed() };
    } catch (error) {
      const why =
        timeout.aborted && !call.signal?.aborted ? `no answer within ${this.timeoutMs} ms` : messageOf(error);
      return { status: null, error: why, durationMs: elapsed() };
    }
  }
}

/**
 * fetch says "fetch failed" and keeps the reason (ECONNREFUSED...) in its cause. Read by shape, not
 * by class: fetch's errors may come from another realm than this module's `Error` (jest's sandbox).
 */
function messageOf(error: unknown): string {
  const { message, cause } = (error ?? {}) as {
    message?: unknown;
    cause?: { message?: unknown; code?: unknown };
  };
  if (cause && typeof cause.message === 'string')
    return typeof cause.code === 'string' ? `${cause.code}: ${cause.message}` : cause.message;
  return typeof message === 'string' ? message : String(error);
}
