import type { Response } from 'express';

/** One message of a server-sent event stream; `data` is one line (JSON never holds a raw newline). */
export interface ServerSentEvent {
  id: string;
  event: string;
  data: string;
}

export interface ServerSentEventsOptions {
  /** A comment this often keeps proxies and load balancers from closing an idle line. */
  heartbeatMs: number;
  /** How long the client waits before reconnecting (the stream's `retry:` field). */
  retryMs: number;
  /** Aborted when the client went or the server stops: the stream ends. */
  signal: AbortSignal;
}

/**
 * Writes `events` to the response as `text/event-stream` until they end or `signal` aborts, then
 * ends the response. Each message waits for the socket to take the previous ones (`drain`), so a
 * slow client slows the reading of the log instead of filling the server's memory with it.
 */
export async function sendServerSentEvents(
  response: Response,
  events: AsyncIterable<ServerSentEvent>,
  options: ServerSentEventsOptions,
): Promise<void> {
  const { signal } = options;
  response.status(200);
  response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  response.setHeader('Cache-Control', 'no-cache, no-transform');
  response.setHeader('Connection', 'keep-alive');
  // nginx buffers proxied answers unless told not to.
  response.setHeader('X-Accel-Buffering', 'no');
  response.flushHeaders();
  response.write(`retry: ${options.retryMs}\n\n`);
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), options.heartbeatMs);
  const iterator = events[Symbol.asyncIterator]();
  const stopped = abortion(signal);
  let waiting = false;
  try {
    while (!signal.aborted) {
      waiting = true;
      // A live source may wait long for its next event: the client going must not wait with it.
      const next = await Promise.race([iterator.next(), stopped]);
      if (next === undefined || next.done) break;
      waiting = false;
      const { id, event, data } = next.value;
      if (!response.write(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`)) await drained(response, signal);
    }
  } finally {
    clearInterval(heartbeat);
    if (!response.writableEnded) response.end();
    // Ends the source (a subscription closes) when the client went first. While a `next()` is
    // pending the generator's return waits for it, which the same signal ends: not awaited then.
    const ending = iterator.return?.();
    if (!waiting) await ending;
    else void ending?.catch(() => undefined);
  }
}

function abortion(signal: AbortSignal): Promise<undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(undefined);
    else signal.addEventListener('abort', () => resolve(undefined), { once: true });
  });
}

function drained(response: Response, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    response.once('drain', done);
    response.once('close', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
