export * from './start-system';
export * from './ensure-redis';
