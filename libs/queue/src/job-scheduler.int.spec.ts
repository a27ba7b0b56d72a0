import type { JsonObject } from '@fieldstream/event-store';
import { sleep, startRedis, type TestRedis, waitFor } from '@fieldstream/testing';
import type { JobContext, JobHandler } from './job-handler';
import { JobScheduler } from './job-scheduler.service';
import { JobWorkerHost } from './job-worker-host';

interface Run {
  id: string;
  data: JsonObject;
  at: number;
  scheduledFor: string;
}

class RecordingHandler implements JobHandler {
  readonly queue = 'timers';
  readonly jobName = 'sla-check';
  readonly runs: Run[] = [];
  /** When set, handle() waits for it: lets a test hold a job in the active state. */
  gate: Promise<void> | undefined;

  async handle(data: JsonObject, context: JobContext): Promise<void> {
    this.runs.push({ id: context.id, data, at: Date.now(), scheduledFor: context.scheduledFor });
    if (this.gate) await this.gate;
  }
}

describe('JobScheduler on a real Redis', () => {
  let redis: TestRedis;
  let scheduler: JobScheduler;
  let host: JobWorkerHost;
  let handler: RecordingHandler;
  let prefix = 0;
  // Released after each test, so a failing test never leaves a job blocking host.close().
  let release: () => void = () => undefined;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });
  beforeEach(async () => {
    // A fresh prefix per test: no state leaks between tests, and no FLUSHALL needed.
    const settings = { redisUrl: redis.url, prefix: `t${++prefix}` };
    scheduler = new JobScheduler(settings);
    handler = new RecordingHandler();
    host = new JobWorkerHost(settings);
    host.register(handler);
    await host.start();
  });
  afterEach(async () => {
    handler.gate = undefined;
    release();
    await host.close();
    await scheduler.close();
  });

  it('runs a delayed job rescheduled three times exactly once, at the last time asked', async () => {
    const now = Date.now();
    // The last call wins even though it is neither the earliest nor the latest time.
    await scheduler.scheduleOnce(
      'timers',
      'sla-check',
      'sla.request-1',
      { call: 1 },
      { runAt: new Date(now + 300) },
    );
    await scheduler.scheduleOnce(
      'timers',
      'sla-check',
      'sla.request-1',
      { call: 2 },
      { runAt: new Date(now + 2000) },
    );
    const last = new Date(now + 1000);
    const scheduled = await scheduler.scheduleOnce(
      'timers',
      'sla-check',
      'sla.request-1',
      { call: 3 },
      { runAt: last },
    );
    expect(scheduled.jobId).toBe('sla.request-1');
    expect(await scheduler.inspect('timers', 'sla.request-1')).toEqual([
      { jobId: 'sla.request-1', state: 'delayed', runAt: expect.any(Date) },
    ]);

    await waitFor(() => handler.runs.length > 0, { timeoutMs: 5000, description: 'the job to run' });
    await sleep(2500 - (Date.now() - now));
    expect(handler.runs).toHaveLength(1);
    const run = handler.runs[0] as Run;
    expect(run.data).toEqual({ call: 3 });
    expect(run.id).toBe('sla.request-1');
    expect(run.scheduledFor).toBe(last.toISOString());
    expect(run.at).toBeGreaterThanOrEqual(last.getTime());
    expect(run.at).toBeLessThan(last.getTime() + 900);
  });

  it('lets the last of 20 concurrent re-schedules win, across schedulers, and runs it exactly once', async () => {
    // A second scheduler stands for another process: the calls interleave on Redis, not in memory.
    const other = new JobScheduler({ redisUrl: redis.url, prefix: `t${prefix}` });
    try {
      const now = Date.now();
      const calls = Array.from({ length: 20 }, (_, n) => ({
        n,
        runAt: new Date(now + 400 + ((n * 7) % 20) * 60),
      }));
      const scheduled = await Promise.all(
        calls.map(({ n, runAt }) =>
          (n % 2 === 0 ? scheduler : other).scheduleOnce(
            'timers',
            'sla-check',
            'sla.request-20',
            { call: n },
            { runAt },
          ),
        ),
      );
      // "Last" is the call with the highest sequence: the last to take the id's turn and write.
      const sequences = scheduled.map((s) => s.sequence);
      expect(new Set(sequences).size).toBe(20);
      const winner = sequences.indexOf(Math.max(...sequences));
      const winnerAt = calls[winner]?.runAt as Date;
      expect(await scheduler.inspect('timers', 'sla.request-20')).toEqual([
        { jobId: 'sla.request-20', state: 'delayed', runAt: expect.any(Date) },
      ]);

      await waitFor(() => handler.runs.length > 0, { timeoutMs: 5000, description: 'the job to run' });
      await sleep(Math.max(0, now + 400 + 19 * 60 + 800 - Date.now()));
      expect(handler.runs.map((r) => r.data)).toEqual([{ call: winner }]);
      expect(handler.runs[0]?.scheduledFor).toBe(winnerAt.toISOString());
      expect(handler.runs[0]?.at).toBeGreaterThanOrEqual(winnerAt.getTime());
    } finally {
      await other.close();
    }
  });

  it('runs again when the same id is scheduled after the job completed', async () => {
    await scheduler.scheduleOnce('timers', 'sla-check', 'reminder.visit-7', { n: 1 }, { runAt: new Date() });
    await waitFor(() => handler.runs.length === 1, { description: 'first run' });
    await waitFor(async () => (await scheduler.inspect('timers', 'reminder.visit-7')).length === 0, {
      description: 'the completed job to be removed',
    });
    await scheduler.scheduleOnce('timers', 'sla-check', 'reminder.visit-7', { n: 2 }, { runAt: new Date() });
    await waitFor(() => handler.runs.length === 2, { description: 'second run' });
    expect(handler.runs.map((r) => r.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('keeps a running job and queues one follow-up when rescheduled meanwhile', async () => {
    handler.gate = new Promise<void>((resolve) => (release = resolve));
    await scheduler.scheduleOnce('timers', 'sla-check', 'escalation.r-9', { n: 1 }, { runAt: new Date() });
    await waitFor(() => handler.runs.length === 1, { description: 'the job to start' });

    const a = await scheduler.scheduleOnce(
      'timers',
      'sla-check',
      'escalation.r-9',
      { n: 2 },
      { runAt: new Date(Date.now() + 200) },
    );
    const b = await scheduler.scheduleOnce(
      'timers',
      'sla-check',
      'escalation.r-9',
      { n: 3 },
      { runAt: new Date(Date.now() + 200) },
    );
    expect(a.jobId).toBe('escalation.r-9--next');
    expect(b.jobId).toBe('escalation.r-9--next');
    const states = await scheduler.inspect('timers', 'escalation.r-9');
    expect(states.map((s) => s.state)).toEqual(['active', 'delayed']);

    handler.gate = undefined;
    release();
    await waitFor(() => handler.runs.length === 2, { description: 'the follow-up run' });
    await sleep(500);
    expect(handler.runs.map((r) => r.data)).toEqual([{ n: 1 }, { n: 3 }]);
    expect(handler.runs[1]?.id).toBe('escalation.r-9');
  });

  it('cancel removes the pending job so it never runs', async () => {
    await scheduler.scheduleOnce(
      'timers',
      'sla-check',
      'cancel-me',
      {},
      { runAt: new Date(Date.now() + 300) },
    );
    expect(await scheduler.cancel('timers', 'cancel-me')).toBe(true);
    expect(await scheduler.cancel('timers', 'cancel-me')).toBe(false);
    await sleep(700);
    expect(handler.runs).toHaveLength(0);
  });

  it.each([
    ['queue', () => scheduler.scheduleOnce('bad:queue', 'sla-check', 'x-1', {}, { runAt: new Date() })],
    ['jobName', () => scheduler.scheduleOnce('timers', '', 'x-1', {}, { runAt: new Date() })],
    ['id', () => scheduler.scheduleOnce('timers', 'sla-check', 'has:colon', {}, { runAt: new Date() })],
    ['id', () => scheduler.scheduleOnce('timers', 'sla-check', '12345', {}, { runAt: new Date() })],
    ['id', () => scheduler.scheduleOnce('timers', 'sla-check', 'x--next', {}, { runAt: new Date() })],
    [
      'data',
      () =>
        scheduler.scheduleOnce('timers', 'sla-check', 'x-1', [] as unknown as JsonObject, {
          runAt: new Date(),
        }),
    ],
    ['runAt', () => scheduler.scheduleOnce('timers', 'sla-check', 'x-1', {}, { runAt: new Date('nope') })],
    [
      'attempts',
      () => scheduler.scheduleOnce('timers', 'sla-check', 'x-1', {}, { runAt: new Date(), attempts: 0 }),
    ],
  ])('refuses a bad %s and schedules nothing', async (field, call) => {
    await expect(call()).rejects.toMatchObject({ name: 'InvalidJobRequestError', field });
    expect(await scheduler.queue('timers').getJobCounts('delayed', 'waiting', 'active')).toEqual({
      delayed: 0,
      waiting: 0,
      active: 0,
    });
  });
});
