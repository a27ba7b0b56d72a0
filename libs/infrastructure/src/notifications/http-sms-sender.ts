import type { ChannelSender, OutboundMessage } from '@fieldstream/application';

const TIMEOUT_MS = 10_000;

/**
 * Text messages through an HTTP gateway: a POST of `{ to, text, id }` as JSON with a bearer token;
 * any 2xx answer means the gateway took the message. Gateways differ in their APIs; this is the
 * plain shape most offer or a small relay can adapt.
 */
export class HttpSmsSender implements ChannelSender {
  constructor(
    private readonly url: string,
    private readonly token: string | null,
  ) {}

  async send(message: OutboundMessage): Promise<{ providerMessageId?: string }> {
    const text = message.subject === message.text ? message.text : `${message.subject}\n${message.text}`;
    const answer = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token && { authorization: `Bearer ${this.token}` }),
      },
      body: JSON.stringify({ to: message.to, text: text.slice(0, 640), id: message.deliveryId }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!answer.ok) {
      const detail = (await answer.text().catch(() => '')).slice(0, 200);
      throw new Error(`SMS gateway answered ${answer.status}${detail ? `: ${detail}` : ''}`);
    }
    const body = (await answer.json().catch(() => ({}))) as { id?: unknown; messageId?: unknown };
    const id = body.messageId ?? body.id;
    return typeof id === 'string' ? { providerMessageId: id } : {};
  }
}
