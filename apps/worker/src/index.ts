export * from './create-worker';
export * from './worker.module';
export * from './jobs/job-handler.decorator';
export * from './status/worker-status.publisher';
