/**
 * The worker's clock, injectable so a test can stand at the world's edge and set the time
 * (a Friday evening before a holiday) while timers still wait in real milliseconds.
 */
export const WORKER_CLOCK = 'WORKER_CLOCK';
export const systemClock = (): Date => new Date();
