import {
  MasterDataService,
  PreventivePlanner,
  ServiceRequestCommands,
  systemContext,
} from '@fieldstream/application';
import { SERVICE_REQUEST_ORGANISATION } from '@fieldstream/application/src/service-requests/commands/testing/service-request-organisation.fixture';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { type AppConfig, loadConfig } from '@fieldstream/infrastructure';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { startRedis, tempDir, type TempDir, type TestRedis, waitFor } from '@fieldstream/testing';
import { Logger } from '@nestjs/common';
import { type RunningWorker, startWorker } from '../create-worker';

/*
 * Preventive maintenance in a real worker: real SQLite stores, a private Redis, the clock set to
 * Wednesday 25 November 2026 (the world's edge). Tuesday 8 December is a public holiday in Italy.
 */
const NOW = Date.parse('2026-11-25T07:00:00Z');
const DEVICE = {
  id: 'boiler-1',
  displayName: 'Boiler 1',
  kind: 'api-key',
  role: 'device',
  assetCodes: ['SN-ACME-1'],
} as const;

describe('preventive maintenance', () => {
  let dir: TempDir;
  let redisServer: TestRedis;
  let config: AppConfig;
  let events: EventStore;
  let reads: ReadStore;
  let planner: PreventivePlanner;
  let worker: RunningWorker | undefined;
  let lead = 0;

  const now = () => new Date(Date.now() + lead);
  const startWorkerAt = async (fakeNow: number) => {
    lead = fakeNow - Date.now();
    worker = await startWorker(config, { logger: { log() {}, error() {}, warn() {} }, now });
  };
  /** Every request opened by the preventive plans, by its external reference. */
  const preventiveOpenings = async () =>
    (await events.readAll({ maxCount: 10_000, eventTypes: ['ServiceRequestOpened'] }))
      .filter((recorded) => recorded.data['source'] === 'preventive')
      .map((recorded) => recorded.data as Record<string, string>);
  const runReports = async (): Promise<RecordedEvent[]> =>
    events.readAll({ maxCount: 1000, eventTypes: ['PreventiveRunCompleted'] });

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = await tempDir();
    redisServer = await startRedis();
    config = loadConfig({
      DATA_DIR: dir.path,
      REDIS_URL: redisServer.url,
      QUEUE_PREFIX: 'pm',
      LOG_LEVEL: 'fatal',
    });
    events = await openSqliteEventStore({
      file: config.eventStore.kind === 'sqlite' ? config.eventStore.file : '',
    });
    reads = await openSqliteReadStore({
      file: config.readStore.kind === 'sqlite' ? config.readStore.file : '',
    });
    // Master data first (the worker's projections build what its checks read), the plans last:
    // a worker started before them finds nothing to open yet.
    await startWorkerAt(NOW);
    const masterData = new MasterDataService({ events, reads });
    const admin = systemContext(new Date(NOW).toISOString(), 'organisation');
    for (const [plural, code, fields] of SERVICE_REQUEST_ORGANISATION) {
      await masterData.write(admin, plural, 'register', code, fields);
    }
    await masterData.write(admin, 'maintenance-plans', 'register', 'PM-BOILER-YEARLY', {
      name: 'Yearly boiler service',
      assetModelCodes: ['BOILER-X'],
      // Every 8 December: a public holiday in Italy this year, so the visit moves to the 9th.
      calendar: { rrule: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=8', startDate: '2025-12-08' },
      leadDays: 14,
      priority: 'low',
      description: 'Annual combustion check and cleaning',
    });
    await masterData.write(admin, 'maintenance-plans', 'register', 'PM-BOILER-HOURS', {
      name: 'Burner service every 500 hours',
      assetCodes: ['SN-ACME-1'],
      meter: { meter: 'operating-hours', every: 500, openBefore: 20 },
      description: 'Burner nozzle and electrodes',
    });
    await waitFor(
      async () =>
        (await reads.collection<MasterDataDocument>(masterDataCollection('maintenance-plan')).count({})) ===
        2,
      { description: 'the plans in the read models', timeoutMs: 20_000 },
    );
    planner = new PreventivePlanner({
      events,
      reads,
      commands: new ServiceRequestCommands({ events, reads, masterData }),
      now,
    });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await events?.close();
    await reads?.close();
    await redisServer?.stop();
    await dir?.remove();
  });

  it('opens each calendar visit once, ahead by its lead time, moved off the holiday, and reports it', async () => {
    // The worker's first run came before the plans; a restart runs again at once.
    await worker!.stop();
    await startWorkerAt(NOW);
    const openings = await waitFor(
      async () => {
        const found = await preventiveOpenings();
        return found.length === 3 && found;
      },
      { description: 'three preventive requests', timeoutMs: 20_000 },
    );
    expect(openings.map((o) => o['assetCode']).sort()).toEqual(['SN-ACME-1', 'SN-ACME-2', 'SN-BETA-1']);
    expect(openings.map((o) => o['externalReference']).sort()).toEqual([
      'pm:PM-BOILER-YEARLY:SN-ACME-1:2026-12-08',
      'pm:PM-BOILER-YEARLY:SN-ACME-2:2026-12-08',
      'pm:PM-BOILER-YEARLY:SN-BETA-1:2026-12-08',
    ]);
    for (const opening of openings) {
      expect(opening).toMatchObject({ priority: 'low' });
      expect(opening['description']).toMatch(/visit due on 2026-12-09 \(moved from 2026-12-08: .+\)/);
    }
    const [report] = await waitFor(async () => {
      const found = await runReports();
      return found.length > 0 && found;
    });
    expect(report!.data).toMatchObject({
      plans: 1,
      assets: 3,
      alreadyOpen: 0,
      unplaceable: [],
      problems: [],
    });
    expect((report!.data['opened'] as unknown[]).length).toBe(3);

    // Runs again (a restart, Redis lost...) open nothing more and report nothing new.
    await worker!.stop();
    await startWorkerAt(NOW + 3600_000);
    const again = await planner.run();
    expect(again).toMatchObject({ opened: [], alreadyOpen: 3 });
    expect(await preventiveOpenings()).toHaveLength(3);
  }, 60_000);

  it('opens a meter visit when a reading comes within reach of the threshold, once per threshold', async () => {
    const meterVisits = async () =>
      (await preventiveOpenings()).filter((o) => o['externalReference']!.startsWith('pm:PM-BOILER-HOURS'));
    await planner.recordReading(DEVICE, 'SN-ACME-1', { meter: 'operating-hours', value: 300 });
    await planner.recordReading(DEVICE, 'SN-ACME-1', { meter: 'operating-hours', value: 485 });
    await waitFor(async () => (await meterVisits()).length === 1, {
      description: 'the 500-hour visit',
      timeoutMs: 20_000,
    });
    // More readings before 980 hours open nothing; the same reading twice records nothing.
    await planner.recordReading(DEVICE, 'SN-ACME-1', { meter: 'operating-hours', value: 600 });
    expect(
      await planner.recordReading(DEVICE, 'SN-ACME-1', {
        meter: 'operating-hours',
        value: 700,
        at: now().toISOString(),
      }),
    ).toEqual({ recorded: true });
    await planner.recordReading(DEVICE, 'SN-ACME-1', { meter: 'operating-hours', value: 1003 });
    await waitFor(async () => (await meterVisits()).length === 2, {
      description: 'the 1000-hour visit',
      timeoutMs: 20_000,
    });
    expect((await meterVisits()).map((o) => o['externalReference']).sort()).toEqual([
      'pm:PM-BOILER-HOURS:SN-ACME-1:operating-hours-1000',
      'pm:PM-BOILER-HOURS:SN-ACME-1:operating-hours-500',
    ]);
    // A meter never goes back; a device reports for its own asset only.
    await expect(
      planner.recordReading(DEVICE, 'SN-ACME-1', { meter: 'operating-hours', value: 900 }),
    ).rejects.toMatchObject({ code: 'reading_goes_back' });
    await expect(
      planner.recordReading(DEVICE, 'SN-ACME-2', { meter: 'operating-hours', value: 10 }),
    ).rejects.toThrow(/own asset/);

    // The readings followed again from the start (checkpoint lost) open nothing twice.
    await worker!.stop();
    await reads.collection('saga_checkpoints').delete('preventive-meters');
    await startWorkerAt(NOW + 7200_000);
    await waitFor(
      async () => (await reads.collection('saga_checkpoints').get('preventive-meters')) !== null,
      {
        description: 'the readings followed again',
        timeoutMs: 20_000,
      },
    );
    expect(await meterVisits()).toHaveLength(2);
  }, 90_000);
});
