import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { JobWorkersService } from './jobs/job-workers.service';
import { ProjectionRunnerService } from './projections/projection-runner.service';
import { WorkerStatusPublisher } from './status/worker-status.publisher';

/**
 * Start and stop order. Stopping: announce it, stop taking jobs and let running ones finish, let
 * the projection batch in flight commit, then withdraw the status; the stores close after this
 * (InfrastructureModule's shutdown hook runs after every beforeApplicationShutdown).
 */
@Injectable()
export class WorkerLifecycle implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private started = false;

  constructor(
    private readonly projections: ProjectionRunnerService,
    private readonly jobs: JobWorkersService,
    private readonly status: WorkerStatusPublisher,
  ) {}

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.status.start();
    this.projections.start();
    await this.jobs.start();
    await this.status.setPhase('running');
    this.logger.log({ msg: 'Worker running', instanceId: this.status.instanceId });
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.logger.log({ msg: 'Worker stopping', signal: signal ?? 'close' });
    await this.status.setPhase('stopping');
    await this.jobs.stop();
    await this.projections.stop();
    await this.status.stop();
    this.logger.log('Worker stopped');
  }
}
