export * from './start-system';
export * from './ensure-redis';
export * from './free-port';
