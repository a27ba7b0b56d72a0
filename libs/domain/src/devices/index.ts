export * from './device-signal.schema';
export * from './device.decider';
