import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface FirstRunContext {
  url: string;
  dataDir: string;
}

/** True before the embedded event store exists: the very first `npm start` on this data dir. */
export function isFirstRun(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'events.sqlite'));
}

/**
 * Hook for seeding demo data on the first run (next issue: demo customers, technicians, service
 * requests through the API's commands). Runs once the system is ready; deliberately empty now.
 */
export async function seedDemoDataOnFirstRun(_context: FirstRunContext): Promise<void> {
  return;
}
