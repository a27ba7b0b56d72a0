/** Injection tokens: application code asks for the ports, never for an adapter class. */
export const APP_CONFIG = 'APP_CONFIG';
export const EVENT_STORE = 'EVENT_STORE';
export const READ_STORE = 'READ_STORE';
/** A general-purpose ioredis connection (status, health); BullMQ keeps its own. */
export const REDIS = 'REDIS';
