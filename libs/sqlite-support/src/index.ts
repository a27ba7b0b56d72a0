export { DatabaseLockedError, openWalDatabase, type OpenWalDatabaseOptions } from './open-wal-database';
export { backoffMs, isBusyError, retryBusy, retryBusySync, sleep, sleepSync } from './sqlite-busy';
