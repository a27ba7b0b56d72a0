import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ProblemDetails,
  type WebhookDeliveryPage,
  type WebhookEventTypes,
  type WebhookSubscriptionList,
  type WebhookSubscriptionView,
  type WebhookSubscriptionWithSecret,
  CLOUDEVENTS_CONTENT_TYPE,
  WEBHOOK_PING_TYPE,
  webhookDeliveryPageSchema,
  webhookSubscriptionListSchema,
  webhookSubscriptionSchema,
  webhookSubscriptionWithSecretSchema,
} from '@fieldstream/api-contract';
import { Webhook } from 'standardwebhooks';
import { issueApiKey, readAllPages } from '../event-stream/testing/event-stream-calls';
import { openRequest } from '../service-requests/testing/service-request-calls';
import { type USERS, createOrganisation } from '../testing/organisation-fixture';
import { TEST_ADMIN, type TestApi, startTestApi } from '../testing/start-test-api';

jest.setTimeout(90_000);

/*
 * Webhook subscriptions over HTTP, on the real API and stores (the delivery itself is the worker's,
 * tested there): what each role and each integrator may do, what bad input answers, and that a
 * secret is shown to administrators and its own integrator only. The test ping reaches a receiver
 * started here, verifying signatures with the Standard Webhooks reference library.
 */
const OPENED = 'io.fieldstream.service-request.opened.v1';
const CLOSED = 'io.fieldstream.service-request.closed.v1';
const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;
const BASE = '/api/webhook-subscriptions';

