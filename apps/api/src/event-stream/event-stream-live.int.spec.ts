import type { FieldstreamCloudEvent } from '@fieldstream/api-contract';
import { openRequest } from '../service-requests/testing/service-request-calls';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { TEST_ADMIN, startTestApi } from '../testing/start-test-api';
import { issueApiKey, readAllPages } from './testing/event-stream-calls';
import { type ServerSentItem, messagesOf, readServerSentEvents } from './testing/read-server-sent-events';

jest.setTimeout(60_000);

type Message = { id: string | undefined; event: string; data: FieldstreamCloudEvent };

/**
 * The event stream followed live over server-sent events on the real API: an integrator replays
 * it from position 0, follows while the organisation works, drops the line, and resumes with
 * `Last-Event-ID` without a gap or a duplicate.
 */
describe('the event stream, live', () => {
  const suite = withOrganisationApi();
  let integrator: string;
  const open: AbortController[] = [];

  beforeAll(async () => {
    integrator = await issueApiKey(suite.api, suite.admin);
  });
  afterAll(() => open.forEach((controller) => controller.abort()));

  /** Connects as an integrator would; the connection is aborted by the test or at the end. */
  async function connect(query = '', headers: Record<string, string> = {}) {
    const controller = new AbortController();
    open.push(controller);
    const response = await fetch(`${suite.api.url}/api/events/stream${query}`, {
      headers: { authorization: `Bearer ${integrator}`, ...headers },
      signal: controller.signal,
    });
    return { response, controller, items: readServerSentEvents(response) };
  }

  /**
   * Messages until the one with this position (included). `next()` by hand: leaving a `for await`
   * early would end the stream for the next call.
   */
  async function until(items: AsyncGenerator<ServerSentItem>, position: string): Promise<Message[]> {
    const received: Message[] = [];
    for (let item = await items.next(); !item.done; item = await items.next()) {
      if (item.value.kind !== 'message') continue;
      const { id, event, data } = item.value;
      received.push({ id, event, data: JSON.parse(data) as FieldstreamCloudEvent });
      if (id === position) return received;
    }
    throw new Error(`The stream ended before position ${position}`);
  }

  const registerSkill = async (code: string) => {
    const response = await suite.api.call('POST', '/api/master-data/skills', suite.admin, {
      code,
      name: `Skill ${code}`,
    });
    expect(response.status).toBe(201);
  };
  const publishedLog = async () => (await readAllPages(suite.api, integrator, 'limit=1000')).events;

  it('replays from position 0, follows live, and resumes after Last-Event-ID: every event once, in order', async () => {
    const first = await connect('?after=0');
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(first.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    const retry = await first.items.next();
    expect(retry.value).toEqual({ kind: 'retry', ms: 2000 });

    // The catch-up: everything published so far.
    const before = await publishedLog();
    const caughtUp = await until(first.items, before.at(-1)!.position);
    expect(caughtUp.map((message) => message.data)).toEqual(before);

    // Live: the organisation works while the integrator listens.
    await registerSkill('LIVE-1');
    await openRequest(suite.api, suite.tokens.dispatcherMi);
    await registerSkill('LIVE-2');
    const live = await publishedLog();
    const followed = await until(first.items, live.at(-1)!.position);
    expect(followed.map((message) => message.data)).toEqual(live.slice(before.length));
    expect(followed.map((message) => message.data.type)).toEqual([
      'io.fieldstream.skill.registered.v1',
      'io.fieldstream.service-request.opened.v1',
      'io.fieldstream.skill.registered.v1',
    ]);
    for (const message of [...caughtUp, ...followed]) {
      expect(message.id).toBe(message.data.position);
      expect(message.event).toBe(message.data.type);
    }

    // The line drops; work goes on meanwhile.
    first.controller.abort();
    await registerSkill('LIVE-3');
    await openRequest(suite.api, suite.tokens.dispatcherMi);
    await registerSkill('LIVE-4');
    const after = await publishedLog();

    // Reconnecting as EventSource does: the same URL, and the last id received. It wins over `after`.
    const lastId = followed.at(-1)!.id!;
    const second = await connect('?after=0', { 'last-event-id': lastId });
    expect(second.response.status).toBe(200);
    const resumed = await until(second.items, after.at(-1)!.position);
    expect(resumed.map((message) => message.data)).toEqual(after.slice(live.length));

    // Every event exactly once, in order, across both connections.
    const all = [...caughtUp, ...followed, ...resumed].map((message) => message.data);
    expect(all).toEqual(after);
    expect(new Set(all.map((event) => event.position)).size).toBe(all.length);
    second.controller.abort();
  });

  it('follows one category only, from now on when `after` is the head', async () => {
    const head = (await suite.api.call('GET', '/api/events?limit=1', integrator)).headers.get(
      'fieldstream-head-position',
    )!;
    const stream = await connect(`?category=service-requests&after=${head}`);
    await registerSkill('OTHER-1');
    const request = await openRequest(suite.api, suite.tokens.dispatcherMi);
    const messages = messagesOf<FieldstreamCloudEvent>(stream.items);
    const { value } = await messages.next();
    expect(value!.data).toMatchObject({
      type: 'io.fieldstream.service-request.opened.v1',
      source: '/fieldstream/service-requests',
      subject: `service-request-${request.id}`,
    });
    expect(Number(value!.id)).toBeGreaterThan(Number(head));
    stream.controller.abort();
  });

  it('refuses a Last-Event-ID that is no position, naming it, before the stream starts', async () => {
    const { response } = await connect('', { 'last-event-id': 'abc' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { errors: { field: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'Last-Event-ID', code: 'invalid_position' }),
    ]);
  });
});

describe('the event stream when the API stops', () => {
  it('ends the streams it serves, so that the server can close', async () => {
    const api = await startTestApi();
    const admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const controller = new AbortController();
    try {
      const response = await fetch(`${api.url}/api/events/stream`, {
        headers: { authorization: `Bearer ${admin}` },
        signal: controller.signal,
      });
      const items = readServerSentEvents(response);
      expect((await items.next()).value).toEqual({ kind: 'retry', ms: 2000 });
      const rest = (async () => {
        const seen: ServerSentItem[] = [];
        for await (const item of items) seen.push(item);
        return seen;
      })();
      // Without the streams ended first, the server would wait for this one forever.
      await api.stop();
      await expect(rest).resolves.toEqual(expect.any(Array));
    } finally {
      controller.abort();
    }
  });
});
