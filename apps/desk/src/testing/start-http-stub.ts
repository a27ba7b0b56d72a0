import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface HttpStub {
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

/**
 * A real HTTP server on a free port standing in for endpoints the API does not have yet (login
 * arrives in a later issue). Requests go through a real socket; each one is recorded.
 */
export async function startHttpStub(
  respond: (request: RecordedRequest, response: ServerResponse) => void,
): Promise<HttpStub> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      respond(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
) {
  response.writeHead(status, { 'Content-Type': contentType });
  response.end(JSON.stringify(body));
}

/** An API answer as the server gives it: a problem document from 400 on, JSON otherwise. */
export function sendAnswer(response: ServerResponse, status: number, body: unknown) {
  sendJson(response, status, body, status >= 400 ? 'application/problem+json' : 'application/json');
}
