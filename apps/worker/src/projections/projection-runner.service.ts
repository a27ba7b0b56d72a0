import { EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { EventStore } from '@fieldstream/event-store';
import { type AnyProjection, ProjectionRunner, type RunnerStatus } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { Inject, Injectable, Logger } from '@nestjs/common';

export const PROJECTIONS = 'PROJECTIONS';

/** The worker's projection runner over the injected stores. */
@Injectable()
export class ProjectionRunnerService {
  private readonly logger = new Logger('Projections');
  private readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(PROJECTIONS) projections: readonly AnyProjection[],
  ) {
    this.runner = new ProjectionRunner({
      eventStore,
      readStore,
      projections,
      logger: {
        log: (message) => this.logger.log(message),
        warn: (message) => this.logger.warn(message),
        error: (message) => this.logger.error(message),
      },
    });
  }

  start(): void {
    this.runner.start();
  }

  /** Finishes the batch in flight, then stops following the log. */
  stop(): Promise<void> {
    return this.runner.stop();
  }

  status(): Promise<RunnerStatus> {
    return this.runner.status();
  }
}
