export * from './repeat-coalescer';
export * from './device-signals.service';
export * from './device-requests.saga';
export * from './device-watchdog';
export * from './device-queries';
