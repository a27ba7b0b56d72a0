/**
 * SLA timers and notifications at scale (the issue: "100,000 requests with open clocks: timer
 * scheduling rate, p99 lateness of threshold alarms (target under 1 s), Redis memory;
 * notifications per second end to end vs raw BullMQ jobs per second in the same run (ratio;
 * target at least 0.5)").
 *
 *   node -r @swc-node/register tools/bench/src/sla-notifications.bench.ts
 *        [--requests 100000] [--firing 10000] [--window-seconds 20] [--notifications 2000]
 *        [--producers 8]
 *
 * Everything is the worker's own code, wired as apps/worker/src/sagas/sagas.module.ts wires it,
 * in this process (sla-notifications/bench-worker.ts): embedded SQLite stores in a temp folder with
 * the built-in projections running, a private Redis, one contract on a round-the-clock calendar
 * (response 4 h, restoration 8 h, alarms at 50/75/90 % and the deadline).
 *
 * 1. Load: `--requests` requests with running clocks, opened over the last hour (first alarms 1–2 h
 *    ahead). The first is opened by the desk's command and followed by `SlaClocks.follow`; the
 *    bulk's openings are decided by the request decider on its model and their service-level
 *    streams by the SLA decider on the very policy and calendar `follow` reads (so the real
 *    `scheduleClock`), appended with the projections paused, which then catch up; the last 5 % (at
 *    most 2,000) have their openings followed live by `SlaClocks.follow` (timer set in Redis),
 *    16 at a time, which gives the live rate.
 * 2. Timer scheduling: `SlaClocks.rederiveTimers()` on an empty Redis, as a worker does on start or
 *    after losing Redis: timers/s; Redis used_memory before and after, per timer, and what a
 *    timer's keys weigh.
 * 3. Alarm lateness: `--firing` more requests, each followed live (SlaClocks.follow sets its
 *    BullMQ timer), with opening times chosen so that their first alarm falls due over a
 *    `--window-seconds` window that opens once they are all expected to be set (1.5 × what phase
 *    1's live rate predicts, + 2 s); the bench says whether they were. (They are not among the
 *    loaded requests: opening times fix the due times, which must come after the timers are set,
 *    and a rederive's duration is not known before.) The `sla-alarms` handler (JobWorkerHost
 *    calling `SlaClocks.recordDue`, concurrency 10 like the worker) runs throughout; lateness =
 *    the recorded alarm's `at` − its `dueAt`. Target: p99 < 1 s, none missed.
 * 4. Notifications end to end: a producer process (standing in for the API) opens
 *    `--notifications` requests, `--producers` calls at a time; the notifier follows the log from
 *    its head (LogFollower, as the worker), writes the unit's dispatcher's inbox and schedules an
 *    e-mail (one recorded rule: openings → dispatchers, inbox + e-mail); the `notifications`
 *    handler (concurrency 10) sends it with the worker's SMTP sender to a sink process. From the
 *    first call to the last e-mail received: notifications/s. Baseline in the same run: the same
 *    number of no-op jobs added by the same producer process and processed by a plain BullMQ
 *    worker of the same concurrency: jobs/s. Target: notifications/s ≥ 0.5 × jobs/s. E-mail alone
 *    to the same sink (the worker's sender, and a pooled transport) is printed as a reference.
 *
 * On a shared 2-core machine every figure moves with the load average, printed beside them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MasterDataService, ServiceRequestCommands } from '@fieldstream/application';
import { type AppConfig, loadConfig } from '@fieldstream/infrastructure';
import { SLA_ALARMS_QUEUE, slaTimerId } from '@fieldstream/queue';
import { type TestRedis, startRedis } from '@fieldstream/testing';
import { Redis } from 'ioredis';
import { progressReporter } from './board/board-load';
import { type LatencySummary, summariseLatencies } from './latency-summary';
import { BenchWorker, WORKER_CONCURRENCY } from './sla-notifications/bench-worker';
import { FIRST_ALARM_AFTER_MS, registerOrganisation } from './sla-notifications/organisation';
import { countKeys, keyBytes, megabytes, redisMemory } from './sla-notifications/redis-memory';
import { type RecordedAlarm, recordedAlarms } from './sla-notifications/recorded-alarms';
import {
  type Opening,
  appendRequestsWithClocks,
  openModelRequest,
  openRequestsFollowed,
} from './sla-notifications/request-load';
import { SmtpSink } from './sla-notifications/smtp-sink';
import { notificationsEndToEnd, rawBullmqJobs, rawSmtpSends } from './sla-notifications/throughput';

const TARGET_LATENESS_P99_MS = 1000;
const TARGET_RATIO = 0.5;
const QUEUE_PREFIX = 'sla-bench';
/** Appends in flight while loading (the store groups their commits). */
const LOAD_CONCURRENCY = 64;
/** Openings followed at once while the firing requests are opened. */
const FOLLOW_CONCURRENCY = 16;
const MINUTE = 60_000;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '100000' },
      firing: { type: 'string', default: '10000' },
      'window-seconds': { type: 'string', default: '20' },
      notifications: { type: 'string', default: '2000' },
      producers: { type: 'string', default: '8' },
    },
  });
  const whole = (name: keyof typeof values, min: number, max: number) => {
    const text = values[name];
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
    return n;
  };
  const windowSeconds = Number(values['window-seconds']);
  if (!(windowSeconds >= 1 && windowSeconds <= 600))
    throw new Error(`--window-seconds must be from 1 to 600, got "${values['window-seconds']}"`);
  return {
    requests: whole('requests', 20, 2_000_000),
    firing: whole('firing', 1, 200_000),
    windowMs: windowSeconds * 1000,
    notifications: whole('notifications', 1, 100_000),
    producers: whole('producers', 1, 256),
  };
}

