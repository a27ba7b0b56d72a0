export * from './free-port';
export * from './temp-dir';
export * from './wait-for';
export * from './start-redis';
