import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { type ServerSentEvent, sendServerSentEvents } from './server-sent-events';
import { readServerSentEvents } from './testing/read-server-sent-events';

/** A source that says how far it was read and whether it was ended. */
function countedSource(total: number, size: number, gate?: Promise<void>) {
  const state = { pulled: 0, ended: false };
  const padding = 'x'.repeat(size);
  async function* events(): AsyncGenerator<ServerSentEvent> {
    try {
      for (let index = 1; index <= total; index++) {
        if (index === total && gate) await gate;
        state.pulled = index;
        yield { id: String(index), event: 'io.example.counted.v1', data: JSON.stringify({ index, padding }) };
      }
      if (gate) await new Promise(() => undefined); // then idle, like a live stream
    } finally {
      state.ended = true;
    }
  }
  return { state, events: events() };
}

/** The writer behind a real HTTP server, one stream per request, its outcome kept. */
async function serve(source: AsyncIterable<ServerSentEvent>, heartbeatMs: number) {
  const app = express();
  let finished: Promise<void> = Promise.resolve();
  app.get('/stream', (request, response) => {
    const controller = new AbortController();
    response.once('close', () => controller.abort());
    finished = sendServerSentEvents(response, source, {
      heartbeatMs,
      retryMs: 1500,
      signal: controller.signal,
    });
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stream`;
  return {
    url,
    finished: () => finished,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The client's pool may keep an aborted stream's socket a while; the test is done with it.
        server.closeAllConnections();
      }),
  };
}

describe('sendServerSentEvents', () => {
  it('frames each message with its id and event, says how long to wait before reconnecting, and sends heartbeats while idle', async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { events } = countedSource(3, 10, gate);
    const server = await serve(events, 50);
    const controller = new AbortController();
    try {
      const response = await fetch(server.url, { signal: controller.signal });
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const items = readServerSentEvents(response);
      const seen = [];
      // Two messages, then the source waits: heartbeats come meanwhile.
      while (seen.filter((item) => item.kind === 'comment').length < 2)
        seen.push((await items.next()).value!);
      release();
      for (let item = await items.next(); ; item = await items.next()) {
        seen.push(item.value!);
        if (item.value!.kind === 'message' && item.value.id === '3') break;
      }
      expect(seen[0]).toEqual({ kind: 'retry', ms: 1500 });
      expect(
        seen
          .filter((item) => item.kind === 'message')
          .map((item) => item.kind === 'message' && [item.id, item.event, JSON.parse(item.data).index]),
      ).toEqual([
        ['1', 'io.example.counted.v1', 1],
        ['2', 'io.example.counted.v1', 2],
        ['3', 'io.example.counted.v1', 3],
      ]);
      expect(seen).toContainEqual({ kind: 'comment', text: 'heartbeat' });
    } finally {
      controller.abort();
      await server.finished();
      await server.close();
    }
  });

  it('reads its source only as fast as the client takes it, and ends the source when the client goes', async () => {
    // 200 MB if it were all buffered.
    const { state, events } = countedSource(20_000, 10_000);
    const server = await serve(events, 60_000);
    const controller = new AbortController();
    const response = await fetch(server.url, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    // The client reads nothing more for a while: the writer waits for the socket instead of
    // pulling the whole source into memory.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(state.pulled).toBeGreaterThan(0);
    expect(state.pulled).toBeLessThan(2_000);
    controller.abort();
    await server.finished();
    expect(state.ended).toBe(true);
    expect(state.pulled).toBeLessThan(20_000);
    await server.close();
  });
});
