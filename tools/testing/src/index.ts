export { freePort } from '@fieldstream/network';
export * from './temp-dir';
export * from './wait-for';
export * from './start-redis';
export * from './start-mqtt-broker';
