import { randomUUID } from 'node:crypto';
import { CLOUDEVENTS_CONTENT_TYPE, type FieldstreamCloudEvent } from '@fieldstream/api-contract';
import {
  type CommandContext,
  WebhookDeliveryRecords,
  WebhookSubscriptions,
  executeCommand,
  subscribedEvents,
  systemContext,
  toCloudEvent,
} from '@fieldstream/application';
import { type Principal, deviceDecider, deviceStreamName } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { type AppConfig, StandardWebhookPoster, loadConfig } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { type TempDir, type TestRedis, sleep, startRedis, tempDir, waitFor } from '@fieldstream/testing';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type RunningWorker, startWorker } from '../create-worker';
import { CloudEventReceiver } from './testing/cloud-event-receiver';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhookSubscriptionsModule } from './webhook-subscriptions.module';

jest.setTimeout(120_000);

/*
 * Webhook subscriptions delivered by real workers: a private Redis (the leases), real SQLite stores,
 * and receivers on real ports that verify Standard Webhooks signatures with the reference library.
 * Retries wait 100 to 400 ms and a subscription is failing after a second, so that "down for hours"
 * fits in a test; nothing else differs from production.
 */
const STATUS_REPORTED = 'io.fieldstream.device.status-reported.v1';
const silent = { log() {}, error() {}, warn() {} };

