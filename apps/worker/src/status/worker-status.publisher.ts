import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@fieldstream/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  EVENT_STORE,
  publishWorkerStatus,
  REDIS,
  removeWorkerStatus,
  type WorkerStatusReport,
} from '@fieldstream/infrastructure';
import { probeRedis } from '@fieldstream/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { JobWorkersService } from '../jobs/job-workers.service';
import { ProjectionRunnerService } from '../projections/projection-runner.service';

/**
 * States in which a projection is following the log. Not 'disconnected' (its subscription is
 * reconnecting to an unreachable store, or was stopped), nor 'failed', 'starting' or 'stopped'.
 */
const ALIVE_STATES = new Set(['live', 'catching-up']);

/** Writes this worker's status to Redis every interval (see WorkerStatusReport for the scheme). */
@Injectable()
export class WorkerStatusPublisher {
  private readonly logger = new Logger('WorkerStatus');
  readonly instanceId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly startedAt = new Date().toISOString();
  private phase: WorkerStatusReport['phase'] = 'starting';
  private timer: NodeJS.Timeout | null = null;
  private publishing: Promise<void> = Promise.resolve();
  private lastFailure: string | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projections: ProjectionRunnerService,
    private readonly jobs: JobWorkersService,
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.config.workerStatusIntervalMs);
  }

  setPhase(phase: WorkerStatusReport['phase']): Promise<void> {
    this.phase = phase;
    return this.tick();
  }

  /** Stops reporting and removes the key, so the API stops counting this worker at once. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.publishing;
    await removeWorkerStatus(this.redis, this.config.queuePrefix, this.instanceId).catch(() => undefined);
  }

  async report(): Promise<WorkerStatusReport> {
    const [runner, eventStore, redis] = await Promise.all([
      this.projections.status(),
      this.eventStore.health().catch((error: unknown) => ({
        ok: false,
        adapter: 'unknown',
        detail: error instanceof Error ? error.message : String(error),
      })),
      probeRedis(this.redis),
    ]);
    const states = Object.fromEntries(
      runner.projections.map((projection) => [projection.name, projection.state]),
    );
    return {
      instanceId: this.instanceId,
      pid: process.pid,
      hostname: hostname(),
      startedAt: this.startedAt,
      reportedAt: new Date().toISOString(),
      phase: this.phase,
      projectionsRunning: runner.running,
      projections: runner.projections.map((p) => ({
        name: p.name,
        version: p.version,
        state: p.state,
        checkpoint: p.checkpoint,
        headPosition: p.headPosition,
        lagEvents: p.lagEvents,
        lagMs: p.lagMs,
        eventsPerSecond: p.eventsPerSecond,
        consecutiveFailures: p.consecutiveFailures,
        ...(p.lastError ? { lastError: p.lastError } : {}),
        // Beyond WorkerProjectionReport's fields for now: what the subscription itself says.
        subscription: p.subscription,
      })),
      subscription: {
        alive: runner.running && runner.projections.every((projection) => ALIVE_STATES.has(projection.state)),
        states,
      },
      eventStore,
      queues: this.jobs.status(),
      redis,
    };
  }

  /** Serialised: a slow Redis never stacks up overlapping writes. */
  private tick(): Promise<void> {
    this.publishing = this.publishing.then(async () => {
      try {
        const report = await this.report();
        await publishWorkerStatus(
          this.redis,
          this.config.queuePrefix,
          report,
          this.config.workerStatusIntervalMs,
        );
        if (this.lastFailure) this.logger.log('Publishing the worker status again');
        this.lastFailure = null;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Logged once per outage, not once per beat.
        if (this.lastFailure === null) this.logger.warn(`Cannot publish the worker status: ${message}`);
        this.lastFailure = message;
      }
    });
    return this.publishing;
  }
}
