import {
  CLOUDEVENTS_BATCH_CONTENT_TYPE,
  EVENT_PAGE_HEADERS,
  type FieldstreamCloudEvent,
} from '@fieldstream/api-contract';
import {
  NEVER_PUBLISHED_STREAM_PREFIXES,
  publishedTypeByCloudEventType,
  selectEvents,
} from '@fieldstream/application';
import { type EventStore, NO_STREAM } from '@fieldstream/event-store';
import { createEventStore } from '@fieldstream/infrastructure';
import Ajv from 'ajv';
import { HTTP } from 'cloudevents';
import { randomUUID } from 'node:crypto';
import { act, openRequest } from '../service-requests/testing/service-request-calls';
import { PASSWORD, withOrganisationApi } from '../testing/organisation-fixture';
import { issueApiKey, readAllPages, readStoreDirectly } from './testing/event-stream-calls';

// The whole published log is read several times over HTTP, seven events a page.
jest.setTimeout(60_000);

/**
 * The event stream read page by page on the real API and a real SQLite store, after a small
 * organisation's set-up and one request walked from opening to closing: what an integrator
 * replays, compared with the store itself.
 */
describe('the event stream, page by page', () => {
  const suite = withOrganisationApi();
  let integrator: string;
  let device: string;
  let store: EventStore;
  let requestId: string;
  let webhookSecret: string;

  beforeAll(async () => {
    const { api, admin, tokens } = suite;
    integrator = await issueApiKey(api, admin);
    device = await issueApiKey(api, admin, { name: 'Gateway', role: 'device', assetCodes: ['SN-ACME-1'] });
    // A webhook secret in a notification-endpoints stream, which must never be published.
    const webhook = await api.call('PUT', '/api/me/notification-webhook', tokens.customerAcme, {
      url: 'https://hooks.acme.example/fieldstream',
    });
    webhookSecret = ((await webhook.json()) as { secret: string }).secret;

    // One request walked through, with stock received and issued, and a meter reading.
    const desk = tokens.dispatcherMi;
    const request = await openRequest(api, desk);
    requestId = request.id;
    await act(api, desk, 'POST', `${requestId}/accept`, { note: 'Customer called twice' });
    await act(api, desk, 'POST', `${requestId}/assignments`, {
      assignments: [{ technicianCode: 'T-MI-1', start: '2026-12-01T09:00:00+01:00', durationMinutes: 120 }],
    });
    const received = await api.call('POST', '/api/stock/VAN-T-MI-1/movements', desk, {
      type: 'receive',
      itemCode: 'FILTER',
      quantity: 5,
      reason: 'Van restock',
    });
    expect(received.status).toBe(201);
    const technician = tokens.technicianMi;
    await act(api, technician, 'POST', `${requestId}/on-the-way`, { etaMinutes: 25 });
    await act(api, technician, 'POST', `${requestId}/start`, {});
    await act(api, technician, 'POST', `${requestId}/notes`, { text: 'Filter clogged with limescale.' });
    await act(api, technician, 'POST', `${requestId}/close`, {
      labourMinutes: 90,
      travelMinutes: 30,
      travelKm: 12.5,
      materials: [{ itemCode: 'FILTER', quantity: 2, warehouseCode: 'VAN-T-MI-1' }],
      correctiveActions: ['Replaced the air filter'],
      resolution: 'Filter replaced; the boiler starts and holds pressure.',
    });
    const reading = await api.call('POST', '/api/assets/SN-ACME-1/meter-readings', admin, {
      meter: 'hours',
      value: 1520,
    });
    expect(reading.status).toBe(201);
    // The store itself, beside the API: a second connection to the same file.
    store = await createEventStore(api.config);
  }, 90_000);
  afterAll(() => store?.close());

  it('pages from position 0 through the whole log to exactly what the store holds of the published categories', async () => {
    const direct = await readStoreDirectly(store);
    const { events, pages, head } = await readAllPages(suite.api, integrator, 'limit=7');
    expect(events).toEqual(direct);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(direct.length / 7));
    // The head the last page saw: at or past the last published event (what follows it is not published).
    expect(head).toBeGreaterThanOrEqual(Number(events.at(-1)!.position));
    expect(head).toBeLessThanOrEqual(await store.headPosition());
    // In log order, each once.
    const positions = events.map((event) => Number(event.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    // Every category this suite wrote to is there.
    expect(new Set(events.map((event) => event.source))).toEqual(
      new Set([
        '/fieldstream/master-data',
        '/fieldstream/service-requests',
        '/fieldstream/appointments',
        '/fieldstream/stock',
        '/fieldstream/preventive',
      ]),
    );
    expect(
      events.filter((event) => event.subject === `service-request-${requestId}`).map((e) => e.type),
    ).toEqual([
      'io.fieldstream.service-request.opened.v1',
      'io.fieldstream.service-request.accepted.v1',
      'io.fieldstream.service-request.technicians-assigned.v1',
      'io.fieldstream.service-request.technician-on-the-way.v1',
      'io.fieldstream.service-request.work-started.v1',
      'io.fieldstream.service-request.note-added.v1',
      'io.fieldstream.service-request.closed.v1',
    ]);
    // Bigger pages, and a start in the middle, read the same events.
    expect((await readAllPages(suite.api, integrator, 'limit=1000')).events).toEqual(direct);
    const middle = direct[Math.floor(direct.length / 2)]!;
    expect((await readAllPages(suite.api, integrator, 'limit=50', Number(middle.position))).events).toEqual(
      direct.slice(Math.floor(direct.length / 2) + 1),
    );
  });

  it('reads one category, or some types, with the next page past what it left out', async () => {
    const stock = await readAllPages(suite.api, integrator, 'category=stock&limit=2');
    expect(stock.events).toEqual(await readStoreDirectly(store, selectEvents('stock')));
    expect(stock.events.map((event) => event.type)).toEqual([
      'io.fieldstream.stock.received.v1',
      'io.fieldstream.stock.issued.v1',
    ]);
    expect(stock.events.every((event) => event.source === '/fieldstream/stock')).toBe(true);

    const types = 'io.fieldstream.service-request.opened.v1,io.fieldstream.customer.registered.v1';
    const some = await readAllPages(suite.api, integrator, `types=${types}&limit=3`);
    expect(some.events.map((event) => [event.type, event.data['code'] ?? event.data['requestId']])).toEqual([
      ['io.fieldstream.customer.registered.v1', 'ACME'],
      ['io.fieldstream.customer.registered.v1', 'BETA'],
      ['io.fieldstream.service-request.opened.v1', requestId],
    ]);

    // One page of a sparse category: its next position is the head, not its last event's.
    const response = await suite.api.call('GET', '/api/events?category=preventive', integrator);
    const page = (await response.json()) as FieldstreamCloudEvent[];
    expect(page).toHaveLength(1);
    const head = response.headers.get(EVENT_PAGE_HEADERS.headPosition);
    expect(response.headers.get(EVENT_PAGE_HEADERS.nextPosition)).toBe(head);
    expect(response.headers.get('link')).toBe(`</api/events?after=${head}&category=preventive>; rel="next"`);
    // Past the head: an empty page that says where to ask again.
    const after = await suite.api.call('GET', `/api/events?after=${head}`, integrator);
    expect([await after.json(), after.headers.get(EVENT_PAGE_HEADERS.nextPosition)]).toEqual([[], head]);
  });

  it('answers CloudEvents 1.0 that the official SDK reads and validates, as a batch when asked', async () => {
    const response = await suite.api.call('GET', '/api/events?limit=1000', integrator, undefined, {
      accept: CLOUDEVENTS_BATCH_CONTENT_TYPE,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/cloudevents-batch\+json/);
    const body = await response.text();
    const headers = Object.fromEntries(response.headers);
    const batch = HTTP.toEvent({ headers, body });
    expect(Array.isArray(batch)).toBe(true);
    const parsed = JSON.parse(body) as FieldstreamCloudEvent[];
    expect(batch).toHaveLength(parsed.length);
    for (const [index, event] of (batch as ReturnType<typeof HTTP.toEvent> & unknown[]).entries()) {
      const cloudEvent = event as unknown as {
        validate(): boolean;
        id: string;
        position: string;
        type: string;
      };
      expect(cloudEvent.validate()).toBe(true);
      expect([cloudEvent.id, cloudEvent.position, cloudEvent.type]).toEqual([
        parsed[index]!.id,
        parsed[index]!.position,
        parsed[index]!.type,
      ]);
    }
    // Plain JSON otherwise: the same array.
    const plain = await suite.api.call('GET', '/api/events?limit=1000', integrator);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await plain.json()).toEqual(parsed);
  });

  it('serves the AsyncAPI document without credentials, and every event served matches its message in it', async () => {
    const response = await suite.api.call('GET', '/api/events/asyncapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      asyncapi: string;
      components: { messages: Record<string, { name: string }> };
    };
    expect(document.asyncapi).toBe('3.0.0');
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema(document, 'asyncapi');
    const messageOf = new Map(
      Object.entries(document.components.messages).map(([key, message]) => [message.name, key]),
    );
    const { events } = await readAllPages(suite.api, integrator, 'limit=1000');
    for (const event of events) {
      const validate = ajv.getSchema(`asyncapi#/components/messages/${messageOf.get(event.type)}/payload`)!;
      expect([event.type, validate(event), validate.errors ?? null]).toEqual([event.type, true, null]);
      // And its payload holds nothing the description leaves out.
      const documented = publishedTypeByCloudEventType(event.type)!.payload.parse(event.data);
      expect([event.type, documented]).toEqual([event.type, event.data]);
    }
  });

  it.each([
    ['an integrator key', 200, () => integrator],
    ['an administrator', 200, () => suite.admin],
    ['an auditor', 200, () => suite.tokens.auditor],
    ['a technician', 403, () => suite.tokens.technicianMi],
    ['a dispatcher', 403, () => suite.tokens.dispatcherMi],
    ['a manager', 403, () => suite.tokens.manager],
    ['a customer', 403, () => suite.tokens.customerAcme],
    ['a device key', 403, () => device],
    ['nobody', 401, () => undefined],
  ])('answers %s with %s', async (_who, status, token) => {
    for (const path of ['/api/events?limit=1', '/api/events/stream?after=999999999']) {
      const controller = new AbortController();
      const bearer = token();
      // The stream would stay open: the body is left unread and the request aborted.
      const response = await fetch(`${suite.api.url}${path}`, {
        headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
        signal: controller.signal,
      });
      expect([path, response.status]).toEqual([path, status]);
      if (status !== 200) {
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        await response.text();
      }
      controller.abort();
    }
  });

  it.each([
    ['after=-1', 'after'],
    ['after=ten', 'after'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['category=users', 'category'],
    ['types=io.fieldstream.user.registered.v1', 'types'],
    ['category=stock&types=io.fieldstream.service-request.opened.v1', 'types'],
    ['position=3', ''],
  ])('refuses %s with a 400 naming the field', async (query, field) => {
    const response = await suite.api.call('GET', `/api/events?${query}`, integrator);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field)).toContain(field);
  });

  it('never publishes accounts, keys, notification endpoints, inboxes or calendar feeds, whatever they hold', async () => {
    // What an organisation's set-up writes beside the published categories.
    const everything = await store.readAll({ maxCount: 10_000 });
    const secretStreams = everything.filter((event) =>
      NEVER_PUBLISHED_STREAM_PREFIXES.some((prefix) => event.streamName.startsWith(prefix)),
    );
    for (const type of ['UserRegistered', 'UserLoggedIn', 'ApiKeyIssued'])
      expect(secretStreams.map((event) => event.type)).toContain(type);
    expect(secretStreams.some((event) => event.streamName.startsWith('notification-endpoints-'))).toBe(true);

    // Traps: published types written to secret streams, a secret written as a published type's
    // stream with an unpublished type, a calendar-looking stream of calendar feeds.
    const opened = everything.find((event) => event.type === 'ServiceRequestOpened')!;
    const calendar = everything.find((event) => event.type === 'CalendarRegistered')!;
    const trap = (type: string, data: Record<string, unknown>) => [
      {
        id: randomUUID(),
        type,
        data: data as never,
        metadata: { ...opened.metadata, correlationId: 'trap', causationId: 'trap' },
      },
    ];
    await store.appendToStream(`inbox-${randomUUID()}`, trap(opened.type, opened.data), NO_STREAM);
    await store.appendToStream(`user-${randomUUID()}`, trap(opened.type, opened.data), NO_STREAM);
    await store.appendToStream(
      `calendar-feeds-${randomUUID()}`,
      trap(calendar.type, calendar.data),
      NO_STREAM,
    );
    await store.appendToStream(
      `service-request-${randomUUID()}`,
      trap('UserPasswordChanged', { passwordHash: '$argon2id$trap' }),
      NO_STREAM,
    );

    const texts: string[] = [];
    for (const query of [
      'limit=1000',
      'category=master-data&limit=1000',
      'category=service-requests&limit=1000',
    ]) {
      for (let after = 0; ;) {
        const response = await suite.api.call('GET', `/api/events?${query}&after=${after}`, integrator);
        const text = await response.text();
        texts.push(text);
        const events = JSON.parse(text) as FieldstreamCloudEvent[];
        for (const event of events) {
          expect(
            NEVER_PUBLISHED_STREAM_PREFIXES.filter((prefix) => event.subject.startsWith(prefix)),
          ).toEqual([]);
          expect(event.correlationid).not.toBe('trap');
        }
        const next = Number(response.headers.get(EVENT_PAGE_HEADERS.nextPosition));
        if (next >= Number(response.headers.get(EVENT_PAGE_HEADERS.headPosition))) break;
        after = next;
      }
    }
    const served = texts.join('\n');
    const apiKeySecret = integrator.split('_').at(-1)!;
    for (const secret of [
      webhookSecret,
      apiKeySecret,
      PASSWORD,
      '$argon2',
      'passwordHash',
      'secretHash',
      'sessionId',
    ])
      expect([secret, served.includes(secret)]).toEqual([secret, false]);
  });
});
