export * from './config/environment-variables';
export * from './stores/create-stores';
export * from './redis/create-redis-connection';
export * from './logging/json-logger';
export * from './infrastructure.tokens';
export * from './infrastructure.module';
export * from './worker-status/worker-status';
export * from './process/run-until-signalled';