describe('webhook subscriptions, delivered', () => {
  let dir: TempDir;
  let redis: TestRedis;
  let config: AppConfig;
  let events: EventStore;
  let reads: ReadStore;
  let subscriptions: WebhookSubscriptions;
  const workers: RunningWorker[] = [];
  const receivers: CloudEventReceiver[] = [];
  const integrator: Principal = { id: 'key-erp', displayName: 'ERP', kind: 'api-key', role: 'integrator' };
  const context = (): CommandContext => ({
    actor: integrator,
    at: new Date().toISOString(),
    correlationId: randomUUID(),
  });

  const startOneWorker = async () => {
    const worker = await startWorker(config, { features: [WebhookSubscriptionsModule], logger: silent });
    workers.push(worker);
    return worker;
  };
  const receiverUp = async () => {
    const receiver = new CloudEventReceiver();
    await receiver.start();
    receivers.push(receiver);
    return receiver;
  };
  /** A machine reports a new state: one DeviceStatusReported in its asset's stream. */
  let states = 0;
  const reportStatus = async (assetCode: string) =>
    executeCommand(
      events,
      deviceStreamName(assetCode),
      deviceDecider,
      {
        type: 'reportStatus',
        assetCode,
        state: `state-${++states}`,
        values: { n: states },
        at: new Date().toISOString(),
      },
      systemContext(new Date().toISOString(), `device-${assetCode}`),
    );
  const raise = (assetCode: string, code: string) =>
    executeCommand(
      events,
      deviceStreamName(assetCode),
      deviceDecider,
      { type: 'raise', assetCode, code, severity: 'warning', count: 1, at: new Date().toISOString() },
      systemContext(new Date().toISOString(), `device-${assetCode}`),
    );
  /** Round after round, one new state per asset: the streams interleave in the log. */
  const reportRounds = async (assetCodes: readonly string[], rounds: number) => {
    for (let round = 0; round < rounds; round++) for (const asset of assetCodes) await reportStatus(asset);
  };
  /** What the subscription must deliver: the published log after its creation, read from the store itself. */
  const expectedFor = async (subscription: { id: string; eventTypes: string[]; categories: string[] }) => {
    const selection = subscribedEvents(subscription);
    const [created] = await events.readStream(`webhook-subscription-${subscription.id}`, { maxCount: 1 });
    const expected: FieldstreamCloudEvent[] = [];
    for (let after = created!.position; ;) {
      const page = await events.readAll({ after, maxCount: 1000 });
      if (page.length === 0) return expected;
      for (const event of page) {
        const type = selection.pick(event);
        if (type) expected.push(toCloudEvent(event, type));
      }
      after = page.at(-1)!.position;
    }
  };
  const takenAll = (receiver: CloudEventReceiver, count: number, description: string) =>
    waitFor(() => receiver.taken.length >= count, { description, timeoutMs: 30_000 });
  /** Within each stream, the order events were taken in is the log's. */
  const expectOrderPerStream = (taken: readonly FieldstreamCloudEvent[]) => {
    const byStream = new Map<string, number[]>();
    for (const event of taken)
      byStream.set(event.subject, [...(byStream.get(event.subject) ?? []), event.streamrevision]);
    for (const [stream, revisions] of byStream)
      expect([stream, revisions]).toEqual([stream, [...revisions].sort((a, b) => a - b)]);
  };
  const byPosition = (list: readonly FieldstreamCloudEvent[]) =>
    [...list].sort((a, b) => Number(a.position) - Number(b.position));

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = await tempDir();
    redis = await startRedis();
    config = loadConfig({
      DATA_DIR: dir.path,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'webhooks',
      LOG_LEVEL: 'fatal',
      NOTIFY_ALLOW_HTTP_ENDPOINTS: 'true',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_RETRY_INITIAL_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '400',
      WEBHOOK_FAILING_AFTER_MS: '1000',
      WEBHOOK_LEASE_MS: '3000',
      WEBHOOK_CONCURRENCY: '4',
    });
    events = await openSqliteEventStore({
      file: config.eventStore.kind === 'sqlite' ? config.eventStore.file : '',
    });
    reads = await openSqliteReadStore({
      file: config.readStore.kind === 'sqlite' ? config.readStore.file : '',
    });
    subscriptions = new WebhookSubscriptions({
      events,
      reads,
      records: new WebhookDeliveryRecords(reads, config.webhooks.logLimit),
      poster: new StandardWebhookPoster(config.webhooks.timeoutMs),
      allowHttpEndpoints: true,
    });
    await startOneWorker();
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    for (const receiver of receivers) await receiver.stop();
    await events?.close();
    await reads?.close();
    await redis?.stop();
    await dir?.remove();
  });

  it('POSTs each event of the subscribed types once, signed, as CloudEvents JSON, in order per stream', async () => {
    const receiver = await receiverUp();
    const subscription = await subscriptions.create(context(), {
      name: 'Machine states',
      url: receiver.url,
      eventTypes: [STATUS_REPORTED],
    });
    receiver.secrets = [subscription.secret];
    const assets = ['SN-ORDER-1', 'SN-ORDER-2', 'SN-ORDER-3'];
    await reportRounds(assets, 5);
    await raise('SN-ORDER-1', 'E104'); // another type of the same streams: never sent
    await reportStatus('SN-ORDER-2');
    const expected = await expectedFor(subscription);
    expect(expected).toHaveLength(16);
    await takenAll(receiver, 16, 'the 16 states');
    await sleep(300);
    // Exactly the published events, as the event stream serves them, each once.
    expect(byPosition(receiver.taken)).toEqual(expected);
    expect(receiver.calls).toHaveLength(16);
    for (const call of receiver.calls) {
      expect(call.verifiedWith).toEqual([true]);
      expect(call.contentType).toBe(CLOUDEVENTS_CONTENT_TYPE);
      expect(call.id).toBe(call.event.id);
    }
    expectOrderPerStream(receiver.taken);
    const shown = await waitFor(
      async () => {
        const view = await subscriptions.get(integrator, subscription.id);
        return view.delivery.delivered === 16 && view;
      },
      { description: 'the status saved' },
    );
    expect(shown.delivery).toMatchObject({
      position: Number(expected.at(-1)!.position),
      pendingEvents: 0,
      consecutiveFailures: 0,
      refused: 0,
    });
    await subscriptions.remove(context(), subscription.id);
  });

  it('catches a receiver up after it was down (503, then refusing connections): every event once, in order, the subscription failing meanwhile', async () => {
    const receiver = await receiverUp();
    const subscription = await subscriptions.create(context(), {
      name: 'All machine signals',
      url: receiver.url,
      categories: ['devices'],
    });
    receiver.secrets = [subscription.secret];
    const assets = ['SN-DOWN-1', 'SN-DOWN-2'];
    await reportRounds(assets, 2);
    await takenAll(receiver, 4, 'the first events');

    // Down: the receiver answers 503 for a while...
    receiver.status = 503;
    await reportRounds(assets, 2);
    await waitFor(() => receiver.calls.filter((call) => call.status === 503).length >= 4, {
      description: 'tries answered 503',
    });
    // ...then is unplugged altogether, while the machines go on.
    await receiver.unplug();
    await reportRounds(assets, 3);
    await raise('SN-DOWN-1', 'E200');
    const failing = await waitFor(
      async () => {
        const view = await subscriptions.get(integrator, subscription.id);
        return view.failing !== null && view;
      },
      { description: 'the subscription marked failing', timeoutMs: 20_000 },
    );
    expect(failing.failing).toMatchObject({
      consecutiveFailures: expect.any(Number),
      lastError: expect.any(String),
    });
    expect(failing.delivery.consecutiveFailures).toBeGreaterThan(3);
    expect(failing.delivery.pendingEvents).toBeGreaterThan(0);
    const refusedConnections = await waitFor(
      async () => {
        const page = await subscriptions.deliveries(integrator, subscription.id, { outcome: 'failed' });
        const unanswered = page.deliveries.filter((attempt) => attempt.status === null);
        return unanswered.length > 0 && unanswered;
      },
      { description: 'attempts that found no receiver' },
    );
    expect(refusedConnections[0]!.error).toMatch(/ECONNREFUSED/);

    // Back: everything arrives, nothing twice, each stream in order.
    receiver.status = 204;
    await receiver.start();
    const expected = await expectedFor(subscription);
    expect(expected).toHaveLength(4 + 4 + 6 + 1);
    await takenAll(receiver, expected.length, 'every event after the outage');
    await sleep(500);
    expect(byPosition(receiver.taken)).toEqual(expected);
    for (const event of expected) expect([event.id, receiver.successes(event.id)]).toEqual([event.id, 1]);
    expectOrderPerStream(receiver.taken);
    // A receiver verifying every call, whatever it answered.
    expect(receiver.calls.every((call) => call.verifiedWith[0])).toBe(true);
    const recovered = await waitFor(
      async () => {
        const view = await subscriptions.get(integrator, subscription.id);
        return view.failing === null && view.delivery.pendingEvents === 0 && view;
      },
      { description: 'the subscription recovered and caught up' },
    );
    expect(recovered.delivery).toMatchObject({ consecutiveFailures: 0, failingSince: null, delivered: 15 });
    const log = await subscriptions.deliveries(integrator, subscription.id, { limit: 200 });
    expect(log.deliveries.some((attempt) => attempt.status === 503 && attempt.outcome === 'failed')).toBe(
      true,
    );
    // Each retry of an event counts its attempts, and keeps the event's id.
    const retried = log.deliveries.filter((attempt) => attempt.attempt > 1);
    expect(retried.length).toBeGreaterThan(0);
    for (const attempt of retried) expect(expected.map((event) => event.id)).toContain(attempt.eventId);
    await subscriptions.remove(context(), subscription.id);
  });

  it('logs and skips an event the receiver refuses (4xx), and pauses the subscription when the receiver is gone (410)', async () => {
    const receiver = await receiverUp();
    const refusedState = (event: FieldstreamCloudEvent) =>
      event.subject === deviceStreamName('SN-REFUSE-1') && event.streamrevision === 1 ? 422 : undefined;
    receiver.answerFor = refusedState;
    const subscription = await subscriptions.create(context(), {
      name: 'Picky receiver',
      url: receiver.url,
      eventTypes: [STATUS_REPORTED],
    });
    receiver.secrets = [subscription.secret];
    await reportRounds(['SN-REFUSE-1', 'SN-REFUSE-2'], 3);
    const expected = await expectedFor(subscription);
    const refused = expected.find((event) => refusedState(event) !== undefined)!;
    await takenAll(receiver, 5, 'every event but the refused one');
    await sleep(300);
    expect(byPosition(receiver.taken)).toEqual(expected.filter((event) => event !== refused));
    // Refused once, never tried again; the stream went on after it.
    expect(receiver.calls.filter((call) => call.id === refused.id).map((call) => call.status)).toEqual([422]);
    expectOrderPerStream(receiver.taken);
    const log = await subscriptions.deliveries(integrator, subscription.id, { outcome: 'refused' });
    expect(log.deliveries).toEqual([
      expect.objectContaining({
        eventId: refused.id,
        eventType: STATUS_REPORTED,
        position: Number(refused.position),
        subject: refused.subject,
        attempt: 1,
        outcome: 'refused',
        status: 422,
        error: expect.stringContaining('answered 422'),
      }),
    ]);
    expect(log.status).toMatchObject({ refused: 1, delivered: 5 });

    // 410 Gone: Standard Webhooks' "stop sending". The subscription is paused, the event kept.
    receiver.answerFor = () => 410;
    await reportStatus('SN-REFUSE-2');
    const paused = await waitFor(
      async () => {
        const view = await subscriptions.get(integrator, subscription.id);
        return view.status === 'paused' && view;
      },
      { description: 'the subscription paused by the receiver' },
    );
    expect(paused.paused).toMatchObject({ reason: 'receiver-gone', detail: expect.stringContaining('410') });
    receiver.answerFor = () => undefined;
    await subscriptions.resume(context(), subscription.id);
    await takenAll(receiver, 6, 'the event kept through the pause');
    expect(receiver.taken.at(-1)!.subject).toBe(deviceStreamName('SN-REFUSE-2'));
    await subscriptions.remove(context(), subscription.id);
  });

  it('replays from a position: the events from there are sent again with their own ids, the earlier ones not', async () => {
    const receiver = await receiverUp();
    const subscription = await subscriptions.create(context(), {
      name: 'Replayed',
      url: receiver.url,
      eventTypes: [STATUS_REPORTED],
    });
    receiver.secrets = [subscription.secret];
    await reportRounds(['SN-REPLAY-1', 'SN-REPLAY-2'], 3);
    const expected = await expectedFor(subscription);
    await takenAll(receiver, 6, 'the first delivery');
    const from = expected[2]!;
    const replayed = await subscriptions.replay(context(), subscription.id, { fromPosition: from.position });
    expect(replayed.lastReplay).toMatchObject({ fromPosition: Number(from.position) });
    const again = expected.slice(2);
    await waitFor(() => again.every((event) => receiver.successes(event.id) === 2), {
      description: 'the events from the position sent again',
    });
    await sleep(300);
    for (const event of expected.slice(0, 2)) expect(receiver.successes(event.id)).toBe(1);
    // The same events, ids and bodies, as the first time; a de-duplicating receiver takes nothing new.
    const resent = receiver.calls.slice(6).map((call) => call.event);
    expect(byPosition(resent)).toEqual(again);
    expect(receiver.taken).toHaveLength(6);
    expectOrderPerStream(resent);
    await subscriptions.remove(context(), subscription.id);
  });

  it('stops while paused and goes on from where it stopped once resumed', async () => {
    const receiver = await receiverUp();
    const subscription = await subscriptions.create(context(), {
      name: 'Paused',
      url: receiver.url,
      eventTypes: [STATUS_REPORTED],
    });
    receiver.secrets = [subscription.secret];
    await reportStatus('SN-PAUSE-1');
    await takenAll(receiver, 1, 'the first state');
    const paused = await subscriptions.pause(context(), subscription.id);
    expect(paused).toMatchObject({ status: 'paused', paused: { reason: 'requested' } });
    await reportRounds(['SN-PAUSE-1', 'SN-PAUSE-2'], 2);
    await sleep(1500);
    expect(receiver.calls).toHaveLength(1);
    expect((await subscriptions.get(integrator, subscription.id)).delivery.pendingEvents).toBe(4);
    await subscriptions.resume(context(), subscription.id);
    await takenAll(receiver, 5, 'the states of the pause');
    expect(byPosition(receiver.taken)).toEqual(await expectedFor(subscription));
    expect(receiver.calls).toHaveLength(5);
    expectOrderPerStream(receiver.taken);
    await subscriptions.remove(context(), subscription.id);
  });

  it('signs with the new secret and, during the grace asked for, the previous one', async () => {
    const receiver = await receiverUp();
    const subscription = await subscriptions.create(context(), {
      name: 'Rotated',
      url: receiver.url,
      eventTypes: [STATUS_REPORTED],
    });
    const rotated = await subscriptions.rotateSecret(context(), subscription.id, {});
    expect(rotated.secret).not.toBe(subscription.secret);
    expect(rotated.previousSecretValidUntil).not.toBeNull();
    receiver.secrets = [subscription.secret, rotated.secret];
    await reportStatus('SN-ROTATE-1');
    await takenAll(receiver, 1, 'an event signed with both');
    expect(receiver.calls[0]!.verifiedWith).toEqual([true, true]);
    const again = await subscriptions.rotateSecret(context(), subscription.id, {
      previousSecretValidMinutes: 0,
    });
    receiver.secrets = [rotated.secret, again.secret];
    await reportStatus('SN-ROTATE-1');
    await takenAll(receiver, 2, 'an event signed with the newest alone');
    expect(receiver.calls[1]!.verifiedWith).toEqual([false, true]);
    await subscriptions.remove(context(), subscription.id);
  });

  it('stops delivering the moment its lease is lost, and goes on once it holds it again', async () => {
    const worker = workers[0]!;
    const receiver = await receiverUp();
    const subscription = await subscriptions.create(context(), {
      name: 'Leased',
      url: receiver.url,
      eventTypes: [STATUS_REPORTED],
    });
    receiver.secrets = [subscription.secret];
    await reportStatus('SN-LEASE-1');
    await takenAll(receiver, 1, 'the first state');
    const delivering = () =>
      worker.app
        .get(WebhookDeliveries)
        .status()
        .delivering.some((delivery) => delivery.subscriptionId === subscription.id);
    expect(delivering()).toBe(true);
    const lease = `${config.queuePrefix}:webhook-lease:${subscription.id}`;
    const client = new Redis(redis.url);
    try {
      expect(await client.pttl(lease)).toBeGreaterThan(0);
      // Another worker holds it now (this one's renewal finds it taken).
      await client.set(lease, 'another-worker', 'PX', 60_000);
      await waitFor(() => !delivering(), { description: 'the delivery stopped' });
      await reportStatus('SN-LEASE-1');
      await sleep(1500);
      expect(receiver.calls).toHaveLength(1);
      // The other worker went away without a word: its lease ends, this one takes the subscription.
      await client.del(lease);
      await takenAll(receiver, 2, 'the state recorded while another held the lease');
      expect(delivering()).toBe(true);
      expect(receiver.calls).toHaveLength(2);
    } finally {
      client.disconnect();
    }
    await subscriptions.remove(context(), subscription.id);
  });

  it('with two workers, delivers each subscription from one at a time, and the other takes over when it stops', async () => {
    const second = await startOneWorker();
    const first = workers[0]!;
    const receiver = await receiverUp();
    // Slow answers, so that two workers delivering at once would overlap.
    receiver.delayMs = 25;
    const subscription = await subscriptions.create(context(), {
      name: 'Two workers',
      url: receiver.url,
      eventTypes: [STATUS_REPORTED],
    });
    receiver.secrets = [subscription.secret];
    const assets = ['SN-TWO-1', 'SN-TWO-2', 'SN-TWO-3', 'SN-TWO-4'];
    await reportRounds(assets, 8);
    await takenAll(receiver, 32, 'the first 32 states');
    const delivering = (worker: RunningWorker) =>
      worker.app
        .get(WebhookDeliveries)
        .status()
        .delivering.some((delivery) => delivery.subscriptionId === subscription.id);
    expect([delivering(first), delivering(second)].filter(Boolean)).toHaveLength(1);
    const holder = delivering(first) ? first : second;
    // The holder stops cleanly: the other worker takes the subscription on from where it got to.
    await holder.stop();
    workers.splice(workers.indexOf(holder), 1);
    await reportRounds(assets, 3);
    await takenAll(receiver, 44, 'the states after the hand-over');
    await sleep(500);
    expect(delivering(workers[0]!)).toBe(true);
    const expected = await expectedFor(subscription);
    expect(byPosition(receiver.taken)).toEqual(expected);
    // Never the same event at once, never one taken twice, every stream in order.
    expect(receiver.calls.filter((call) => call.overlapping > 0)).toEqual([]);
    for (const event of expected) expect([event.id, receiver.successes(event.id)]).toEqual([event.id, 1]);
    expect(receiver.calls).toHaveLength(expected.length);
    expectOrderPerStream(receiver.taken);
    await subscriptions.remove(context(), subscription.id);
  });
});