const line = (text = '') => process.stdout.write(`${text}\n`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const whole = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : String(n));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const format = (p: LatencySummary) =>
  p.count === 0
    ? 'none'
    : `p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)}, max ${ms(p.max)} (${whole(p.count)})`;

/** This process's CPU time (user + system) over a phase, against its wall time. */
function cpuMeter() {
  const cpu = process.cpuUsage();
  const started = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    return `worker process CPU ${seconds(cpuMs)} over ${seconds(performance.now() - started)} (${Math.round((100 * cpuMs) / (performance.now() - started))} % of a core)`;
  };
}

/** Smallest and largest of many numbers (spreading 100,000 arguments into Math.min may throw). */
const earliest = (values: readonly number[]) => values.reduce((a, b) => Math.min(a, b), Infinity);
const latest = (values: readonly number[]) => values.reduce((a, b) => Math.max(a, b), -Infinity);
const clockTime = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(11, 23) : '—');

/** What every phase works with. */
interface Bench {
  options: ReturnType<typeof parseOptions>;
  config: AppConfig;
  worker: BenchWorker;
  redis: Redis;
  sink: SmtpSink;
  commands: ServiceRequestCommands;
  progress: ReturnType<typeof progressReporter>;
}

/** 1. The load; answers the model opening and the live follow rate (opened, followed, timer set). */
async function loadRequests({ options, worker, commands, progress }: Bench) {
  line(`\n1. Load: ${whole(options.requests)} requests with running clocks`);
  const loadStarted = Date.now();
  // Opened over the last hour: their first alarms fall due one to two hours from now.
  const openedAt = (index: number) => loadStarted - ((index * 997) % 3600) * 1000;
  const model = await openModelRequest(commands, worker.events, openedAt(0));
  await worker.clocks.follow(model);
  const followed = Math.max(1, Math.min(2000, Math.ceil(options.requests / 20)));
  const bulk = options.requests - 1 - followed;

  await worker.pauseProjections();
  let meter = cpuMeter();
  let started = performance.now();
  await appendRequestsWithClocks(worker.events, worker.reads, model, {
    count: bulk,
    concurrency: LOAD_CONCURRENCY,
    firstIndex: 1,
    openedAt: (index) => openedAt(1 + index),
    onProgress: (done) =>
      progress.update(
        `decided and appended ${whole(done)}/${whole(bulk)} (${whole((done * 1000) / (performance.now() - started))}/s)`,
      ),
  });
  const bulkMs = performance.now() - started;
  progress.done(
    `${whole(bulk)} requests decided (request and SLA deciders) and appended, projections paused: ` +
      `${seconds(bulkMs)}, ${whole((bulk * 1000) / bulkMs)}/s; ${meter()}`,
  );
  started = performance.now();
  worker.resumeProjections();
  await worker.projectionsCaughtUp(30 * MINUTE, (lag) =>
    progress.update(`projections catching up: ${whole(lag)} events behind`),
  );
  progress.done(`projections caught up in ${seconds(performance.now() - started)} (load average ${load()})`);

  // As the worker does live: opened, followed, timer set. Phase 3 is planned on this rate.
  meter = cpuMeter();
  started = performance.now();
  await openRequestsFollowed(worker.events, worker.clocks, model, {
    count: followed,
    concurrency: FOLLOW_CONCURRENCY,
    firstIndex: 1 + bulk,
    openedAt: (index) => openedAt(1 + bulk + index),
  });
  const followMs = performance.now() - started;
  const followRate = (followed * 1000) / followMs;
  line(
    `  ${whole(followed)} more opened and followed by SlaClocks.follow (timer set in Redis), ${FOLLOW_CONCURRENCY} at a time, ` +
      `projections running: ${seconds(followMs)}, ${whole(followRate)}/s; ${meter()}`,
  );
  return { model, followRate };
}

