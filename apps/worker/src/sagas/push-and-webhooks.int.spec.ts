import {
  AuthService,
  type CommandContext,
  MasterDataService,
  NotificationEndpointsService,
  ServiceRequestCommands,
  systemContext,
} from '@fieldstream/application';
import { SERVICE_REQUEST_ORGANISATION } from '@fieldstream/application/src/service-requests/commands/testing/service-request-organisation.fixture';
import {
  type DeliveryEvent,
  type NotificationEndpointsEvent,
  deliveryStreamName,
  notificationEndpointsStreamName,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { type AppConfig, loadConfig } from '@fieldstream/infrastructure';
import { USERS_COLLECTION } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { startRedis, tempDir, type TempDir, type TestRedis, waitFor } from '@fieldstream/testing';
import { Logger } from '@nestjs/common';
import webpush from 'web-push';
import { type RunningWorker, startWorker } from '../create-worker';
import { PushServiceStandIn } from './testing/push-service-stand-in';
import { WebhookReceiver } from './testing/webhook-receiver';

/*
 * Web push and signed webhooks from a real worker: real SQLite stores, a private Redis, and on
 * loopback the world's edges — a push service that checks VAPID signatures and decrypts payloads
 * as a browser would, and a webhook receiver verifying Standard Webhooks signatures with the
 * specification's reference library.
 */
const ADMIN = { id: 'admin', displayName: 'Admin', kind: 'user', role: 'admin' } as const;
const VAPID = webpush.generateVAPIDKeys();
const SUBJECT = 'mailto:ops@fieldstream.test';

describe('web push and signed webhooks', () => {
  let dir: TempDir;
  let redisServer: TestRedis;
  let config: AppConfig;
  let events: EventStore;
  let reads: ReadStore;
  let commands: ServiceRequestCommands;
  let endpoints: NotificationEndpointsService;
  let worker: RunningWorker | undefined;
  const pushService = new PushServiceStandIn();
  const receiver = new WebhookReceiver();
  const users: Record<string, string> = {};
  let requestId = '';

  const streamOf = async <E>(stream: string) =>
    (await events.readStream(stream, { maxCount: 1000 })).map(
      (recorded) => ({ type: recorded.type, data: recorded.data }) as unknown as E,
    );
  const as = (actorId: string): CommandContext => ({
    actor: { id: actorId, displayName: actorId, kind: 'user', role: 'technician' },
    at: new Date().toISOString(),
    correlationId: `endpoints-${actorId}`,
  });
  const adminAt = (): CommandContext => ({ actor: ADMIN, at: new Date().toISOString(), correlationId: 't' });

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = await tempDir();
    redisServer = await startRedis();
    await pushService.start();
    await receiver.start();
    config = loadConfig({
      DATA_DIR: dir.path,
      REDIS_URL: redisServer.url,
      QUEUE_PREFIX: 'push',
      LOG_LEVEL: 'fatal',
      VAPID_PUBLIC_KEY: VAPID.publicKey,
      VAPID_PRIVATE_KEY: VAPID.privateKey,
      VAPID_SUBJECT: SUBJECT,
      PUBLIC_URL: 'https://desk.fieldstream.test',
      NOTIFY_ATTEMPTS: '3',
      NOTIFY_RETRY_MS: '200',
    });
    events = await openSqliteEventStore({
      file: config.eventStore.kind === 'sqlite' ? config.eventStore.file : '',
    });
    reads = await openSqliteReadStore({
      file: config.readStore.kind === 'sqlite' ? config.readStore.file : '',
    });
    worker = await startWorker(config, { logger: { log() {}, error() {}, warn() {} } });

    const masterData = new MasterDataService({ events, reads });
    commands = new ServiceRequestCommands({ events, reads, masterData });
    endpoints = new NotificationEndpointsService({
      events,
      vapidPublicKey: VAPID.publicKey,
      allowHttpEndpoints: true,
    });
    const admin = systemContext(new Date().toISOString(), 'organisation');
    for (const [plural, code, fields] of SERVICE_REQUEST_ORGANISATION) {
      await masterData.write(admin, plural, 'register', code, fields);
    }
    const auth = new AuthService({
      events,
      reads,
      tokenSecret: 'a-test-secret-of-at-least-thirty-two-bytes',
      tokenTtlSeconds: 3600,
    });
    const register = async (username: string, profile: Record<string, unknown>) => {
      const user = await auth.registerUser(adminAt(), { username, password: 'a-long-password', ...profile });
      users[username] = user.id;
    };
    await register('rossi', {
      displayName: 'Mario Rossi',
      role: 'technician',
      binding: { technicianCode: 'T-MI-1' },
      language: 'it',
    });
    await register('desk.mi', {
      displayName: 'Desk Milano',
      role: 'dispatcher',
      binding: { unitCode: 'MI' },
      language: 'en',
    });
    await waitFor(async () => (await reads.collection(USERS_COLLECTION).count({})) >= 2, {
      description: 'the users read model',
      timeoutMs: 20_000,
    });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await events?.close();
    await reads?.close();
    await pushService.stop();
    await receiver.stop();
    await redisServer?.stop();
    await dir?.remove();
  });

  async function deliveryLog(deliveryId: string) {
    return streamOf<DeliveryEvent>(deliveryStreamName(deliveryId));
  }

  it('pushes to each browser of the technician, encrypted and signed, and lets a gone one go', async () => {
    const phone = pushService.subscribe('phone');
    const laptop = pushService.subscribe('old-laptop', [410]);
    for (const [browser, label] of [
      [phone, 'Chrome on Android'],
      [laptop, 'Firefox on Linux'],
    ] as const) {
      await endpoints.registerPushDevice(as(users['rossi']!), {
        endpoint: browser.endpoint,
        keys: browser.keys,
        label,
      });
    }
    // Rossi's webhook is down twice before it takes the call; the desk's refuses for good.
    const rossiHook = await endpoints.setWebhook(as(users['rossi']!), { url: receiver.url('/rossi') });
    receiver.expect('/rossi', rossiHook.secret, [503, 503, 204]);
    const deskHook = await endpoints.setWebhook(as(users['desk.mi']!), { url: receiver.url('/desk') });
    receiver.expect('/desk', deskHook.secret, [400]);

    ({ requestId } = await commands.open(adminAt(), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Caldaia in blocco, reparto produzione fermo',
      priority: 'normal',
      conditionCodes: [],
    }));
    await commands.execute(adminAt(), requestId, { type: 'accept' });
    await commands.execute(adminAt(), requestId, {
      type: 'assign',
      assignments: [
        {
          technicianCode: 'T-MI-1',
          start: new Date(Date.now() + 2 * 3600 * 1000).toISOString(),
          durationMinutes: 60,
        },
      ],
      displace: [],
    });

    const pushed = await waitFor(() => pushService.received.find((push) => push.device === 'phone'), {
      description: 'the push to the phone',
      timeoutMs: 20_000,
    });
    // What the browser decrypts: the Italian wording, a tag to de-duplicate by, the request's page.
    expect(pushed.payload).toMatchObject({
      title: expect.stringMatching(/^SR-[0-9A-F]{8} pianificata /),
      body: expect.stringContaining('Caldaia in blocco'),
      topic: 'assignment',
      // Rossi is a technician: his own sheet of the request.
      url: `/app/my/requests/${requestId}`,
    });
    const deliveryId = (pushed.payload as { tag: string }).tag;
    // Signed with the server's VAPID key for this push service's origin (RFC 8292).
    expect(pushed.vapid).toMatchObject({
      audience: pushService.origin,
      subject: SUBJECT,
      publicKey: VAPID.publicKey,
      signatureValid: true,
    });
    expect(pushed.vapid.expiresAt * 1000).toBeGreaterThan(Date.now());
    expect(pushed.headers).toMatchObject({ contentEncoding: 'aes128gcm', ttl: '86400', urgency: 'normal' });
    expect(pushed.headers.topic).toBe(deliveryId.replace(/-/g, '').slice(0, 32));

    // The old laptop's push service said "gone": the device is removed, the delivery counts as sent.
    const sent = await waitFor(
      async () => (await deliveryLog(deliveryId)).find((event) => event.type === 'NotificationDeliverySent'),
      { description: 'the push delivery sent' },
    );
    expect(sent.data).toMatchObject({ providerMessageId: '1 of 2 devices' });
    const devices = await streamOf<NotificationEndpointsEvent>(
      notificationEndpointsStreamName(users['rossi']!),
    );
    expect(devices.filter((event) => event.type === 'PushDeviceRemoved').map((event) => event.data)).toEqual([
      expect.objectContaining({ reason: 'expired' }),
    ]);
    expect((await endpoints.pushDevices(as(users['rossi']!).actor)).devices.map((d) => d.label)).toEqual([
      'Chrome on Android',
    ]);
  }, 60_000);

  it('signs each webhook call, retries a receiver that was down with the same id, and gives up on a refusal', async () => {
    const rossiCalls = await waitFor(
      () => {
        const calls = receiver.calls.filter((call) => call.path === '/rossi');
        return calls.some((call) => call.status === 204) && calls;
      },
      { description: 'Rossi’s webhook taken', timeoutMs: 20_000 },
    );
    // One notification, three attempts, one id: the receiver de-duplicates by it.
    expect(rossiCalls.map((call) => call.status)).toEqual([503, 503, 204]);
    expect(new Set(rossiCalls.map((call) => call.id)).size).toBe(1);
    expect(rossiCalls.every((call) => call.verified)).toBe(true);
    expect(rossiCalls[2]!.payload).toMatchObject({
      type: 'notification.assignment',
      data: {
        deliveryId: rossiCalls[0]!.id,
        userId: users['rossi'],
        topic: 'assignment',
        requestId,
        link: `https://desk.fieldstream.test/app/my/requests/${requestId}`,
      },
    });
    // The receiver took it before the worker wrote so: the log says it a moment later.
    const rossiLog = await waitFor(
      async () => {
        const log = await deliveryLog(rossiCalls[0]!.id);
        return log.some((event) => event.type === 'NotificationDeliverySent') && log;
      },
      { description: 'Rossi’s webhook delivery recorded as sent' },
    );
    expect(rossiLog.map((event) => event.type)).toEqual([
      'NotificationDeliveryScheduled',
      'NotificationDeliveryFailed',
      'NotificationDeliveryFailed',
      'NotificationDeliverySent',
    ]);

    // The desk's receiver answered 400 to the new request: no retry, a dead letter at once.
    const deskCall = await waitFor(() => receiver.calls.find((call) => call.path === '/desk'), {
      description: 'the desk’s webhook called',
    });
    expect(deskCall).toMatchObject({ status: 400, verified: true });
    expect(deskCall.payload).toMatchObject({ type: 'notification.request-opened' });
    const deskLog = await waitFor(
      async () => {
        const log = await deliveryLog(deskCall.id);
        return log.some((event) => event.type === 'NotificationDeliveryDead') && log;
      },
      { description: 'the desk’s webhook given up' },
    );
    expect(deskLog.map((event) => event.type)).toEqual([
      'NotificationDeliveryScheduled',
      'NotificationDeliveryFailed',
      'NotificationDeliveryDead',
    ]);
    expect(receiver.calls.filter((call) => call.id === deskCall.id)).toHaveLength(1);
  }, 60_000);

  it('signs with the new secret once it is rotated, and pushes nothing to a user with no browser left', async () => {
    const rotated = await endpoints.rotateWebhookSecret(as(users['rossi']!));
    const before = receiver.calls.length;
    const pushesBefore = pushService.received.length;
    receiver.expect('/rossi', rotated.secret, [204]);
    // The phone is gone too now: Rossi's next push has no browser to reach.
    await endpoints.removePushDevice(
      as(users['rossi']!),
      (await endpoints.pushDevices(as(users['rossi']!).actor)).devices[0]!.deviceId,
    );
    await commands.execute(adminAt(), requestId, {
      type: 'reschedule',
      technicianCode: 'T-MI-1',
      start: new Date(Date.now() + 3 * 3600 * 1000).toISOString(),
      durationMinutes: 60,
      displace: [],
    });
    const call = await waitFor(
      () => receiver.calls.slice(before).find((c) => c.payload?.type === 'notification.reschedule'),
      { description: 'the reschedule’s webhook call', timeoutMs: 20_000 },
    );
    expect(call).toMatchObject({ verified: true, status: 204 });
    expect(pushService.received.length).toBe(pushesBefore);
  }, 60_000);
});
