import { type SlaEvent, serviceLevelStreamName } from '@fieldstream/domain';
import { BullmqSlaTimers, JobScheduler, SLA_ALARMS_QUEUE, slaTimerId } from '@fieldstream/queue';
import { startRedis, tempDir, type TestRedis } from '@fieldstream/testing';
import { systemContext } from '../commands/command-context';
import {
  ACTORS,
  type ServiceRequestTestBed,
  startServiceRequestTestBed,
} from '../service-requests/commands/testing/service-request-test-bed';
import { SlaClocks } from './sla-clocks.service';

/*
 * SlaClocks against real SQLite stores and BullMQ on a private Redis; the clock is the test's.
 * Round-the-clock service hours keep the arithmetic plain: the decider's own tests cover calendars.
 */
const OPENED = Date.parse('2026-11-20T08:00:00Z');
const MINUTE = 60_000;

describe('SlaClocks', () => {
  let bed: ServiceRequestTestBed;
  let redis: TestRedis;
  let scheduler: JobScheduler;
  let now = OPENED;
  let clocks: SlaClocks;

  beforeAll(async () => {
    bed = await startServiceRequestTestBed(await tempDir());
    redis = await startRedis();
    scheduler = new JobScheduler({ redisUrl: redis.url, prefix: 'sla-clocks' });
    const admin = systemContext(new Date(OPENED).toISOString(), 'contract');
    const allDay = Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
        day,
        [{ from: '00:00', to: '00:00' }],
      ]),
    );
    await bed.masterData.write(admin, 'calendars', 'register', 'SVC-24-7', {
      name: 'Round the clock',
      purpose: 'service-hours',
      timeZone: 'Europe/Rome',
      weeklyHours: allDay,
    });
    await bed.masterData.write(admin, 'contracts', 'register', 'C-ACME', {
      name: 'ACME',
      customerCode: 'ACME',
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      serviceCalendarCode: 'SVC-24-7',
      serviceLevels: [{ priority: 'high', responseMinutes: 60, restorationMinutes: 240 }],
    });
    clocks = new SlaClocks({
      events: bed.events,
      reads: bed.reads,
      timers: new BullmqSlaTimers(scheduler),
      now: () => new Date(now),
    });
  }, 30_000);

  afterAll(async () => {
    await scheduler?.close();
    await redis?.stop();
    await bed?.stop();
  });

  const slaEvents = async (requestId: string) =>
    (await bed.events.readStream(serviceLevelStreamName(requestId), { maxCount: 100 })).map(
      (recorded) => ({ type: recorded.type, data: recorded.data }) as unknown as SlaEvent,
    );
  const at = (minutes: number) => ({ at: new Date(OPENED + minutes * MINUTE).toISOString() });

  it('follows what the follower has not reached before a timer judges: an arrival in time is no breach', async () => {
    // The request's whole morning is in its stream; the follower (busy elsewhere) has seen none of it.
    const { requestId } = await bed.commands.open(bed.as(ACTORS.admin, at(0)), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Boiler stopped',
      priority: 'high',
      conditionCodes: [],
    });
    await bed.commands.execute(bed.as(ACTORS.admin, at(5)), requestId, { type: 'accept' });
    await bed.commands.execute(bed.as(ACTORS.admin, at(10)), requestId, {
      type: 'assign',
      assignments: [{ technicianCode: 'T-MI-1', start: at(40).at, durationMinutes: 60 }],
      displace: [],
    });
    await bed.commands.execute(bed.as(ACTORS.technicianMi, at(45)), requestId, {
      type: 'startWork',
      technicianCode: 'T-MI-1',
    });

    // A timer wakes up five hours later (set when the opening was followed, say, before an outage).
    now = OPENED + 300 * MINUTE;
    await clocks.recordDue(requestId);

    const events = await slaEvents(requestId);
    const response = events.filter((event) => 'clock' in event.data && event.data.clock === 'response');
    expect(response.map((event) => event.type)).toEqual(['SlaThresholdReached', 'SlaClockStopped']);
    expect(response.at(-1)).toMatchObject({ data: { outcome: 'met', elapsedMinutes: 45, lateMinutes: 0 } });
    // The restoration clock (240 minutes) ran on: every alarm and the breach, recorded now.
    expect(
      events
        .filter((event) => event.type === 'SlaThresholdReached' || event.type === 'SlaBreached')
        .filter((event) => event.data.clock === 'restoration')
        .map((event) => (event.type === 'SlaBreached' ? 100 : event.data.percent)),
    ).toEqual([50, 75, 90, 100]);
    // The timer set while catching up (for the response's alarms, now stopped) finds nothing more.
    expect(await scheduler.inspect(SLA_ALARMS_QUEUE, slaTimerId(requestId))).toHaveLength(1);
    expect(await clocks.recordDue(requestId)).toEqual({ recorded: 0 });
  });

  it('records nothing twice: the follower seeing the same events afterwards, or a second visit', async () => {
    const [requestId] = (
      await bed.events.readAll({ maxCount: 1000, streamPrefixes: ['service-level-'] })
    ).map((recorded) => recorded.streamName.slice('service-level-'.length));
    const before = (await slaEvents(requestId!)).length;
    for (const recorded of await bed.events.readStream(`service-request-${requestId}`, { maxCount: 100 })) {
      await clocks.follow(recorded);
    }
    await clocks.recordDue(requestId!);
    expect((await slaEvents(requestId!)).length).toBe(before);
  });
});
