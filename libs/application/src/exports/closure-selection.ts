import { type ServiceRequestEvent, serviceRequestStreamName } from '@fieldstream/domain';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import { type ExportPeriod, isWithin } from './export-period';

type Closed = Extract<ServiceRequestEvent, { type: 'ServiceRequestClosed' }>;
export type ClosureRecorded = RecordedEvent & { type: Closed['type']; data: Closed['data'] };

const CLOSED: Closed['type'] = 'ServiceRequestClosed';
const REQUEST_STREAMS = serviceRequestStreamName('');
/** Closures read from the log per page: the store filters by type, so a page is all closures. */
const PAGE = 1000;

/** Which closures, in log order: after a position, up to one, in a period, at most so many. */
export interface ClosureSelection {
  /** Exclusive. */
  after: number;
  /** Inclusive: a past run's range ends here. */
  through?: number;
  period?: ExportPeriod;
  limit: number;
}

export interface SelectedClosures {
  closures: ClosureRecorded[];
  /** Closures the selection takes were left for the next call (the limit was reached). */
  hasMore: boolean;
}

/** A closure of ours: the store's filter lets through any event of that type name in those streams. */
function isClosure(event: RecordedEvent): event is ClosureRecorded {
  const data = event.data as Partial<Closed['data']>;
  return (
    event.type === CLOSED &&
    event.streamName.startsWith(REQUEST_STREAMS) &&
    typeof data.requestId === 'string' &&
    typeof data.at === 'string' &&
    typeof data.actuals === 'object' &&
    data.actuals !== null &&
    typeof data.estimate === 'object' &&
    data.estimate !== null
  );
}

/**
 * The closures of service requests in log order, straight from the log (the truth: a read model
 * could lag behind a closure and a cursor would then step over it). The log's order is the order
 * of commits, so a cursor moved past a closure never leaves an earlier one unseen behind it. A
 * period is judged on each closure's own time (`at`), since the log's order is not the world's.
 */
export async function selectClosures(
  events: EventStore,
  selection: ClosureSelection,
): Promise<SelectedClosures> {
  const closures: ClosureRecorded[] = [];
  for (let after = selection.after; ;) {
    const page = await events.readAll({
      after,
      maxCount: PAGE,
      eventTypes: [CLOSED],
      streamPrefixes: [REQUEST_STREAMS],
    });
    for (const event of page) {
      if (selection.through !== undefined && event.position > selection.through)
        return { closures, hasMore: false };
      if (!isClosure(event)) continue;
      if (selection.period !== undefined && !isWithin(selection.period, event.data.at)) continue;
      if (closures.length === selection.limit) return { closures, hasMore: true };
      closures.push(event);
    }
    if (page.length < PAGE) return { closures, hasMore: false };
    after = page[page.length - 1]!.position;
  }
}
