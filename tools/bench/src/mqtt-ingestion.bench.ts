/**
 * Devices over MQTT into the real system (api + worker through the launcher, as `npm start` runs
 * them, embedded stores in a temp DATA_DIR seeded with the demo organisation, a private Mosquitto
 * and Redis). Two phases:
 *
 * A. Ingestion: `--assets` demo assets each send `--cycles` anomaly/clearing pairs of a code the
 *    catalogue knows, QoS 1, as fast as the broker takes them. Every raise opens or updates the
 *    asset's request and every clearing is written on it, so each message becomes a request
 *    update. Measured: messages/s from the first publish to the last update recorded on the
 *    requests (read from the event store), and the worker's intake alone (the device streams).
 *    Baseline in the same run: the same messages through the same broker to a subscriber that
 *    only acknowledges them (what MQTT itself carries here).
 * B. Storm: `--storm` identical alarms from one asset within a minute (as fast as they go). Target:
 *    exactly one request, every repeat counted on the device stream.
 *
 *   node -r @swc-node/register tools/bench/src/mqtt-ingestion.bench.ts
 *        [--assets 20] [--cycles 50] [--storm 10000] [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { type RunningSystem, startSystem } from '@fieldstream/launcher';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { runSeedCli } from '@fieldstream/seed';
import { startMqttBroker, startRedis, type TestMqttBroker, type TestRedis } from '@fieldstream/testing';
import mqtt from 'mqtt';

const PREFIX = 'bench/v1';
const ADMIN_PASSWORD = 'bench-admin-password';

const { values } = parseArgs({
  options: {
    assets: { type: 'string', default: '20' },
    cycles: { type: 'string', default: '50' },
    storm: { type: 'string', default: '10000' },
    keep: { type: 'boolean', default: false },
  },
});
const ASSETS = Number(values.assets);
const CYCLES = Number(values.cycles);
const STORM = Number(values.storm);

const line = (text: string) => process.stdout.write(`${text}\n`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const perSecond = (count: number, ms: number) => Math.round((count * 1000) / ms).toLocaleString('en');
const quiet = () => new PassThrough().resume();

/** Events of these types in the log after `from`, by reading it directly. */
async function countEvents(events: EventStore, types: readonly string[], from: number): Promise<number> {
  let count = 0;
  let after = from;
  for (;;) {
    const page = await events.readAll({ after, maxCount: 5000, eventTypes: types });
    if (page.length === 0) return count;
    count += page.length;
    after = page[page.length - 1]!.position;
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what}: not done within ${timeoutMs / 1000} s`);
}

async function demoAssets(dir: string, count: number): Promise<string[]> {
  const reads = await openSqliteReadStore({ file: join(dir, 'read-models.sqlite') });
  try {
    const assets = await reads
      .collection<MasterDataDocument>(masterDataCollection('asset'))
      .find({ status: 'active' }, { sort: { _id: 1 }, limit: count });
    return assets.map((asset) => asset.code);
  } finally {
    await reads.close();
  }
}

/** The baseline: the same messages to a subscriber that only acknowledges (QoS 1). */
async function rawMqtt(
  broker: TestMqttBroker,
  messages: { topic: string; payload: string }[],
): Promise<number> {
  const subscriber = await mqtt.connectAsync(broker.url, { clientId: 'bench-raw-subscriber', clean: true });
  let received = 0;
  subscriber.on('message', () => received++);
  await subscriber.subscribeAsync('raw/#', { qos: 1 });
  const publisher = await mqtt.connectAsync(broker.url, { clientId: 'bench-raw-publisher', clean: true });
  const started = performance.now();
  await Promise.all(messages.map((m) => publisher.publishAsync(`raw/${m.topic}`, m.payload, { qos: 1 })));
  const done = await until('raw MQTT', async () => received >= messages.length, 60_000);
  await publisher.endAsync();
  await subscriber.endAsync();
  return done - started;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldstream-bench-mqtt-'));
  let redis: TestRedis | undefined;
  let broker: TestMqttBroker | undefined;
  let system: RunningSystem | undefined;
  let events: EventStore | undefined;
  const serverTail: string[] = [];
  try {
    line(
      `MQTT ingestion: ${ASSETS} assets × ${CYCLES} anomaly/clearing pairs, a storm of ${STORM}; data in ${dir}`,
    );
    line(`  load average before: ${load()}`);
    const seeded = await runSeedCli(['--no-progress', '--requests', '0'], {
      env: { ...process.env, DATA_DIR: dir },
      cwd: process.cwd(),
      stdout: quiet(),
      stderr: quiet(),
    });
    if (seeded !== 0) throw new Error('the seed failed');
    const assets = await demoAssets(dir, ASSETS + 1);
    if (assets.length < ASSETS + 1)
      throw new Error(`the demo has ${assets.length} assets, fewer than ${ASSETS + 1}`);
    const stormAsset = assets.pop()!;

    redis = await startRedis();
    broker = await startMqttBroker();
    system = await startSystem({
      port: 0,
      dataDir: dir,
      redisUrl: redis.url,
      env: {
        ADMIN_PASSWORD,
        QUEUE_PREFIX: 'bench-mqtt',
        LOG_LEVEL: 'warn',
        DESK_DIST: join(dir, 'no-desk'),
        MQTT_URL: broker.url,
        MQTT_TOPIC_PREFIX: PREFIX,
        MQTT_CLIENT_ID: 'bench-worker',
        DEVICE_REPEAT_WINDOW_MS: '2000',
      },
      log: (text, source) => {
        serverTail.push(`[${source}] ${text}`);
        if (serverTail.length > 40) serverTail.shift();
      },
      readyTimeoutMs: 120_000,
    });
    line(`  system at ${system.url}; broker ${broker.url}`);

    // A code the catalogue knows, for every model: each raise becomes a request (update).
    const login = await fetch(`${system.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const condition = await fetch(`${system.url}/api/master-data/conditions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        code: 'BENCH-ALARM',
        name: 'Bench alarm',
        category: 'alarm',
        precision: 'generic',
        deviceCode: 'B-1',
        expectedMinutes: 30,
      }),
    });
    if (condition.status !== 201)
      throw new Error(`condition: HTTP ${condition.status} ${await condition.text()}`);
    // The worker's read model must know it before the first raise.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    events = await openSqliteEventStore({ file: join(dir, 'events.sqlite') });
    const device = await mqtt.connectAsync(broker.url, { clientId: 'bench-devices', clean: true });

    // A. Ingestion.
    const messages: { topic: string; payload: string }[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      for (const asset of assets) {
        messages.push({
          topic: `${PREFIX}/assets/${asset}/anomaly`,
          payload: JSON.stringify({ code: 'B-1', severity: 'warning' }),
        });
        messages.push({
          topic: `${PREFIX}/assets/${asset}/cleared`,
          payload: JSON.stringify({ code: 'B-1' }),
        });
      }
    }
    const from = await events.headPosition();
    const started = performance.now();
    await Promise.all(messages.map((m) => device.publishAsync(m.topic, m.payload, { qos: 1 })));
    const published = performance.now();
    const intakeDone = await until(
      'device streams',
      async () =>
        (await countEvents(events!, ['DeviceAnomalyRaised', 'DeviceAnomalyCleared'], from)) >=
        messages.length,
      300_000,
    );
    // Each asset's first raise opens its request; the other messages each write one signal on it.
    const expectedUpdates = messages.length - assets.length;
    const updatesDone = await until(
      'request updates',
      async () =>
        (await countEvents(events!, ['ServiceRequestDeviceSignalRecorded'], from)) >= expectedUpdates,
      300_000,
    );
    const rawMs = await rawMqtt(broker, messages);
    const endToEnd = perSecond(messages.length, updatesDone - started);
    line(`\nA. ${messages.length.toLocaleString('en')} messages (${assets.length} assets):`);
    line(`  published in ${((published - started) / 1000).toFixed(1)} s`);
    line(`  recorded on the device streams: ${perSecond(messages.length, intakeDone - started)} messages/s`);
    line(
      `  turned into request updates:    ${endToEnd} messages/s (${((updatesDone - started) / 1000).toFixed(1)} s)`,
    );
    line(`  raw MQTT (ack-only subscriber):  ${perSecond(messages.length, rawMs)} messages/s`);
    line(`  ratio (request updates / raw):  ${(rawMs / (updatesDone - started)).toFixed(3)}`);
    line(`  load average: ${load()}`);

    // B. Storm.
    const stormFrom = await events.headPosition();
    const stormStarted = performance.now();
    const alarm = JSON.stringify({ code: 'B-1', severity: 'critical', message: 'Bench storm' });
    await Promise.all(
      Array.from({ length: STORM }, () =>
        device.publishAsync(`${PREFIX}/assets/${stormAsset}/anomaly`, alarm, { qos: 1 }),
      ),
    );
    const stormPublished = performance.now();
    let counted = 0;
    const stormDone = await until(
      'storm repeats',
      async () => {
        counted = 0;
        let after = stormFrom;
        for (;;) {
          const page = await events!.readAll({
            after,
            maxCount: 5000,
            eventTypes: ['DeviceAnomalyRaised', 'DeviceAnomalyRepeated'],
          });
          if (page.length === 0) break;
          for (const event of page)
            if (event.data['assetCode'] === stormAsset) counted += Number(event.data['count'] ?? 1);
          after = page[page.length - 1]!.position;
        }
        return counted >= STORM;
      },
      120_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const opened = (
      await events.readAll({ after: stormFrom, maxCount: 5000, eventTypes: ['ServiceRequestOpened'] })
    ).filter((event) => event.data['assetCode'] === stormAsset).length;
    const records = (
      await events.readAll({ after: stormFrom, maxCount: 5000, eventTypes: ['DeviceAnomalyRepeated'] })
    ).length;
    line(`\nB. storm: ${STORM.toLocaleString('en')} identical alarms from ${stormAsset}`);
    line(
      `  published in ${((stormPublished - stormStarted) / 1000).toFixed(1)} s; all counted after ${((stormDone - stormStarted) / 1000).toFixed(1)} s`,
    );
    line(
      `  occurrences counted ${counted.toLocaleString('en')} in 1 raise + ${records} repeat records; requests opened: ${opened}`,
    );
    const within = stormPublished - stormStarted <= 60_000;
    line(
      `  storm makes one request, every alarm counted${within ? '' : ' (published in more than a minute!)'}: ${opened === 1 && counted === STORM && within ? 'PASS' : 'MISS'}`,
    );
    await device.endAsync();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (serverTail.length > 0) process.stderr.write(`last server lines:\n${serverTail.join('\n')}\n`);
    process.exitCode = 1;
  } finally {
    await events?.close();
    await system?.stop();
    await broker?.stop();
    await redis?.stop();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
