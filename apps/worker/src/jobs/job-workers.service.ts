import { APP_CONFIG, type AppConfig } from '@fieldstream/infrastructure';
import { type JobHandler, JobWorkerHost, type QueueWorkerStatus } from '@fieldstream/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { QueueJobHandler } from './job-handler.decorator';

function isJobHandler(value: unknown): value is JobHandler {
  const candidate = value as Partial<JobHandler> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.queue === 'string' &&
    typeof candidate.jobName === 'string' &&
    typeof candidate.handle === 'function'
  );
}

/** Finds the @QueueJobHandler() providers and runs them on BullMQ workers. */
@Injectable()
export class JobWorkersService {
  private readonly logger = new Logger('Jobs');
  private host: JobWorkerHost | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    const host = new JobWorkerHost({
      redisUrl: this.config.redisUrl,
      prefix: this.config.queuePrefix,
      onError: (error, context) =>
        this.logger.error(
          { msg: `Job failure on ${context.queue}: ${error.message}`, ...context },
          error.stack,
        ),
    });
    for (const wrapper of this.discovery.getProviders({ metadataKey: QueueJobHandler.KEY })) {
      const instance: unknown = wrapper.instance;
      if (!isJobHandler(instance)) {
        throw new Error(
          `${wrapper.name} is marked @QueueJobHandler() but has no queue, jobName and handle()`,
        );
      }
      host.register(instance);
      this.logger.log(`Handling ${instance.queue}/${instance.jobName} with ${wrapper.name}`);
    }
    this.host = host;
    await host.start();
  }

  status(): QueueWorkerStatus[] {
    return this.host?.status() ?? [];
  }

  /** Stops taking jobs and lets the running ones finish. */
  async stop(): Promise<void> {
    await this.host?.close();
  }
}
