import { type AppConfig, InfrastructureModule } from '@fieldstream/infrastructure';
import { type AnyProjection, builtInProjections } from '@fieldstream/projections';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkersService } from './jobs/job-workers.service';
import { PROJECTIONS, ProjectionRunnerService } from './projections/projection-runner.service';
import { WorkerStatusPublisher } from './status/worker-status.publisher';
import { WorkerLifecycle } from './worker-lifecycle.service';
import { DevicesModule } from './devices/devices.module';
import { SagasModule } from './sagas/sagas.module';
import { WebhookSubscriptionsModule } from './webhook-subscriptions/webhook-subscriptions.module';
import { WORKER_CLOCK, systemClock } from './worker-clock';

export interface WorkerModuleOptions {
  /** Projections to run; the built-in ones by default (domain modules add theirs). */
  projections?: readonly AnyProjection[];
  /** Feature modules whose @QueueJobHandler() providers the worker runs (default: the sagas). */
  features?: Type[];
  /** The clock sagas read; a test's own at the world's edge. */
  now?: () => Date;
}

/** The sagas, the devices' intake and the webhooks every worker runs unless a test names its own features. */
export const BUILT_IN_FEATURES: Type[] = [SagasModule, DevicesModule, WebhookSubscriptionsModule];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        InfrastructureModule.forRoot(config),
        {
          module: class WorkerClockModule {},
          global: true,
          providers: [{ provide: WORKER_CLOCK, useValue: options.now ?? systemClock }],
          exports: [WORKER_CLOCK],
        },
        DiscoveryModule,
        ...(options.features ?? BUILT_IN_FEATURES),
      ],
      providers: [
        { provide: PROJECTIONS, useValue: options.projections ?? builtInProjections },
        ProjectionRunnerService,
        JobWorkersService,
        WorkerStatusPublisher,
        WorkerLifecycle,
      ],
      exports: [WorkerLifecycle, WorkerStatusPublisher],
    };
  }
}
