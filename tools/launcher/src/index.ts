export * from './start-system';
export * from './ensure-redis';
export * from './first-run.hook';