describe('webhook subscriptions over HTTP', () => {
  let api: TestApi;
  let admin: string;
  let tokens: Record<keyof typeof USERS, string>;
  /** Two integrators' API keys, and a device's. */
  let erp: string;
  let crm: string;
  let device: string;
  /** ERP's subscription, made in the first test. */
  let subscription: WebhookSubscriptionWithSecret;

  const call = (
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => api.call(method, path, token, body, headers);
  const create = (token: string, body: unknown) => call('POST', BASE, token, body);
  const json = async <T>(response: Response, status: number): Promise<T> => {
    const text = await response.text();
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const fieldsOf = async (response: Response) => {
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (
      (await response.json()) as ProblemDetails & { errors: { field: string; code: string }[] }
    ).errors.map((error) => [error.field, error.code]);
  };
  const erpBody = {
    name: 'ERP: requests',
    description: 'Requests opened and closed, to the ERP',
    url: 'https://erp.example.com/hooks/fieldstream',
    eventTypes: [OPENED, CLOSED],
  };

  beforeAll(async () => {
    // Plain http allowed: the ping's receiver is on this machine.
    api = await startTestApi({ NOTIFY_ALLOW_HTTP_ENDPOINTS: 'true' });
    admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    tokens = await createOrganisation(api, admin);
    erp = await issueApiKey(api, admin, { name: 'ERP', role: 'integrator' });
    crm = await issueApiKey(api, admin, { name: 'CRM', role: 'integrator' });
    device = await issueApiKey(api, admin, { name: 'Gateway', role: 'device', assetCodes: ['SN-ACME-1'] });
  }, 90_000);
  afterAll(() => api?.stop());

  it('lets an integrator make, read, change, pause, resume, replay and delete its subscription', async () => {
    const made = await create(erp, erpBody);
    subscription = webhookSubscriptionWithSecretSchema.parse(await json(made, 201));
    expect(made.headers.get('location')).toBe(`${BASE}/${subscription.id}`);
    expect(made.headers.get('etag')).toBe('"1"');
    expect(made.headers.get('cache-control')).toBe('no-store');
    expect(subscription).toMatchObject({
      name: 'ERP: requests',
      url: 'https://erp.example.com/hooks/fieldstream',
      eventTypes: [CLOSED, OPENED],
      categories: [],
      status: 'active',
      paused: null,
      failing: null,
      owner: { kind: 'api-key', name: 'ERP', role: 'integrator' },
      version: 1,
      delivery: { position: null, pendingEvents: 0, consecutiveFailures: 0, delivered: 0 },
    });
    expect(subscription.secret).toMatch(SECRET);

    // Read back: never the secret.
    const one = await call('GET', `${BASE}/${subscription.id}`, erp);
    const shown = await json<WebhookSubscriptionView>(one, 200);
    expect(webhookSubscriptionSchema.strict().parse(shown)).toEqual(shown);
    expect(one.headers.get('etag')).toBe('"1"');
    // Its delivery status moves with every event: never answered from a cache.
    expect(one.headers.get('cache-control')).toBe('no-store');
    expect(JSON.stringify(shown)).not.toContain('whsec_');
    const listed = webhookSubscriptionListSchema.parse(await json(await call('GET', BASE, erp), 200));
    expect(listed.subscriptions.map((s) => s.id)).toEqual([subscription.id]);

    // Changed, as a whole, over the version read; a stale version is a conflict that says so.
    const changed = await json<WebhookSubscriptionView>(
      await call(
        'PUT',
        `${BASE}/${subscription.id}`,
        erp,
        { ...erpBody, url: 'https://erp.example.com/hooks/v2', categories: ['devices'] },
        { 'if-match': '"1"' },
      ),
      200,
    );
    expect(changed).toMatchObject({
      url: 'https://erp.example.com/hooks/v2',
      categories: ['devices'],
      version: 2,
    });
    const stale = await call('PUT', `${BASE}/${subscription.id}`, erp, erpBody, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      code: 'wrong_expected_revision',
      stream: `webhook-subscription-${subscription.id}`,
      expectedRevision: 0,
      actualRevision: 1,
    });
    // The same settings again change nothing.
    const same = await json<WebhookSubscriptionView>(
      await call('PUT', `${BASE}/${subscription.id}`, erp, {
        ...erpBody,
        url: 'https://erp.example.com/hooks/v2',
        categories: ['devices'],
      }),
      200,
    );
    expect(same.version).toBe(2);

    const paused = await json<WebhookSubscriptionView>(
      await call('POST', `${BASE}/${subscription.id}/pause`, erp),
      200,
    );
    expect(paused).toMatchObject({ status: 'paused', paused: { reason: 'requested', detail: null } });
    expect(
      (await json<WebhookSubscriptionList>(await call('GET', `${BASE}?status=paused`, erp), 200))
        .subscriptions,
    ).toHaveLength(1);
    expect(
      (await json<WebhookSubscriptionList>(await call('GET', `${BASE}?status=active`, erp), 200))
        .subscriptions,
    ).toHaveLength(0);
    const resumed = await json<WebhookSubscriptionView>(
      await call('POST', `${BASE}/${subscription.id}/resume`, erp),
      200,
    );
    expect(resumed).toMatchObject({ status: 'active', paused: null });

    // A request opened: an event of its types in the log, to be replayed.
    await openRequest(api, tokens.dispatcherMi);
    const replayed = await json<WebhookSubscriptionView>(
      await call('POST', `${BASE}/${subscription.id}/replay`, erp, { fromPosition: '1' }),
      202,
    );
    expect(replayed.lastReplay).toMatchObject({ fromPosition: 1 });
    // Everything of its types since position 1 now waits to go out again.
    expect(replayed.delivery.pendingEvents).toBeGreaterThan(0);

    // Another one, then deleted: gone from the list and from reads.
    const other = await json<WebhookSubscriptionWithSecret>(
      await create(erp, { name: 'Temporary', url: 'https://erp.example.com/t', categories: ['stock'] }),
      201,
    );
    expect((await call('DELETE', `${BASE}/${other.id}`, erp, undefined, { 'if-match': '"7"' })).status).toBe(
      409,
    );
    expect((await call('DELETE', `${BASE}/${other.id}`, erp)).status).toBe(204);
    expect((await call('GET', `${BASE}/${other.id}`, erp)).status).toBe(404);
    expect((await call('DELETE', `${BASE}/${other.id}`, erp)).status).toBe(404);
    const after = await json<WebhookSubscriptionList>(await call('GET', BASE, erp), 200);
    expect(after.subscriptions.map((s) => s.id)).toEqual([subscription.id]);
  });

  it('makes one subscription of a retried creation (Idempotency-Key)', async () => {
    const headers = { 'idempotency-key': 'erp-create-42' };
    const first = await json<WebhookSubscriptionWithSecret>(
      await call('POST', BASE, erp, { ...erpBody, name: 'Retried' }, headers),
      201,
    );
    const again = await json<WebhookSubscriptionWithSecret>(
      await call('POST', BASE, erp, { ...erpBody, name: 'Retried' }, headers),
      201,
    );
    expect(again.id).toBe(first.id);
    expect(again.secret).toBe(first.secret);
    await json(await call('DELETE', `${BASE}/${first.id}`, erp), 204);
  });

  it('refuses bad input with a 400 naming each field, and changes nothing', async () => {
    const before = await json<WebhookSubscriptionList>(await call('GET', BASE, admin), 200);
    expect(await fieldsOf(await create(erp, { ...erpBody, name: '  ' }))).toEqual([['name', 'too_small']]);
    expect(await fieldsOf(await create(erp, { ...erpBody, url: 'ftp://erp.example.com/x' }))).toEqual([
      ['url', 'invalid_format'],
    ]);
    expect(
      await fieldsOf(
        await create(erp, {
          ...erpBody,
          eventTypes: [OPENED, 'io.fieldstream.user.registered.v1', 'nonsense'],
        }),
      ),
    ).toEqual([
      ['eventTypes.1', 'unknown_type'],
      ['eventTypes.2', 'unknown_type'],
    ]);
    expect(
      await fieldsOf(await create(erp, { ...erpBody, eventTypes: [], categories: ['secrets'] })),
    ).toEqual(expect.arrayContaining([['categories.0', 'invalid_value']]));
    expect(await fieldsOf(await create(erp, { name: 'Nothing', url: 'https://erp.example.com/x' }))).toEqual([
      ['eventTypes', 'custom'],
    ]);
    expect(await fieldsOf(await create(erp, { ...erpBody, secret: 'whsec_mine' }))).toEqual([
      ['secret', 'unrecognized_keys'],
    ]);
    const id = subscription.id;
    for (const fromPosition of [-1, 1.5, 'yesterday', '-3', null, '99999999999999999999']) {
      const fields = await fieldsOf(await call('POST', `${BASE}/${id}/replay`, erp, { fromPosition }));
      expect([fromPosition, fields.map(([field]) => field)]).toEqual([fromPosition, ['fromPosition']]);
    }
    expect(await fieldsOf(await call('POST', `${BASE}/${id}/replay`, erp, { fromPosition: 1e12 }))).toEqual([
      ['fromPosition', 'beyond_head'],
    ]);
    expect(
      await fieldsOf(
        await call('POST', `${BASE}/${id}/rotate-secret`, erp, { previousSecretValidMinutes: -5 }),
      ),
    ).toEqual([['previousSecretValidMinutes', 'too_small']]);
    expect(await fieldsOf(await call('GET', `${BASE}/${id}/deliveries?limit=0`, erp))).toEqual([
      ['limit', 'too_small'],
    ]);
    expect(await fieldsOf(await call('GET', `${BASE}?status=broken`, erp))).toEqual([
      ['status', 'invalid_value'],
    ]);
    expect(await fieldsOf(await call('PUT', `${BASE}/${id}`, erp, { ...erpBody, url: 'not a url' }))).toEqual(
      [['url', 'invalid_format']],
    );
    // Nothing was made or changed.
    const after = await json<WebhookSubscriptionList>(await call('GET', BASE, admin), 200);
    expect(after).toEqual(before);
    const unchanged = await json<WebhookSubscriptionView>(await call('GET', `${BASE}/${id}`, erp), 200);
    expect(unchanged.lastReplay).toMatchObject({ fromPosition: 1 });
    expect(unchanged.secretRotatedAt).toBe(subscription.secretRotatedAt);
  });

  it('answers each role as the access rules say', async () => {
    const crmOwn = await json<WebhookSubscriptionWithSecret>(
      await create(crm, { name: 'CRM', url: 'https://crm.example.com/in', categories: ['service-requests'] }),
      201,
    );
    const erpId = subscription.id;
    const status = async (token: string | undefined, method: string, path: string, body?: unknown) =>
      (await call(method, path, token, body)).status;

    // Administrators: everything, on anyone's.
    expect(await status(admin, 'GET', `${BASE}/${erpId}`)).toBe(200);
    expect(await status(admin, 'GET', `${BASE}/${erpId}/deliveries`)).toBe(200);
    expect(await status(admin, 'POST', `${BASE}/${erpId}/pause`)).toBe(200);
    expect(await status(admin, 'POST', `${BASE}/${erpId}/resume`)).toBe(200);
    const all = await json<WebhookSubscriptionList>(await call('GET', BASE, admin), 200);
    expect(all.subscriptions.map((s) => s.id).sort()).toEqual([erpId, crmOwn.id].sort());
    const byOwner = await json<WebhookSubscriptionList>(
      await call('GET', `${BASE}?ownerId=${crmOwn.owner.id}`, admin),
      200,
    );
    expect(byOwner.subscriptions.map((s) => s.id)).toEqual([crmOwn.id]);

    // Auditors read everything and change nothing.
    expect(await status(tokens.auditor, 'GET', BASE)).toBe(200);
    expect(await status(tokens.auditor, 'GET', `${BASE}/event-types`)).toBe(200);
    expect(await status(tokens.auditor, 'GET', `${BASE}/${erpId}`)).toBe(200);
    expect(await status(tokens.auditor, 'GET', `${BASE}/${erpId}/deliveries`)).toBe(200);
    for (const [method, path, body] of [
      ['POST', BASE, erpBody],
      ['PUT', `${BASE}/${erpId}`, erpBody],
      ['DELETE', `${BASE}/${erpId}`, undefined],
      ['POST', `${BASE}/${erpId}/pause`, undefined],
      ['POST', `${BASE}/${erpId}/replay`, { fromPosition: 1 }],
      ['POST', `${BASE}/${erpId}/rotate-secret`, {}],
      ['POST', `${BASE}/${erpId}/test`, undefined],
    ] as const)
      expect([method, path, await status(tokens.auditor, method, path, body)]).toEqual([method, path, 403]);

    // An integrator sees its own only: another's is as missing, for every operation.
    const crmList = await json<WebhookSubscriptionList>(await call('GET', BASE, crm), 200);
    expect(crmList.subscriptions.map((s) => s.id)).toEqual([crmOwn.id]);
    const ownerFilter = await json<WebhookSubscriptionList>(
      await call('GET', `${BASE}?ownerId=${subscription.owner.id}`, crm),
      200,
    );
    expect(ownerFilter.subscriptions.map((s) => s.id)).toEqual([crmOwn.id]);
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['PUT', '', erpBody],
      ['DELETE', '', undefined],
      ['GET', '/secret', undefined],
      ['GET', '/deliveries', undefined],
      ['POST', '/pause', undefined],
      ['POST', '/resume', undefined],
      ['POST', '/replay', { fromPosition: 1 }],
      ['POST', '/rotate-secret', {}],
      ['POST', '/test', undefined],
    ] as const)
      expect([method, suffix, await status(crm, method, `${BASE}/${erpId}${suffix}`, body)]).toEqual([
        method,
        suffix,
        404,
      ]);

    // Everyone else: not even the list.
    for (const role of ['dispatcherMi', 'manager', 'technicianMi', 'customerAcme'] as const) {
      expect([role, await status(tokens[role], 'GET', BASE)]).toEqual([role, 403]);
      expect([role, await status(tokens[role], 'GET', `${BASE}/${erpId}`)]).toEqual([role, 403]);
      expect([role, await status(tokens[role], 'POST', BASE, erpBody)]).toEqual([role, 403]);
    }
    expect(await status(device, 'GET', BASE)).toBe(403);
    expect(await status(device, 'POST', BASE, erpBody)).toBe(403);
    expect(await status(undefined, 'GET', BASE)).toBe(401);
    // A malformed id is as missing as an unknown one.
    expect(await status(admin, 'GET', `${BASE}/not-a-uuid`)).toBe(404);
    expect(await status(admin, 'GET', `${BASE}/5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a`)).toBe(404);
  });

  it('shows a secret to administrators and its own integrator only, and rotates it', async () => {
    const id = subscription.id;
    const secretOf = (token: string) => call('GET', `${BASE}/${id}/secret`, token);
    const asAdmin = await secretOf(admin);
    expect(await json(asAdmin, 200)).toEqual({
      secret: subscription.secret,
      secretRotatedAt: subscription.secretRotatedAt,
      previousSecretValidUntil: null,
    });
    expect(asAdmin.headers.get('cache-control')).toBe('no-store');
    expect((await json<{ secret: string }>(await secretOf(erp), 200)).secret).toBe(subscription.secret);
    expect((await secretOf(tokens.auditor)).status).toBe(403);
    expect((await secretOf(crm)).status).toBe(404);
    expect((await secretOf(tokens.dispatcherMi)).status).toBe(403);

    // No list, read or delivery log shows it, to anyone.
    for (const token of [admin, erp, tokens.auditor]) {
      for (const path of [BASE, `${BASE}/${id}`, `${BASE}/${id}/deliveries`]) {
        const text = await (await call('GET', path, token)).text();
        expect([path, text.includes('whsec_')]).toEqual([path, false]);
      }
    }
    // Nor does the event stream: a subscription's stream is never published.
    const { events } = await readAllPages(api, erp, 'limit=1000');
    expect(events.filter((event) => event.subject.startsWith('webhook-subscription-'))).toEqual([]);
    expect(JSON.stringify(events)).not.toContain('whsec_');

    const rotated = await json<WebhookSubscriptionWithSecret>(
      await call('POST', `${BASE}/${id}/rotate-secret`, admin, { previousSecretValidMinutes: 60 }),
      200,
    );
    expect(rotated.secret).toMatch(SECRET);
    expect(rotated.secret).not.toBe(subscription.secret);
    expect(Date.parse(rotated.previousSecretValidUntil!) - Date.parse(rotated.secretRotatedAt)).toBe(
      3_600_000,
    );
    expect((await json<{ secret: string }>(await secretOf(erp), 200)).secret).toBe(rotated.secret);
    subscription = rotated;
  });

  it('sends a signed ping the receiver verifies, says what it answered, and logs it with the deliveries', async () => {
    const calls: { headers: Record<string, string>; body: string }[] = [];
    let answer = 204;
    const server: Server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        calls.push({
          headers: request.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString(),
        });
        response.writeHead(answer).end(answer === 204 ? undefined : 'not today');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`;
      const id = subscription.id;
      await json(await call('PUT', `${BASE}/${id}`, erp, { ...erpBody, url }), 200);
      const ok = await json<{ webhookId: string; outcome: string; status: number }>(
        await call('POST', `${BASE}/${id}/test`, erp),
        200,
      );
      expect(ok).toMatchObject({ outcome: 'delivered', status: 204, error: null });
      const [ping] = calls;
      expect(ping!.headers['content-type']).toBe(CLOUDEVENTS_CONTENT_TYPE);
      expect(ping!.headers['webhook-id']).toBe(ok.webhookId);
      // Signed with the new secret and, during its grace, the previous one: either verifies.
      const signed = {
        'webhook-id': ping!.headers['webhook-id']!,
        'webhook-timestamp': ping!.headers['webhook-timestamp']!,
        'webhook-signature': ping!.headers['webhook-signature']!,
      };
      const payload = new Webhook(subscription.secret).verify(ping!.body, signed) as Record<string, unknown>;
      expect(payload).toMatchObject({
        specversion: '1.0',
        type: WEBHOOK_PING_TYPE,
        id: ok.webhookId,
        data: { subscriptionId: id },
      });
      expect(signed['webhook-signature'].split(' ')).toHaveLength(2);

      answer = 400;
      const refused = await json(await call('POST', `${BASE}/${id}/test`, admin), 200);
      expect(refused).toMatchObject({ outcome: 'refused', status: 400, error: 'answered 400: not today' });
      const log = webhookDeliveryPageSchema.parse(
        await json<WebhookDeliveryPage>(
          await call('GET', `${BASE}/${id}/deliveries?limit=1`, tokens.auditor),
          200,
        ),
      );
      expect(log.deliveries).toEqual([
        expect.objectContaining({
          kind: 'ping',
          eventType: WEBHOOK_PING_TYPE,
          outcome: 'refused',
          status: 400,
          attempt: 1,
        }),
      ]);
      expect(log.next).not.toBeNull();
      const older = await json<WebhookDeliveryPage>(
        await call('GET', `${BASE}/${id}/deliveries?limit=1&before=${encodeURIComponent(log.next!)}`, erp),
        200,
      );
      expect(older.deliveries).toEqual([
        expect.objectContaining({ kind: 'ping', outcome: 'delivered', status: 204 }),
      ]);
      expect(older.next).toBeNull();
      const refusals = await json<WebhookDeliveryPage>(
        await call('GET', `${BASE}/${id}/deliveries?outcome=refused`, erp),
        200,
      );
      expect(refusals.deliveries).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('lists what may be subscribed to, device signals included', async () => {
    const catalogue = await json<WebhookEventTypes>(await call('GET', `${BASE}/event-types`, erp), 200);
    const devices = catalogue.categories.find((category) => category.name === 'devices');
    expect(devices?.types.map((type) => type.type)).toContain('io.fieldstream.device.anomaly-raised.v1');
    expect(catalogue.categories.flatMap((category) => category.types.map((type) => type.type))).toContain(
      OPENED,
    );
    expect((await call('GET', `${BASE}/event-types`, tokens.dispatcherMi)).status).toBe(403);
  });
});

describe('webhook subscriptions on a server that allows https only', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(() => api?.stop());

  it('refuses a plain-http target naming url', async () => {
    const admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const refused = await api.call('POST', BASE, admin, {
      name: 'Insecure',
      url: 'http://erp.example.com/hooks',
      categories: ['stock'],
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ field: 'url', code: 'https_required' }),
    ]);
    expect(
      ((await (await api.call('GET', BASE, admin)).json()) as WebhookSubscriptionList).subscriptions,
    ).toEqual([]);
  });
});
