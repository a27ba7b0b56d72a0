import { Agent, request as httpRequest } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * A minimal JSON client over one keep-alive agent, so that a benchmark measures the server and not
 * TCP handshakes. Bare node:http rather than fetch: less work per request in the load generator,
 * which shares the machine's cores with the server it measures.
 */
export class KeepAliveClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;
  private token: string | undefined;

  constructor(baseUrl: string, maxSockets: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  signIn(token: string): void {
    this.token = token;
  }

  call(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: this.host, port: this.port, method, path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