/** 2. Every timer set again from the streams on an empty Redis, and what they weigh there. */
async function timerScheduling({ worker, redis, progress }: Bench, sampleRequestId: string) {
  line(`\n2. Timer scheduling: SlaClocks.rederiveTimers() on an empty Redis (a worker after losing Redis)`);
  await redis.flushall();
  const before = await redisMemory(redis);
  let scanEndedAt = performance.now();
  const meter = cpuMeter();
  const started = performance.now();
  const rederived = await worker.clocks.rederiveTimers((p) => {
    if (p.timers === 0) scanEndedAt = performance.now();
    else
      progress.update(
        `timers set: ${whole(p.timers)} (${whole((p.timers * 1000) / (performance.now() - scanEndedAt))}/s)`,
      );
  });
  const rederiveMs = performance.now() - started;
  const setMs = performance.now() - scanEndedAt;
  const timersPerSecond = (rederived.timers * 1000) / rederiveMs;
  progress.done(
    `${whole(rederived.timers)} timers set for ${whole(rederived.requests)} running requests in ${seconds(rederiveMs)}: ` +
      `${whole(timersPerSecond)} timers/s (scan of ${whole(rederived.events)} service-level events ${seconds(rederiveMs - setMs)}, ` +
      `setting ${seconds(setMs)}: ${whole((rederived.timers * 1000) / setMs)}/s)`,
  );
  line(`  ${meter()}; load average ${load()}`);
  const after = await redisMemory(redis);
  const addedBytes = after.usedBytes - before.usedBytes;
  const bytesPerTimer = addedBytes / rederived.timers;
  line(
    `  Redis used_memory ${megabytes(before.usedBytes)} before, ${megabytes(after.usedBytes)} after: ` +
      `${whole(bytesPerTimer)} bytes per timer; keys ${whole(before.keys)} → ${whole(after.keys)} ` +
      `(${((after.keys - before.keys) / rederived.timers).toFixed(2)} per timer)`,
  );
  const timerKey = `${QUEUE_PREFIX}:${SLA_ALARMS_QUEUE}:${slaTimerId(sampleRequestId)}`;
  const jobBytes = await keyBytes(redis, timerKey);
  const sequenceBytes = await keyBytes(
    redis,
    `${QUEUE_PREFIX}:${SLA_ALARMS_QUEUE}:fieldstream:${slaTimerId(sampleRequestId)}:sequence`,
  );
  const delayedBytes = await keyBytes(redis, `${QUEUE_PREFIX}:${SLA_ALARMS_QUEUE}:delayed`);
  line(
    `  one timer's keys (MEMORY USAGE): job hash ${whole(jobBytes)} bytes, JobScheduler's call-sequence key ` +
      `${whole(sequenceBytes)} bytes (kept 7 days after the last call); delayed set ${megabytes(delayedBytes)} ` +
      `(${whole(delayedBytes / rederived.timers)} bytes per entry)`,
  );
  worker.timersSet.clear();
  return { timers: rederived.timers, timersPerSecond, bytesPerTimer, addedBytes };
}

