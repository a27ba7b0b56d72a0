import type { PreventiveRun } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { ForbiddenError } from '../errors';

const READERS: ReadonlySet<Principal['role']> = new Set(['admin', 'manager', 'dispatcher', 'auditor']);

/** The preventive runs' reports, newest first, read straight from the log (they are events). */
export class PreventiveQueries {
  constructor(private readonly events: EventStore) {}

  async runs(principal: Principal, limit = 20): Promise<PreventiveRun[]> {
    if (!READERS.has(principal.role)) {
      throw new ForbiddenError('The preventive runs are for the desk, management and auditors');
    }
    const recorded = await this.events.readAll({
      direction: 'backwards',
      maxCount: limit,
      eventTypes: ['PreventiveRunCompleted'],
      streamPrefixes: ['preventive-runs-'],
    });
    return recorded.map((event) => event.data as unknown as PreventiveRun);
  }
}
