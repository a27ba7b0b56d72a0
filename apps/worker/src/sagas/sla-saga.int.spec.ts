import {
  type CommandContext,
  MasterDataService,
  ServiceRequestCommands,
  systemContext,
} from '@fieldstream/application';
import { SERVICE_REQUEST_ORGANISATION } from '@fieldstream/application/src/service-requests/commands/testing/service-request-organisation.fixture';
import { type SlaEvent, serviceLevelStreamName } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { type AppConfig, loadConfig } from '@fieldstream/infrastructure';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import { JobScheduler, SLA_ALARMS_QUEUE, slaTimerId } from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { startRedis, tempDir, type TempDir, type TestRedis, waitFor } from '@fieldstream/testing';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type RunningWorker, startWorker } from '../create-worker';

/*
 * The SLA saga in a real worker, against real SQLite stores and a private Redis. The clock is the
 * world's edge: the worker's clock is set to chosen instants (real time + a lead), while BullMQ's
 * timers wait in real milliseconds. The contract's service hours are Rome's 08:00–18:00 on
 * weekdays with Italian holidays; Tuesday 8 December 2026 is the Immaculate Conception.
 */
const ADMIN = { id: 'admin', displayName: 'Admin', kind: 'user', role: 'admin' } as const;
const SECOND = 1000;

const OPENED_AT = Date.parse('2026-12-07T16:59:50Z'); // Monday 17:59:50 in Rome, 16:59:50 in London
/** Phase 1 starts just before the openings; phase 2 on Wednesday just after 08:00 in Rome. */
const PHASE_1_START = Date.parse('2026-12-07T16:59:45Z');
const PHASE_2_START = Date.parse('2026-12-09T07:00:18Z');
const THRESHOLDS = [10, 50, 60, 70, 100] as const;

const REQUESTS = 4;
/**
 * Request i opens i seconds before OPENED_AT with 1 minute of response: 6 s (10 %) pass on Monday
 * before 18:00, the rest of the minute runs on Wednesday from 08:00 (Tuesday 8 December is a
 * holiday); each of its alarms falls i seconds earlier than request 0's.
 */
const expectedResponseAlarms = (i: number): Record<(typeof THRESHOLDS)[number], string> => {
  const at = (iso: string) => new Date(Date.parse(iso) - i * SECOND).toISOString();
  return {
    10: at('2026-12-07T16:59:56Z'),
    50: at('2026-12-09T07:00:20Z'),
    60: at('2026-12-09T07:00:26Z'),
    70: at('2026-12-09T07:00:32Z'),
    100: at('2026-12-09T07:00:50Z'),
  };
};

