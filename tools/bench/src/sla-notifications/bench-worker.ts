import {
  Deliveries,
  Directory,
  LogFollower,
  NotificationRules,
  Notifier,
  SAGA_CHECKPOINTS_COLLECTION,
  SlaClocks,
  type SlaTimers,
} from '@fieldstream/application';
import { ESCALATION_STREAM_PREFIX } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import {
  type AppConfig,
  SmtpEmailSender,
  createEventStore,
  createReadStore,
} from '@fieldstream/infrastructure';
import { ProjectionRunner, builtInProjections } from '@fieldstream/projections';
import {
  BullmqSlaTimers,
  BullmqTimers,
  JobScheduler,
  JobWorkerHost,
  RECORD_DUE_JOB,
  SLA_ALARMS_QUEUE,
  deliveryTimerSettings,
} from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import { CallTimings } from './call-timings';

/**
 * Jobs run at once per queue: the worker's JobWorkersService gives JobWorkerHost no concurrency,
 * so its default (10) applies there; the raw BullMQ baseline uses the same.
 */
export const WORKER_CONCURRENCY = 10;

/** A timer set for a request: when it was asked for and when setting it returned. */
export interface TimerSet {
  at: number;
  setAt: number;
}

/**
 * The worker's SLA and notification sagas, wired as apps/worker/src/sagas/sagas.module.ts wires
 * them (same classes, same timer settings, same queue names), in this process and without Nest:
 * the built-in projections on the embedded stores, the SLA clocks on BullMQ timers, the
 * `sla-alarms` handler, the notifier behind a log follower, and deliveries over SMTP with their
 * `notifications` handler. Started piece by piece, so each phase runs only what it measures.
 */
export class BenchWorker {
  readonly scheduler: JobScheduler;
  /** Where the sagas' time goes: recordDue, the notifier's handling, deliveries, BullMQ timers. */
  readonly timings = new CallTimings();
  /** The SLA clocks with BullMQ timers, as the worker has them. */
  readonly clocks: SlaClocks;
  /** The first timer the clocks set per request since the log was last cleared. */
  readonly timersSet = new Map<string, TimerSet>();
  /** Requests whose timer visit recorded at least one alarm. */
  readonly alarmsRecorded = new Set<string>();
  readonly notifier: Notifier;
  readonly deliveries: Deliveries;
  private readonly projections: ProjectionRunner;
  private alarmHost: JobWorkerHost | undefined;
  private deliveryHost: JobWorkerHost | undefined;
  private notifierFollower: LogFollower | undefined;
  private readonly failures: string[] = [];

  private constructor(
    readonly config: AppConfig,
    readonly events: EventStore,
    readonly reads: ReadStore,
  ) {
    this.projections = new ProjectionRunner({
      eventStore: events,
      readStore: reads,
      projections: builtInProjections,
      logger: {
        log() {},
        warn: (m) => this.fail(`projections: ${m}`),
        error: (m) => this.fail(`projections: ${m}`),
      },
    });
    this.scheduler = new JobScheduler({ redisUrl: config.redisUrl, prefix: config.queuePrefix });
    const scheduler = this.timings.wrap(
      this.scheduler,
      ['scheduleOnce'],
      (method, args) => `${method} ${String(args[0])}`,
    );
    const bullmqTimers = new BullmqSlaTimers(scheduler);
    const timers: SlaTimers = {
      set: async (requestId, at) => {
        await bullmqTimers.set(requestId, at);
        if (!this.timersSet.has(requestId))
          this.timersSet.set(requestId, { at: at.getTime(), setAt: Date.now() });
      },
      clear: (requestId) => bullmqTimers.clear(requestId),
    };
    this.clocks = new SlaClocks({ events, reads, timers });
    this.deliveries = new Deliveries({
      events,
      // E-mail only: the bench measures the pipeline to an SMTP server; nobody has a browser here.
      senders: config.notifications.smtpUrl
        ? { email: new SmtpEmailSender(config.notifications.smtpUrl, config.notifications.mailFrom) }
        : {},
      timers: new BullmqTimers(scheduler, deliveryTimerSettings(config.notifications)),
      maxAttempts: config.notifications.attempts,
    });
    this.notifier = new Notifier({
      events,
      reads,
      rules: new NotificationRules(reads),
      directory: new Directory(reads),
      deliveries: this.timings.wrap(this.deliveries, ['schedule'], (method) => `deliveries.${method}`),
    });
  }

  static async open(config: AppConfig): Promise<BenchWorker> {
    const events = await createEventStore(config);
    const reads = await createReadStore(config).catch(async (error: unknown) => {
      await events.close();
      throw error;
    });
    const worker = new BenchWorker(config, events, reads);
    worker.projections.start();
    return worker;
  }