/** 3. Alarms falling due over the window while the `sla-alarms` handler runs: their lateness. */
async function alarmLateness(
  { options, worker, redis, progress }: Bench,
  model: Opening,
  followRate: number,
) {
  line(
    `\n3. Alarm lateness: ${whole(options.firing)} requests opened and followed live, first alarms due over ${seconds(options.windowMs)}`,
  );
  await worker.startAlarmHandler();
  const alarmsFrom = await worker.events.headPosition();
  // What opening, following and setting a timer took per request in phase 1, with room to spare.
  const predictedMs = (options.firing * 1000) / followRate;
  const leadMs = Math.max(3000, 1.5 * predictedMs + 2000);
  const windowStart = Date.now() + leadMs;
  const dueAt = (index: number) => windowStart + ((index + 0.5) * options.windowMs) / options.firing;
  line(
    `  the window opens in ${seconds(leadMs)} (1.5 × the ${seconds(predictedMs)} phase 1's rate predicts to set ` +
      `them all, + 2 s) and lasts ${seconds(options.windowMs)}: ${whole((options.firing * 1000) / options.windowMs)} alarms/s due`,
  );
  const meter = cpuMeter();
  const started = performance.now();
  const firingIds = await openRequestsFollowed(worker.events, worker.clocks, model, {
    count: options.firing,
    concurrency: FOLLOW_CONCURRENCY,
    firstIndex: options.requests,
    openedAt: (index) => dueAt(index) - FIRST_ALARM_AFTER_MS,
    onProgress: (done) => progress.update(`opened and followed ${whole(done)}/${whole(options.firing)}`),
  });
  const openMs = performance.now() - started;
  worker.timings.reset();
  const margins = firingIds.map((id) => {
    const set = worker.timersSet.get(id);
    return set ? set.at - set.setAt : -Infinity;
  });
  const setLate = margins.filter((margin) => margin < 0).length;
  progress.done(
    `opened and followed (timer set) in ${seconds(openMs)}: ${whole((options.firing * 1000) / openMs)}/s; ` +
      `the window opens ${seconds(windowStart - Date.now())} later; timers set before their alarm was due: ` +
      `${whole(options.firing - setLate)} (closest ${seconds(earliest(margins))} ahead), after: ${whole(setLate)}`,
  );

  const giveUpAt = windowStart + options.windowMs + Math.max(60_000, options.windowMs);
  const recordedFiring = () => firingIds.filter((id) => worker.alarmsRecorded.has(id)).length;
  for (;;) {
    const recorded = recordedFiring();
    if (recorded >= options.firing || Date.now() > giveUpAt) break;
    const phase =
      Date.now() < windowStart
        ? `window opens in ${seconds(windowStart - Date.now())}`
        : `${seconds(Date.now() - windowStart)} into the window`;
    progress.update(`alarms recorded ${whole(recorded)}/${whole(options.firing)} (${phase})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await worker.stopAlarmHandler();

  const firing = new Set(firingIds);
  const first = new Map<string, RecordedAlarm>();
  let others = 0;
  for (const alarm of await recordedAlarms(worker.events, alarmsFrom)) {
    if (!firing.has(alarm.requestId) || first.has(alarm.requestId)) others++;
    else first.set(alarm.requestId, alarm);
  }
  const lateness = summariseLatencies([...first.values()].map((alarm) => alarm.at - alarm.dueAt));
  const elsewhen = firingIds.filter((id, index) => {
    const alarm = first.get(id);
    return alarm !== undefined && Math.abs(alarm.dueAt - dueAt(index)) > 1;
  }).length;
  const missed = options.firing - first.size;
  const recordedAt = [...first.values()].map((alarm) => alarm.at);
  progress.done(
    `${whole(first.size)} of ${whole(options.firing)} first alarms recorded, ${whole(missed)} missed; ` +
      `${whole(others)} other alarms; ${whole(elsewhen)} due at another instant than planned`,
  );
  line(`  lateness (recorded at − due at): ${format(lateness)}`);
  const visit = worker.timings.mean('recordDue');
  const nextTimer = worker.timings.mean(`scheduleOnce ${SLA_ALARMS_QUEUE}`);
  line(
    `  per timer visit (${WORKER_CONCURRENCY} at a time): SlaClocks.recordDue ${ms(visit.ms)} (${whole(visit.calls)} visits), ` +
      `of which setting the next timer (JobScheduler.scheduleOnce) ${ms(nextTimer.ms)}`,
  );
  line(
    `  recorded from ${clockTime(earliest(recordedAt))} to ${clockTime(latest(recordedAt))}: ` +
      `${whole((first.size * 1000) / (latest(recordedAt) - earliest(recordedAt)))} alarms/s handled; ${meter()}; load average ${load()}`,
  );
  const withFiring = await redisMemory(redis);
  line(
    `  Redis used_memory with ${whole(options.requests + options.firing)} requests' timers: ` +
      `${megabytes(withFiring.usedBytes)}, ${whole(withFiring.keys)} keys`,
  );
  return { lateness, missed };
}

/** 4. Notifications end to end, then the raw BullMQ baseline and the e-mail references. */
async function notificationsVersusRaw({ options, config, worker, redis, sink }: Bench) {
  line(
    `\n4. Notifications end to end vs raw BullMQ: ${whole(options.notifications)} each, ${options.producers} producer calls at a time, ` +
      `handlers ${WORKER_CONCURRENCY} at a time`,
  );
  await worker.projectionsCaughtUp(5 * MINUTE);
  const timeoutMs = 60_000 + options.notifications * 100;
  worker.timings.reset();
  const keysBefore = await redisMemory(redis);
  let meter = cpuMeter();
  const notified = await notificationsEndToEnd(
    worker,
    sink.mails,
    options.notifications,
    options.producers,
    timeoutMs,
  );
  line(
    `  notifications: ${whole(notified.done)}/${whole(notified.count)} e-mails received in ` +
      `${seconds(notified.lastDoneAt - notified.firstSentAt)}: ${whole(notified.perSecond)}/s ` +
      `(requests opened at ${whole(notified.producedPerSecond)}/s, deliveries scheduled at ${whole(notified.scheduledPerSecond)}/s); ${meter()}`,
  );
  line(`    opening acknowledged → e-mail received: ${format(summariseLatencies(notified.latencies))}`);
  line(
    `    opening acknowledged → delivery scheduled (notifier): ${format(summariseLatencies(notified.toScheduled))}`,
  );
  line(
    `    delivery scheduled → e-mail received (BullMQ, handler, SMTP): ${format(summariseLatencies(notified.scheduledToMail))}`,
  );
  const handled = worker.timings.mean('notifier.handle');
  const scheduling = worker.timings.mean('deliveries.schedule');
  const deliveryJob = worker.timings.mean('scheduleOnce notifications');
  const attempt = worker.timings.mean('deliveries.attempt');
  line(
    `    notifier (16 streams at a time, as the worker): ${ms(handled.ms)} per event; of which ` +
      `Deliveries.schedule ${ms(scheduling.ms)}, itself ${ms(deliveryJob.ms)} in JobScheduler.scheduleOnce`,
  );
  line(
    `    delivery handler (${WORKER_CONCURRENCY} at a time): Deliveries.attempt ${ms(attempt.ms)} per e-mail, ` +
      `so at most ${whole((WORKER_CONCURRENCY * 1000) / attempt.ms)}/s`,
  );
  await worker.projectionsCaughtUp(5 * MINUTE);
  const keysAfter = await redisMemory(redis);
  const sequences = await countKeys(redis, `${QUEUE_PREFIX}:notifications:fieldstream:*:sequence`);
  line(
    `    Redis keys left once every e-mail was sent: ${whole(keysAfter.keys - keysBefore.keys)} more ` +
      `(${megabytes(keysAfter.usedBytes - keysBefore.usedBytes)}), ${whole(sequences)} of them the deliveries' ` +
      `call-sequence keys (JobScheduler, kept 7 days after the last call)`,
  );

  meter = cpuMeter();
  const raw = await rawBullmqJobs(
    config,
    options.notifications,
    options.producers,
    WORKER_CONCURRENCY,
    timeoutMs,
  );
  line(
    `  raw BullMQ: ${whole(raw.done)}/${whole(raw.count)} no-op jobs processed in ${seconds(raw.lastDoneAt - raw.firstSentAt)}: ` +
      `${whole(raw.perSecond)}/s (added at ${whole(raw.producedPerSecond)}/s); ${meter()}`,
  );
  line(`    job added → processed: ${format(summariseLatencies(raw.latencies))}`);
  const perMessage = await rawSmtpSends(
    config,
    sink.mails,
    options.notifications,
    WORKER_CONCURRENCY,
    false,
    timeoutMs,
  );
  const pooled = await rawSmtpSends(
    config,
    sink.mails,
    options.notifications,
    WORKER_CONCURRENCY,
    true,
    timeoutMs,
  );
  line(
    `  references, e-mail alone to the same sink, ${WORKER_CONCURRENCY} at a time: the worker's SMTP sender ` +
      `(a connection per message) ${whole(perMessage.done)} in ${seconds(perMessage.lastDoneAt - perMessage.firstSentAt)}, ` +
      `${whole(perMessage.perSecond)}/s; pooled connections ${whole(pooled.done)} in ` +
      `${seconds(pooled.lastDoneAt - pooled.firstSentAt)}, ${whole(pooled.perSecond)}/s`,
  );
  return { notified, raw, perMessage, pooled };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const dir = mkdtempSync(join(tmpdir(), 'fieldstream-bench-sla-'));
  let redisServer: TestRedis | undefined;
  let redis: Redis | undefined;
  let sink: SmtpSink | undefined;
  let worker: BenchWorker | undefined;
  try {
    line(
      `SLA timers and notifications: ${whole(options.requests)} requests with open clocks, ` +
        `${whole(options.firing)} alarms over ${seconds(options.windowMs)}, ${whole(options.notifications)} notifications; data in ${dir}`,
    );
    line(
      `  machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; load average before: ${load()}`,
    );
    redisServer = await startRedis();
    redis = new Redis(redisServer.url);
    sink = await SmtpSink.start();
    const config: AppConfig = loadConfig({
      DATA_DIR: dir,
      REDIS_URL: redisServer.url,
      QUEUE_PREFIX,
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: 'Fieldstream bench <bench@sla-bench.test>',
    });
    worker = await BenchWorker.open(config);
    await registerOrganisation(worker.events, worker.reads);
    const bench: Bench = {
      options,
      config,
      worker,
      redis,
      sink,
      commands: new ServiceRequestCommands({
        events: worker.events,
        reads: worker.reads,
        masterData: new MasterDataService({ events: worker.events, reads: worker.reads }),
      }),
      progress: progressReporter(line),
    };

    const { model, followRate } = await loadRequests(bench);
    const timers = await timerScheduling(bench, model.data.requestId);
    const { lateness, missed } = await alarmLateness(bench, model, followRate);
    const { notified, raw, perMessage, pooled } = await notificationsVersusRaw(bench);
    // Failures the handlers and followers survived (and retried): none is expected.
    for (const problem of worker.problems()) line(`  problem: ${problem}`);

    const ratio = notified.perSecond / raw.perSecond;
    const allDone = notified.done === notified.count && raw.done === raw.count;
    line(`\nSummary (baselines measured in the same run)`);
    console.table([
      {
        figure: `timer scheduling (rederive, ${whole(timers.timers)} timers)`,
        measured: `${whole(timers.timersPerSecond)} timers/s`,
        baseline: '',
        ratio: '',
        target: '',
        result: '',
      },
      {
        figure: 'Redis memory per timer',
        measured: `${whole(timers.bytesPerTimer)} bytes`,
        baseline: `${megabytes(timers.addedBytes)} for all`,
        ratio: '',
        target: '',
        result: '',
      },
      {
        figure: `alarm lateness p99 (${whole(options.firing)} due over ${seconds(options.windowMs)})`,
        measured: ms(lateness.p99),
        baseline: `missed ${whole(missed)}`,
        ratio: '',
        target: `< ${whole(TARGET_LATENESS_P99_MS)} ms, none missed`,
        result: missed === 0 && lateness.p99 < TARGET_LATENESS_P99_MS ? 'PASS' : 'MISS',
      },
      {
        figure: 'notifications end to end vs raw BullMQ jobs',
        measured: `${whole(notified.perSecond)}/s`,
        baseline: `${whole(raw.perSecond)}/s`,
        ratio: Number(ratio.toFixed(3)),
        target: `ratio ≥ ${TARGET_RATIO}`,
        result: allDone && ratio >= TARGET_RATIO ? 'PASS' : 'MISS',
      },
      {
        figure: "e-mail alone: the worker's sender vs pooled",
        measured: `${whole(perMessage.perSecond)}/s`,
        baseline: `${whole(pooled.perSecond)}/s`,
        ratio: Number((perMessage.perSecond / pooled.perSecond).toFixed(3)),
        target: '',
        result: '',
      },
    ]);
    line(
      `load average at the end: ${load()} (2 cores, shared; worker, Redis, producer and SMTP sink on the same machine)` +
        (options.requests === 100_000
          ? ''
          : `; this run's load is ${whole(options.requests)} requests, not the stated 100,000`),
    );
  } finally {
    await worker?.close();
    await sink?.stop();
    redis?.disconnect();
    await redisServer?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sla-notifications bench failed: ${message.split('\n')[0]}\n`);
  process.exitCode = 1;
});