describe('SLA saga on BullMQ', () => {
  let dir: TempDir;
  let redisServer: TestRedis;
  let redis: Redis;
  let config: AppConfig;
  let events: EventStore;
  let reads: ReadStore;
  let commands: ServiceRequestCommands;
  let worker: RunningWorker | undefined;
  let lead = 0;
  const requestIds: string[] = [];
  let londonRequestId = '';

  const startAt = async (fakeNow: number) => {
    lead = fakeNow - Date.now();
    worker = await startWorker(config, {
      logger: {
        log() {},
        error: (...m: unknown[]) => console.error(...m),
        warn: (...m: unknown[]) => console.error(...m),
      },
      now: () => new Date(Date.now() + lead),
    });
  };
  const slaEvents = async (requestId: string): Promise<SlaEvent[]> =>
    (await events.readStream(serviceLevelStreamName(requestId), { maxCount: 1000 })).map(
      (recorded) => ({ type: recorded.type, data: recorded.data }) as unknown as SlaEvent,
    );
  const responseAlarms = async (requestId: string) =>
    (await slaEvents(requestId)).flatMap((event) =>
      event.type === 'SlaThresholdReached' && event.data.clock === 'response'
        ? [{ percent: event.data.percent, dueAt: event.data.dueAt, at: event.data.at }]
        : event.type === 'SlaBreached' && event.data.clock === 'response'
          ? [{ percent: 100, dueAt: event.data.deadline, at: event.data.at }]
          : [],
    );

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = await tempDir();
    redisServer = await startRedis();
    redis = new Redis(redisServer.url);
    config = loadConfig({
      DATA_DIR: dir.path,
      REDIS_URL: redisServer.url,
      QUEUE_PREFIX: 'sla',
      LOG_LEVEL: 'fatal',
    });
    // The API's side: its own connections to the same files, as the api process has.
    events = await openSqliteEventStore({
      file: config.eventStore.kind === 'sqlite' ? config.eventStore.file : '',
    });
    reads = await openSqliteReadStore({
      file: config.readStore.kind === 'sqlite' ? config.readStore.file : '',
    });
    const service = new MasterDataService({ events, reads });
    // A refused record names its fields in the failure, not only "invalid fields".
    const masterData = {
      write: async (...args: Parameters<MasterDataService['write']>) => {
        try {
          return await service.write(...args);
        } catch (error) {
          const issues = (error as { issues?: unknown }).issues;
          throw new Error(
            `${args[1]} ${args[3]}: ${(error as Error).message} ${JSON.stringify(issues ?? [])}`,
            { cause: error },
          );
        }
      },
    };
    commands = new ServiceRequestCommands({ events, reads, masterData: service });
    // Master data is checked against the read models, which the worker's projections build.
    await startAt(PHASE_1_START);
    const admin = systemContext(new Date(PHASE_1_START).toISOString(), 'organisation');
    for (const [plural, code, fields] of SERVICE_REQUEST_ORGANISATION) {
      await masterData.write(admin, plural, 'register', code, fields);
    }
    const office = Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [{ from: '08:00', to: '18:00' }]]),
    );
    await masterData.write(admin, 'calendars', 'register', 'SVC-IT', {
      name: 'Service hours Italy',
      purpose: 'service-hours',
      timeZone: 'Europe/Rome',
      weeklyHours: office,
      holidays: { country: 'IT' },
    });
    await masterData.write(admin, 'zones', 'register', 'Z-LON', {
      name: 'London',
      unitCode: 'MI',
      postalCodes: ['EC1*'],
    });
    await masterData.write(admin, 'sites', 'register', 'S-ACME-LON', {
      zoneCode: 'Z-LON',
      name: 'ACME London',
      customerCode: 'ACME',
      address: { city: 'London', postalCode: 'EC1A 1BB', country: 'GB' },
      timeZone: 'Europe/London',
    });
    await masterData.write(admin, 'contracts', 'register', 'C-ACME', {
      name: 'ACME full service',
      customerCode: 'ACME',
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      serviceCalendarCode: 'SVC-IT',
      serviceLevels: [{ priority: 'high', responseMinutes: 1, restorationMinutes: 3 }],
      slaThresholds: [...THRESHOLDS],
      slaAtRiskPercent: 50,
      penaltyPerHour: 150,
    });
    // The follower reads the contract from the read models.
    await waitFor(
      async () =>
        (await reads.collection<MasterDataDocument>(masterDataCollection('contract')).get('C-ACME')) !== null,
      { description: 'the contract in the read models', timeoutMs: 20_000 },
    );
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await events?.close();
    await reads?.close();
    redis?.disconnect();
    await redisServer?.stop();
    await dir?.remove();
  });

  const as = (at: number): CommandContext => ({
    actor: ADMIN,
    at: new Date(at).toISOString(),
    correlationId: `sla-test-${at}`,
  });

  it('starts the clocks in service hours of the site’s zone and fires the first alarm when it falls due', async () => {
    for (let i = 0; i < REQUESTS; i++) {
      const { requestId } = await commands.open(as(OPENED_AT - i * SECOND), {
        customerCode: 'ACME',
        siteCode: 'S-ACME-1',
        description: `Boiler ${i} stopped`,
        priority: 'high',
        conditionCodes: [],
      });
      requestIds.push(requestId);
    }
    ({ requestId: londonRequestId } = await commands.open(as(OPENED_AT), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-LON',
      description: 'London boiler stopped',
      priority: 'high',
      conditionCodes: [],
    }));

    const started = await waitFor(
      async () => (await slaEvents(requestIds[0]!)).find((event) => event.type === 'SlaClocksStarted'),
      { description: 'the clocks started', timeoutMs: 15_000 },
    );
    if (started.type !== 'SlaClocksStarted') throw new Error('unreachable');
    expect(started.data.policy).toMatchObject({
      contractCode: 'C-ACME',
      timeZone: 'Europe/Rome',
      penaltyPerHour: 150,
    });
    const [response, restoration] = started.data.clocks;
    // Rome: 10 s left on Monday, the holiday skipped, the rest from Wednesday 08:00.
    expect(response).toMatchObject({ clock: 'response', deadline: '2026-12-09T07:00:50.000Z' });
    expect(response!.thresholds.map((t) => [t.percent, t.at])).toEqual(
      Object.entries(expectedResponseAlarms(0)).map(([percent, at]) => [Number(percent), at]),
    );
    expect(restoration).toMatchObject({ clock: 'restoration', deadline: '2026-12-09T07:02:50.000Z' });

    // London reads the same hours in its own zone: at 16:59:30 there an hour of Monday is left.
    const london = await waitFor(
      async () => (await slaEvents(londonRequestId)).find((event) => event.type === 'SlaClocksStarted'),
      { description: 'the London clocks started' },
    );
    if (london.type !== 'SlaClocksStarted') throw new Error('unreachable');
    expect(london.data.policy.timeZone).toBe('Europe/London');
    expect(london.data.clocks[0]!.deadline).toBe('2026-12-07T17:00:50.000Z');

    // Just before Monday 18:00 in Rome: every Rome request's 10 % response alarm.
    for (const [i, requestId] of requestIds.entries()) {
      const alarms = await waitFor(
        async () => {
          const found = await responseAlarms(requestId);
          return found.length > 0 && found;
        },
        { description: 'the 10 % response alarm', timeoutMs: 20_000 },
      );
      expect(alarms.map(({ percent, dueAt }) => ({ percent, dueAt }))).toEqual([
        { percent: 10, dueAt: expectedResponseAlarms(i)[10] },
      ]);
    }

    // The next alarm waits in BullMQ, in real time, for Wednesday 08:00:08 Rome: the restoration
    // clock's 10 % (18 s of its 3 minutes: 10 s on Monday, 8 s on Wednesday).
    const scheduler = new JobScheduler({ redisUrl: config.redisUrl, prefix: config.queuePrefix });
    try {
      // The visit that recorded the alarm may still be finishing (its job active) with the next
      // run already waiting beside it under the follow-up id: the delayed one is the next timer.
      const timer = await waitFor(
        async () =>
          (await scheduler.inspect(SLA_ALARMS_QUEUE, slaTimerId(requestIds[0]!))).find(
            (job) => job.state === 'delayed',
          ),
        { description: 'the next timer waiting' },
      );
      const fakeRunAt = timer!.runAt.getTime() + lead;
      expect(Math.abs(fakeRunAt - Date.parse('2026-12-09T07:00:08Z'))).toBeLessThan(1_000);
    } finally {
      await scheduler.close();
    }
  }, 60_000);

  it('after Redis is lost, at start and while running, fires every alarm once: none missed, none doubled', async () => {
    await worker!.stop();
    worker = undefined;
    // Redis lost while the worker was down, and the follower's checkpoint too: on start the
    // worker sets the timers again from the streams and follows every request event again.
    await redis.flushall();
    await reads.collection('saga_checkpoints').delete('sla-follower');
    await startAt(PHASE_2_START);

    // The 50 % alarms (Wednesday 08:00:20 − i s; request 0's is the last) come from the timers
    // set on start...
    await waitFor(async () => (await responseAlarms(requestIds[0]!)).some((alarm) => alarm.percent === 50), {
      description: 'the 50 % alarm after a start on an empty Redis',
      timeoutMs: 20_000,
    });
    // ...then Redis is flushed under the running worker: the later timers are gone.
    await redis.flushall();

    for (let i = 0; i < REQUESTS; i++) {
      const alarms = await waitFor(
        async () => {
          const found = await responseAlarms(requestIds[i]!);
          return found.some((alarm) => alarm.percent === 100) && found;
        },
        { description: `request ${i}'s response breach after the flush`, timeoutMs: 50_000 },
      );
      expect(alarms.map(({ percent, dueAt }) => ({ percent, dueAt }))).toEqual(
        Object.entries(expectedResponseAlarms(i)).map(([percent, dueAt]) => ({
          percent: Number(percent),
          dueAt,
        })),
      );
      for (const alarm of alarms)
        expect(Date.parse(alarm.at)).toBeGreaterThanOrEqual(Date.parse(alarm.dueAt));
    }

    // Following every request event again started nothing twice.
    for (const requestId of [...requestIds, londonRequestId]) {
      const started = (await slaEvents(requestId)).filter((event) => event.type === 'SlaClocksStarted');
      expect(started).toHaveLength(1);
    }
  }, 90_000);
});
