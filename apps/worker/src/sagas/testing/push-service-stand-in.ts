import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as ece from 'http_ece';

/** What a browser would have received: the headers, the VAPID claims, and the payload decrypted. */
export type ReceivedPush = {
  device: string;
  status: number;
  headers: { ttl?: string; urgency?: string; topic?: string; contentEncoding?: string };
  vapid: { audience: string; subject: string; expiresAt: number; publicKey: string; signatureValid: boolean };
  payload: unknown;
};

/** A browser's side of a subscription: the key pair and secret the payloads are encrypted to. */
export type BrowserKeys = {
  ecdh: ECDH;
  auth: Buffer;
  endpoint: string;
  keys: { p256dh: string; auth: string };
};

/**
 * A push service on loopback (the world's edge: real ones are Google's, Mozilla's, Apple's): it
 * checks each message's VAPID signature against the key it names, decrypts the payload with the
 * browser's private key (RFC 8291, with the reference `http_ece`), and answers as told per device
 * (201 taken, 410 gone...).
 */
export class PushServiceStandIn {
  readonly received: ReceivedPush[] = [];
  private readonly browsers = new Map<string, BrowserKeys>();
  private readonly answers = new Map<string, number[]>();
  private server: Server | undefined;
  private base = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const device = decodeURIComponent((request.url ?? '').replace(/^\/push\//, ''));
        const browser = this.browsers.get(device);
        const queue = this.answers.get(device) ?? [];
        const status = browser ? (queue.length > 1 ? queue.shift()! : (queue[0] ?? 201)) : 404;
        if (browser) {
          this.received.push({
            device,
            status,
            headers: {
              ttl: request.headers['ttl'] as string | undefined,
              urgency: request.headers['urgency'] as string | undefined,
              topic: request.headers['topic'] as string | undefined,
              contentEncoding: request.headers['content-encoding'] as string | undefined,
            },
            vapid: readVapid(String(request.headers.authorization ?? '')),
            payload: JSON.parse(
              ece
                .decrypt(Buffer.concat(chunks), {
                  version: 'aes128gcm',
                  privateKey: browser.ecdh,
                  authSecret: browser.auth,
                })
                .toString('utf8'),
            ),
          });
        }
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A new browser subscription at this service; `answers` are its next statuses (the last repeats). */
  subscribe(device: string, answers: number[] = [201]): BrowserKeys {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    const browser: BrowserKeys = {
      ecdh,
      auth,
      endpoint: `${this.base}/push/${encodeURIComponent(device)}`,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    };
    this.browsers.set(device, browser);
    this.answers.set(device, [...answers]);
    return browser;
  }

  get origin(): string {
    return this.base;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}

/** `vapid t=<JWT>, k=<public key>` (RFC 8292): the claims, and whether the ES256 signature holds. */
function readVapid(authorization: string): ReceivedPush['vapid'] {
  const token = /t=([^,\s]+)/.exec(authorization)?.[1] ?? '';
  const publicKey = /k=([^,\s]+)/.exec(authorization)?.[1] ?? '';
  const [header = '', claims = '', signature = ''] = token.split('.');
  const raw = Buffer.from(publicKey, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const signatureValid = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as {
    aud: string;
    sub: string;
    exp: number;
  };
  return { audience: body.aud, subject: body.sub, expiresAt: body.exp, publicKey, signatureValid };
}