  /** What went wrong in the background (projections, followers, jobs) so far. */
  problems(): readonly string[] {
    return this.failures;
  }

  /** Stops following the log (a bulk load goes faster without them; they catch up after). */
  pauseProjections(): Promise<void> {
    return this.projections.stop();
  }

  resumeProjections(): void {
    this.projections.start();
  }

  /** Waits until every projection has committed up to the head of the log. */
  async projectionsCaughtUp(timeoutMs: number, onWait?: (lagEvents: number) => void): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { projections } = await this.projections.status();
      const failed = projections.find((projection) => projection.state === 'failed');
      if (failed) throw new Error(`projection ${failed.name} failed: ${failed.lastError?.message ?? '?'}`);
      const lag = projections.reduce((most, projection) => Math.max(most, projection.lagEvents ?? 0), 0);
      if (lag === 0 && projections.every((projection) => projection.state === 'live')) return;
      if (Date.now() > deadline)
        throw new Error(`the projections were still ${lag} events behind after ${timeoutMs / 1000} s`);
      onWait?.(lag);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** The `sla-alarms` handler, as SlaAlarmJobHandler: record what is due and set the next timer. */
  async startAlarmHandler(): Promise<void> {
    const host = new JobWorkerHost({
      redisUrl: this.config.redisUrl,
      prefix: this.config.queuePrefix,
      concurrency: WORKER_CONCURRENCY,
      onError: (error, context) => this.fail(`${context.queue} job ${context.jobId ?? ''}: ${error.message}`),
    });
    host.register({
      queue: SLA_ALARMS_QUEUE,
      jobName: RECORD_DUE_JOB,
      handle: async (data) => {
        const requestId = String(data['requestId']);
        const { recorded } = await this.timings.time('recordDue', () => this.clocks.recordDue(requestId));
        if (recorded > 0) this.alarmsRecorded.add(requestId);
      },
    });
    this.alarmHost = host;
    await host.start();
  }

  async stopAlarmHandler(): Promise<void> {
    await this.alarmHost?.close();
    this.alarmHost = undefined;
  }

  /**
   * The notifier behind its log follower, from the head of the log (as if it had followed
   * everything before), and the `notifications` handler, as DeliveryJobHandler.
   */
  async startNotifications(): Promise<void> {
    await this.reads
      .collection(SAGA_CHECKPOINTS_COLLECTION)
      .put({ _id: 'notifier', position: await this.events.headPosition(), at: new Date().toISOString() });
    const settings = deliveryTimerSettings(this.config.notifications);
    const host = new JobWorkerHost({
      redisUrl: this.config.redisUrl,
      prefix: this.config.queuePrefix,
      concurrency: WORKER_CONCURRENCY,
      onError: (error, context) => this.fail(`${context.queue} job ${context.jobId ?? ''}: ${error.message}`),
    });
    host.register({
      queue: settings.queue,
      jobName: settings.jobName,
      handle: async (data, context) => {
        await this.timings.time('deliveries.attempt', () =>
          this.deliveries.attempt(String(data['subjectId']), context.attempt),
        );
      },
    });
    this.deliveryHost = host;
    await host.start();
    this.notifierFollower = new LogFollower({
      name: 'notifier',
      events: this.events,
      reads: this.reads,
      streamPrefixes: ['service-request-', 'service-level-', ESCALATION_STREAM_PREFIX],
      // As the worker's sagas module follows: 16 streams at a time, each in order.
      concurrency: 16,
      handle: async (recorded) => {
        await this.timings.time('notifier.handle', () => this.notifier.handle(recorded));
      },
      log: { warn: (m) => this.fail(`notifier: ${m}`), error: (m) => this.fail(`notifier: ${m}`) },
    });
    this.notifierFollower.start();
  }

  async stopNotifications(): Promise<void> {
    await this.notifierFollower?.stop();
    this.notifierFollower = undefined;
    await this.deliveryHost?.close();
    this.deliveryHost = undefined;
  }

  /** Stops everything it started and closes the stores; safe after a partial start. */
  async close(): Promise<void> {
    const steps = [
      () => this.stopNotifications(),
      () => this.stopAlarmHandler(),
      () => this.scheduler.close(),
      () => this.projections.stop(),
      () => this.events.close(),
      () => this.reads.close(),
    ];
    for (const step of steps) await step().catch(() => undefined);
  }

  private fail(message: string): void {
    if (this.failures.length < 50) this.failures.push(message);
  }
}
