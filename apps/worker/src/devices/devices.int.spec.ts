import { MasterDataService, ServiceRequestCommands, systemContext } from '@fieldstream/application';
import { SERVICE_REQUEST_ORGANISATION } from '@fieldstream/application/src/service-requests/commands/testing/service-request-organisation.fixture';
import {
  type DeviceEvent,
  type ServiceRequestEvent,
  deviceStreamName,
  meterStreamName,
  serviceRequestStreamName,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { type AppConfig, loadConfig } from '@fieldstream/infrastructure';
import {
  type MasterDataDocument,
  SERVICE_REQUESTS_COLLECTION,
  masterDataCollection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import {
  type TempDir,
  type TestMqttBroker,
  type TestRedis,
  startMqttBroker,
  startRedis,
  tempDir,
  waitFor,
} from '@fieldstream/testing';
import { Logger } from '@nestjs/common';
import mqtt, { type MqttClient } from 'mqtt';
import { type RunningWorker, startWorker } from '../create-worker';

jest.setTimeout(120_000);

/*
 * Machines over MQTT into a real worker: a private Mosquitto and Redis, real SQLite stores, a real
 * MQTT client (mqtt.js) publishing as devices do. The clock is the world's edge (real time plus a
 * lead, moved by restarting the worker) for the heartbeat watchdog.
 */
const PREFIX = 'test/v1';
const MINUTE = 60_000;

describe('devices over MQTT', () => {
  let dir: TempDir;
  let redis: TestRedis;
  let broker: TestMqttBroker;
  let config: AppConfig;
  let events: EventStore;
  let reads: ReadStore;
  let commands: ServiceRequestCommands;
  let worker: RunningWorker | undefined;
  let device: MqttClient;
  let lead = 0;
  const rejected: { topic: string; error: string }[] = [];

  const now = () => new Date(Date.now() + lead);
  const start = async (leadMs = 0) => {
    lead = leadMs;
    worker = await startWorker(config, { logger: { log() {}, error() {}, warn() {} }, now });
  };
  const stop = async () => {
    await worker?.stop();
    worker = undefined;
  };
  const streamOf = async <E>(stream: string) =>
    (await events.readStream(stream, { maxCount: 5000 })).map(
      (recorded) => ({ type: recorded.type, data: recorded.data }) as unknown as E,
    );
  const deviceRequests = async (assetCode: string) =>
    (await reads
      .collection(SERVICE_REQUESTS_COLLECTION)
      .find({ assetCode, source: 'device' })) as unknown as {
      _id: string;
      status: string;
      conditionCodes: string[];
    }[];
  const publish = (asset: string, kind: string, payload: unknown) =>
    device.publishAsync(`${PREFIX}/assets/${asset}/${kind}`, JSON.stringify(payload), { qos: 1 });

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = await tempDir();
    redis = await startRedis();
    broker = await startMqttBroker();
    config = loadConfig({
      DATA_DIR: dir.path,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'devices',
      LOG_LEVEL: 'fatal',
      MQTT_URL: broker.url,
      MQTT_TOPIC_PREFIX: PREFIX,
      MQTT_CLIENT_ID: 'worker-under-test',
      DEVICE_REPEAT_WINDOW_MS: '500',
    });
    events = await openSqliteEventStore({
      file: config.eventStore.kind === 'sqlite' ? config.eventStore.file : '',
    });
    reads = await openSqliteReadStore({
      file: config.readStore.kind === 'sqlite' ? config.readStore.file : '',
    });
    // The worker's projections are what master data's references are checked against.
    await start();
    const masterData = new MasterDataService({ events, reads });
    commands = new ServiceRequestCommands({ events, reads, masterData });
    const admin = systemContext(new Date().toISOString(), 'organisation');
    for (const [plural, code, fields] of SERVICE_REQUEST_ORGANISATION) {
      await masterData.write(admin, plural, 'register', code, fields);
    }
    const condition = (name: string, deviceCode: string, extra: Record<string, unknown>) => ({
      name,
      category: 'alarm',
      expectedMinutes: 60,
      deviceCode,
      ...extra,
    });
    await masterData.write(
      admin,
      'conditions',
      'register',
      'BURNER-LOCKOUT',
      condition('Burner lockout', 'E104', { precision: 'precise', modelCodes: ['BOILER-X'] }),
    );
    await masterData.write(
      admin,
      'conditions',
      'register',
      'FLUE-HOT',
      condition('Flue overheating', 'E105', { precision: 'precise', family: 'boilers' }),
    );
    await masterData.write(
      admin,
      'conditions',
      'register',
      'SILENT',
      condition('Device silent', 'heartbeat-missing', { precision: 'generic' }),
    );
    await masterData.write(admin, 'assets', 'register', 'SN-WATCHED', {
      modelCode: 'BOILER-X',
      siteCode: 'S-ACME-1',
      customerCode: 'ACME',
      ownership: 'customer',
      heartbeatMinutes: 1,
    });
    await waitFor(
      async () =>
        (await reads.collection<MasterDataDocument>(masterDataCollection('asset')).get('SN-WATCHED')) !==
          null &&
        (await reads.collection<MasterDataDocument>(masterDataCollection('condition')).get('SILENT')) !==
          null,
      { description: 'the master data read models', timeoutMs: 20_000 },
    );
    device = await mqtt.connectAsync(broker.url, { clientId: 'device-gateway', clean: true });
    await device.subscribeAsync(`${PREFIX}/assets/+/rejected`, { qos: 0 });
    device.on('message', (topic, payload) => {
      if (topic.endsWith('/rejected')) rejected.push({ topic, error: JSON.parse(payload.toString()).error });
    });
  }, 90_000);

  afterAll(async () => {
    await device?.endAsync();
    await stop();
    await events?.close();
    await reads?.close();
    await broker?.stop();
    await redis?.stop();
    await dir?.remove();
  });

  it('makes one request of an alarm storm: 10,000 identical alarms, one raise, the repeats counted', async () => {
    const storm = Array.from({ length: 10_000 }, () =>
      publish('SN-ACME-1', 'anomaly', { code: 'E104', severity: 'critical', message: 'Burner lockout' }),
    );
    await Promise.all(storm);
    // Every repeat is counted into the device's stream, in a few records.
    const log = await waitFor(
      async () => {
        const stream = await streamOf<DeviceEvent>(deviceStreamName('SN-ACME-1'));
        const repeats = stream
          .filter((e) => e.type === 'DeviceAnomalyRepeated')
          .reduce((sum, e) => sum + (e.data as { count: number }).count, 0);
        return repeats === 9_999 && stream;
      },
      { description: 'the 9,999 repeats recorded', timeoutMs: 60_000 },
    );
    expect(log.filter((e) => e.type === 'DeviceAnomalyRaised')).toHaveLength(1);
    expect(log.filter((e) => e.type === 'DeviceAnomalyRepeated').length).toBeLessThan(50);
    const requests = await waitFor(
      async () => {
        const found = await deviceRequests('SN-ACME-1');
        return found.length > 0 && found;
      },
      { description: 'the request opened' },
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ conditionCodes: ['BURNER-LOCKOUT'] });
    const request = await streamOf<ServiceRequestEvent>(serviceRequestStreamName(requests[0]!._id));
    expect(request[0]).toMatchObject({
      type: 'ServiceRequestOpened',
      data: { source: 'device', priority: 'high', assetCode: 'SN-ACME-1' },
    });
    // The request hears of the repeats too, in as few records.
    await waitFor(
      async () => {
        const signals = (
          await streamOf<ServiceRequestEvent>(serviceRequestStreamName(requests[0]!._id))
        ).filter((e) => e.type === 'ServiceRequestDeviceSignalRecorded');
        return signals.reduce((sum, e) => sum + ((e.data as { count?: number }).count ?? 0), 0) === 9_999;
      },
      { description: 'the repeats on the request' },
    );
  });

  it('adds a related code to the same request, and records the clearing on it', async () => {
    await publish('SN-ACME-1', 'anomaly', { code: 'E105' });
    const [request] = await waitFor(
      async () => {
        const found = await deviceRequests('SN-ACME-1');
        return found[0]?.conditionCodes.includes('FLUE-HOT') && found;
      },
      { description: 'the second condition on the request' },
    );
    expect(await deviceRequests('SN-ACME-1')).toHaveLength(1);
    expect(request!.conditionCodes).toEqual(['BURNER-LOCKOUT', 'FLUE-HOT']);

    await publish('SN-ACME-1', 'cleared', { code: 'E104' });
    await waitFor(
      async () => {
        const stream = await streamOf<ServiceRequestEvent>(serviceRequestStreamName(request!._id));
        return stream.some(
          (e) =>
            e.type === 'ServiceRequestDeviceSignalRecorded' &&
            (e.data as { kind: string }).kind === 'cleared',
        );
      },
      { description: 'the clearing on the request' },
    );
  });

  it('opens a new request when the code comes back after the request was finished', async () => {
    const [first] = await deviceRequests('SN-ACME-1');
    await commands.execute(systemContext(new Date().toISOString(), 'cancel'), first!._id, {
      type: 'cancel',
      reason: 'Fixed by phone',
    });
    await publish('SN-ACME-1', 'anomaly', { code: 'E104' });
    const requests = await waitFor(
      async () => {
        const found = await deviceRequests('SN-ACME-1');
        return found.length === 2 && found;
      },
      { description: 'a second request' },
    );
    expect(requests.map((r) => r.status).sort()).toEqual(['cancelled', 'open']);
  });

  it('takes meter readings for the preventive plans, and refuses what it cannot take without stopping', async () => {
    await publish('SN-ACME-2', 'meter', { meter: 'hours', value: 1_234 });
    await publish('SN-ACME-2', 'anomaly', { code: 'bad code with spaces' });
    await publish('NO-SUCH-ASSET', 'heartbeat', {});
    await device.publishAsync(`${PREFIX}/assets/SN-ACME-2/status`, 'not json', { qos: 1 });
    await publish('SN-ACME-2', 'status', { state: 'running', values: { flowTemperature: 71.5 } });
    await waitFor(
      async () =>
        (await streamOf<DeviceEvent>(deviceStreamName('SN-ACME-2'))).some(
          (e) => e.type === 'DeviceStatusReported',
        ),
      {
        description: 'the status after the refused messages',
      },
    );
    const readings = await streamOf<{ type: string; data: { value: number; source: string } }>(
      meterStreamName('SN-ACME-2'),
    );
    expect(readings.map((r) => r.data)).toEqual([
      expect.objectContaining({ meter: 'hours', value: 1_234, source: 'device' }),
    ]);
    await waitFor(() => rejected.length >= 3, { description: 'the three refusals told' });
    expect(rejected.map((r) => r.topic).sort()).toEqual([
      `${PREFIX}/assets/NO-SUCH-ASSET/rejected`,
      `${PREFIX}/assets/SN-ACME-2/rejected`,
      `${PREFIX}/assets/SN-ACME-2/rejected`,
    ]);
    expect(rejected.map((r) => r.error).join(' ')).toMatch(/not JSON/);
  });

  it('keeps what devices said while the worker was away (persistent session)', async () => {
    await stop();
    await publish('SN-BETA-1', 'status', { state: 'idle' });
    await start();
    await waitFor(async () => (await streamOf<DeviceEvent>(deviceStreamName('SN-BETA-1'))).length === 1, {
      description: 'the status sent while the worker was away',
      timeoutMs: 20_000,
    });
  });

  it('raises a condition of its own when a watched device falls silent, and notes its return', async () => {
    await publish('SN-WATCHED', 'heartbeat', { firmware: '2.4.1' });
    await waitFor(async () => (await streamOf<DeviceEvent>(deviceStreamName('SN-WATCHED'))).length === 1, {
      description: 'the first heartbeat',
    });
    // Seven minutes on: one minute expected, plus the heartbeats' recording slack, has passed.
    await stop();
    await start(7 * MINUTE);
    const [request] = await waitFor(
      async () => {
        const found = await deviceRequests('SN-WATCHED');
        return found.length > 0 && found;
      },
      { description: 'the silence’s request', timeoutMs: 20_000 },
    );
    expect(request!.conditionCodes).toEqual(['SILENT']);
    await publish('SN-WATCHED', 'heartbeat', {});
    await waitFor(
      async () => {
        const stream = await streamOf<ServiceRequestEvent>(serviceRequestStreamName(request!._id));
        return stream.some(
          (e) =>
            e.type === 'ServiceRequestDeviceSignalRecorded' &&
            (e.data as { kind: string }).kind === 'back-online',
        );
      },
      { description: 'the return on the request' },
    );
    const device = await streamOf<DeviceEvent>(deviceStreamName('SN-WATCHED'));
    expect(device.map((e) => e.type)).toEqual([
      'DeviceHeartbeatRecorded',
      'DeviceWentSilent',
      'DeviceRequestLinked',
      'DeviceBackOnline',
      'DeviceHeartbeatRecorded',
    ]);
  });
});
