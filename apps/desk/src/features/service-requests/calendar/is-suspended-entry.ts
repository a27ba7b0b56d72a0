import type { AgendaEntry } from '@fieldstream/api-contract';

/** Displaced by an emergency, or on a request put on hold: it holds no time now. */
export function isSuspendedEntry(entry: AgendaEntry): boolean {
  return entry.status === 'suspended' || entry.request?.status === 'suspended';
}
