export * from './create-api-app';
export * from './app.module';
export * from './problem/problem-mapping';
export * from './problem/zod-validation.pipe';
export * from './health/system-health.service';
