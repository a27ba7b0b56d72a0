import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type ReceivedCall = {
  path: string;
  id: string;
  status: number;
  /** Whether the signature verified with the secret the receiver held at the time. */
  verified: boolean;
  payload?: { type: string; timestamp: string; data: Record<string, unknown> };
};

/**
 * A webhook receiver as an integrator writes one, with the Standard Webhooks reference library:
 * each call is verified with the secret of its path; the statuses to answer are told per path
 * (the last repeats), and a receiver that is "down" answers 503.
 */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly answers = new Map<string, number[]>();
  private server: Server | undefined;
  private base = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '';
        const body = Buffer.concat(chunks).toString('utf8');
        const queue = this.answers.get(path) ?? [];
        const status = queue.length > 1 ? queue.shift()! : (queue[0] ?? 204);
        const secret = this.secrets.get(path);
        let verified = false;
        let payload: ReceivedCall['payload'];
        try {
          if (secret) {
            payload = new Webhook(secret).verify(body, {
              'webhook-id': String(request.headers['webhook-id']),
              'webhook-timestamp': String(request.headers['webhook-timestamp']),
              'webhook-signature': String(request.headers['webhook-signature']),
            }) as ReceivedCall['payload'];
            verified = true;
          }
        } catch {
          verified = false;
        }
        this.calls.push({
          path,
          id: String(request.headers['webhook-id']),
          status,
          verified,
          ...(payload && { payload }),
        });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The URL of a path, verified with `secret` once it is known, answering `answers` in turn. */
  url(path: string): string {
    return `${this.base}${path}`;
  }

  expect(path: string, secret: string, answers: number[] = [204]): void {
    this.secrets.set(path, secret);
    this.answers.set(path, [...answers]);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
