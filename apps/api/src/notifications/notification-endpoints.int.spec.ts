import { createECDH, randomBytes } from 'node:crypto';
import {
  notificationWebhookAnswerSchema,
  notificationWebhookSchema,
  pushDeviceSchema,
  pushDevicesSchema,
} from '@fieldstream/api-contract';
import { TEST_ADMIN, type TestApi, startTestApi } from '../testing/start-test-api';
import { USERS, createOrganisation } from '../testing/organisation-fixture';

jest.setTimeout(60_000);

/*
 * A user's own push devices and webhook over HTTP, on the real API and stores: each user sees and
 * changes only theirs, bad input is refused naming the field and changes nothing, and the VAPID
 * key made on first start is the one the API hands out.
 */

/** A subscription as a browser's `PushSubscription.toJSON()` gives it. */
function subscription(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
}

describe('push devices and webhooks over HTTP', () => {
  let api: TestApi;
  let tokens: Record<keyof typeof USERS, string>;

  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    tokens = await createOrganisation(api, admin);
  }, 90_000);
  afterAll(() => api?.stop());

  const call = (method: string, path: string, token: string, body?: unknown) =>
    api.call(method, path, token, body);

  it('hands out the VAPID public key made on first start, the same every time', async () => {
    const first = pushDevicesSchema.parse(
      await (await call('GET', '/api/me/push-devices', tokens.technicianMi)).json(),
    );
    const again = pushDevicesSchema.parse(
      await (await call('GET', '/api/me/push-devices', tokens.manager)).json(),
    );
    // An uncompressed P-256 point, base64url: 65 bytes.
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    expect(again.publicKey).toBe(first.publicKey);
    expect(first).toMatchObject({ devices: [], maxDevices: 10 });
  });

  it('registers a browser once, lists it only to its user, and removes it', async () => {
    const browser = subscription('https://fcm.googleapis.com/fcm/send/abc123');
    const created = await call('POST', '/api/me/push-devices', tokens.technicianMi, {
      ...browser,
      label: 'Chrome on Android',
    });
    expect(created.status).toBe(201);
    const device = pushDeviceSchema.parse(await created.json());
    expect(device).toMatchObject({ label: 'Chrome on Android', pushService: 'fcm.googleapis.com' });
    // The browser subscribes again on its next visit: the same device, nothing new.
    const again = await call('POST', '/api/me/push-devices', tokens.technicianMi, {
      ...browser,
      label: 'Chrome on Android',
    });
    expect(again.status).toBe(200);
    expect((await again.json()).deviceId).toBe(device.deviceId);

    const mine = pushDevicesSchema.parse(
      await (await call('GET', '/api/me/push-devices', tokens.technicianMi)).json(),
    );
    expect(mine.devices.map((d) => d.deviceId)).toEqual([device.deviceId]);
    const theirs = pushDevicesSchema.parse(
      await (await call('GET', '/api/me/push-devices', tokens.manager)).json(),
    );
    expect(theirs.devices).toEqual([]);
    // Nobody removes another user's device: it is not among theirs.
    expect((await call('DELETE', `/api/me/push-devices/${device.deviceId}`, tokens.manager)).status).toBe(
      404,
    );

    expect(
      (await call('DELETE', `/api/me/push-devices/${device.deviceId}`, tokens.technicianMi)).status,
    ).toBe(204);
    const after = pushDevicesSchema.parse(
      await (await call('GET', '/api/me/push-devices', tokens.technicianMi)).json(),
    );
    expect(after.devices).toEqual([]);
  });

  it('moves a browser to the user who signs in on it and turns push on', async () => {
    const browser = subscription('https://fcm.googleapis.com/fcm/send/shared-kiosk');
    const first = await call('POST', '/api/me/push-devices', tokens.dispatcherRm, {
      ...browser,
      label: 'Kiosk',
    });
    expect(first.status).toBe(201);
    // The next person on the same browser: the previous user's notifications stop coming to it.
    expect(
      (await call('POST', '/api/me/push-devices', tokens.manager, { ...browser, label: 'Kiosk' })).status,
    ).toBe(201);
    const previous = pushDevicesSchema.parse(
      await (await call('GET', '/api/me/push-devices', tokens.dispatcherRm)).json(),
    );
    expect(previous.devices).toEqual([]);
    const now = pushDevicesSchema.parse(
      await (await call('GET', '/api/me/push-devices', tokens.manager)).json(),
    );
    expect(now.devices.map((d) => d.label)).toEqual(['Kiosk']);
  });

  it('refuses a subscription with bad keys or a plain-http endpoint, naming the field, and keeps nothing', async () => {
    const good = subscription('https://updates.push.services.mozilla.com/wpush/v2/xyz');
    const cases: [unknown, string][] = [
      [{ ...good, keys: { ...good.keys, p256dh: 'c2hvcnQ' } }, 'keys.p256dh'],
      [{ ...good, keys: { ...good.keys, auth: 'not base64url!' } }, 'keys.auth'],
      [{ ...good, endpoint: 'not a url' }, 'endpoint'],
      [{ ...good, endpoint: 'http://push.example/plain' }, 'endpoint'],
      [{ ...good, owner: 'someone-else' }, 'owner'],
    ];
    for (const [body, field] of cases) {
      const answer = await call('POST', '/api/me/push-devices', tokens.dispatcherMi, body);
      expect(answer.status).toBe(400);
      const problem = (await answer.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((error) => error.field)).toContain(field);
    }
    const list = pushDevicesSchema.parse(
      await (await call('GET', '/api/me/push-devices', tokens.dispatcherMi)).json(),
    );
    expect(list.devices).toEqual([]);
  });

  it('sets a webhook with a Standard Webhooks secret, keeps it when the URL changes, rotates and removes it', async () => {
    const token = tokens.customerAcme;
    expect(
      notificationWebhookAnswerSchema.parse(
        await (await call('GET', '/api/me/notification-webhook', token)).json(),
      ),
    ).toEqual({
      webhook: null,
    });
    const set = await call('PUT', '/api/me/notification-webhook', token, {
      url: 'https://hooks.acme.example/fieldstream',
    });
    expect(set.status).toBe(200);
    const first = notificationWebhookSchema.parse(await set.json());
    expect(first.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const moved = notificationWebhookSchema.parse(
      await (
        await call('PUT', '/api/me/notification-webhook', token, { url: 'https://hooks.acme.example/v2' })
      ).json(),
    );
    expect(moved).toMatchObject({ url: 'https://hooks.acme.example/v2', secret: first.secret });

    const rotated = await call('POST', '/api/me/notification-webhook/rotate-secret', token);
    expect(rotated.status).toBe(200);
    const second = notificationWebhookSchema.parse(await rotated.json());
    expect(second.secret).not.toBe(first.secret);
    expect(second.createdAt).toBe(first.createdAt);

    // Another user sees no webhook of theirs, and the owner sees the new secret.
    expect(
      (await (await call('GET', '/api/me/notification-webhook', tokens.customerBeta)).json()).webhook,
    ).toBeNull();
    expect((await (await call('GET', '/api/me/notification-webhook', token)).json()).webhook.secret).toBe(
      second.secret,
    );

    expect((await call('DELETE', '/api/me/notification-webhook', token)).status).toBe(204);
    expect((await (await call('GET', '/api/me/notification-webhook', token)).json()).webhook).toBeNull();
  });

  it('refuses a plain-http webhook here, and rotating a secret when there is no webhook', async () => {
    const plain = await call('PUT', '/api/me/notification-webhook', tokens.auditor, {
      url: 'http://127.0.0.1:9/hook',
    });
    expect(plain.status).toBe(400);
    expect((await plain.json()).errors).toEqual([
      expect.objectContaining({ field: 'url', code: 'https_required' }),
    ]);
    const rotate = await call('POST', '/api/me/notification-webhook/rotate-secret', tokens.auditor);
    expect(rotate.status).toBe(400);
    expect(
      (await (await call('GET', '/api/me/notification-webhook', tokens.auditor)).json()).webhook,
    ).toBeNull();
  });
});

describe('push devices and webhooks where plain http is allowed', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ NOTIFY_ALLOW_HTTP_ENDPOINTS: 'true' });
  }, 60_000);
  afterAll(() => api?.stop());

  it('takes a receiver on this machine, for tests and local set-ups', async () => {
    const admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const answer = await api.call('PUT', '/api/me/notification-webhook', admin, {
      url: 'http://127.0.0.1:9/hook',
    });
    expect(answer.status).toBe(200);
    expect((await answer.json()).url).toBe('http://127.0.0.1:9/hook');
  });
});
