import { type AppConfig, InfrastructureModule } from '@fieldstream/infrastructure';
import { type AnyProjection, builtInProjections } from '@fieldstream/projections';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkersService } from './jobs/job-workers.service';
import { PROJECTIONS, ProjectionRunnerService } from './projections/projection-runner.service';
import { WorkerStatusPublisher } from './status/worker-status.publisher';
import { WorkerLifecycle } from './worker-lifecycle.service';

export interface WorkerModuleOptions {
  /** Projections to run; the built-in ones by default (domain modules add theirs). */
  projections?: readonly AnyProjection[];
  /** Feature modules whose @QueueJobHandler() providers the worker runs. */
  features?: Type[];
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [InfrastructureModule.forRoot(config), DiscoveryModule, ...(options.features ?? [])],
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
