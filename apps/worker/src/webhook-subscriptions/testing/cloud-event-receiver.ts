import { type Server, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FieldstreamCloudEvent } from '@fieldstream/api-contract';
import { Webhook } from 'standardwebhooks';

export interface ReceivedCall {
  /** `webhook-id`. */
  id: string;
  status: number;
  contentType: string;
  /** Verified with the reference library against each secret the receiver was given, in order. */
  verifiedWith: boolean[];
  event: FieldstreamCloudEvent;
  /** Calls with this `webhook-id` being answered at the moment this one arrived (itself excluded). */
  overlapping: number;
}

/**
 * An integrator's receiver, as one would write it with the Standard Webhooks reference library:
 * verifies each call's signature (with every secret it is given: one per rotation), de-duplicates
 * by `webhook-id`, and keeps every call it saw. The test decides how it answers: up (204), down
 * (503), unplugged (the port refuses connections), or a status per event id; answers may be slowed
 * down to make overlapping calls visible. It keeps its port across unplugging, as a real receiver
 * coming back would.
 */
export class CloudEventReceiver {
  readonly calls: ReceivedCall[] = [];
  /** Events first taken (2xx) per `webhook-id`, in the order they were taken. */
  readonly taken: FieldstreamCloudEvent[] = [];
  secrets: string[] = [];
  /** The answer to every call, unless `answerFor` has one for the event. */
  status = 204;
  answerFor: (event: FieldstreamCloudEvent) => number | undefined = () => undefined;
  delayMs = 0;
  private readonly takenIds = new Set<string>();
  private readonly inFlight = new Map<string, number>();
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on(
        'end',
        () => void this.answer(request.headers, Buffer.concat(chunks).toString('utf8'), response),
      );
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Down hard: the port refuses connections until `start()` again. */
  async unplug(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  }

  stop(): Promise<void> {
    return this.unplug();
  }

  /** Calls answered 2xx for this `webhook-id`: a receiver that de-duplicates sees only the first. */
  successes(id: string): number {
    return this.calls.filter((call) => call.id === id && call.status >= 200 && call.status < 300).length;
  }

  private async answer(
    headers: Record<string, string | string[] | undefined>,
    body: string,
    response: import('node:http').ServerResponse,
  ): Promise<void> {
    const id = String(headers['webhook-id']);
    const overlapping = this.inFlight.get(id) ?? 0;
    this.inFlight.set(id, overlapping + 1);
    try {
      const signed = {
        'webhook-id': id,
        'webhook-timestamp': String(headers['webhook-timestamp']),
        'webhook-signature': String(headers['webhook-signature']),
      };
      const verifiedWith = this.secrets.map((secret) => {
        try {
          new Webhook(secret).verify(body, signed);
          return true;
        } catch {
          return false;
        }
      });
      const event = JSON.parse(body) as FieldstreamCloudEvent;
      const status = this.answerFor(event) ?? this.status;
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const call: ReceivedCall = {
        id,
        status,
        contentType: String(headers['content-type']),
        verifiedWith,
        event,
        overlapping,
      };
      this.calls.push(call);
      const ok = status >= 200 && status < 300;
      // De-duplicated by webhook-id, as the specification asks of receivers.
      if (ok && verifiedWith.some(Boolean) && !this.takenIds.has(id)) {
        this.takenIds.add(id);
        this.taken.push(event);
      }
      response
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(ok ? '' : `status ${status} for ${id}`);
    } finally {
      this.inFlight.set(id, (this.inFlight.get(id) ?? 1) - 1);
    }
  }
}
