import type { ServiceRequestEvent } from '@fieldstream/domain';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import { runBounded } from '../import/run-bounded';
import type { ClosureRecorded } from './closure-selection';

type Opened = Extract<ServiceRequestEvent, { type: 'ServiceRequestOpened' }>['data'];

/** The earlier closure a later one supersedes, and why the request was reopened in between. */
export interface SupersededClosure {
  position: number;
  closureSequence: number;
  closedAt: string;
  reopenedAt?: string;
  reopenReason?: string;
}

/** What a closure means, read from its request's stream up to it. */
export interface ClosureFacts {
  closure: ClosureRecorded;
  opened: Opened;
  /** 1 for the request's first closure, 2 for the one after a reopening, … */
  sequence: number;
  previous?: SupersededClosure;
  /** Assigned at closing, or on site in this round of work (since the opening or the last reopening). */
  technicianCodes: string[];
}

const PAGE = 1000;
/** Streams read at once: enough to hide each read's latency, few enough not to crowd the store. */
const PARALLEL_READS = 8;

/**
 * Folds a request's history up to one of its closures. Pure: the history is the stream's events
 * from its first, in order, at least up to the closure's revision.
 */
export function closureFacts(history: readonly RecordedEvent[], closure: ClosureRecorded): ClosureFacts {
  let opened: Opened | undefined;
  let sequence = 0;
  let previous: SupersededClosure | undefined;
  let onSite = new Set<string>();
  for (const recorded of history) {
    if (recorded.revision > closure.revision) break;
    const event = { type: recorded.type, data: recorded.data } as unknown as ServiceRequestEvent;
    switch (event.type) {
      case 'ServiceRequestOpened':
        opened = event.data;
        break;
      case 'ServiceRequestWorkStarted':
        onSite.add(event.data.technicianCode);
        break;
      case 'ServiceRequestReopened':
        // A new round of work: whoever comes now is assigned afresh.
        onSite = new Set();
        if (previous) previous = { ...previous, reopenedAt: event.data.at, reopenReason: event.data.reason };
        break;
      case 'ServiceRequestClosed':
        sequence += 1;
        if (recorded.revision < closure.revision)
          previous = { position: recorded.position, closureSequence: sequence, closedAt: event.data.at };
        break;
      default:
        break;
    }
  }
  if (!opened) throw new Error(`Stream ${closure.streamName} has a closure but no opening`);
  return {
    closure,
    opened,
    sequence,
    ...(previous && { previous }),
    technicianCodes: [...new Set([...closure.data.estimate.technicianCodes, ...onSite])].sort(),
  };
}

async function historyUpTo(
  events: EventStore,
  streamName: string,
  revision: number,
): Promise<RecordedEvent[]> {
  const history: RecordedEvent[] = [];
  while (history.length <= revision) {
    const page = await events.readStream(streamName, { fromRevision: history.length, maxCount: PAGE });
    history.push(...page);
    if (page.length < PAGE) break;
  }
  return history;
}

/** The facts of each closure, in the closures' order; each request's stream is read once. */
export async function readClosureFacts(
  events: EventStore,
  closures: readonly ClosureRecorded[],
): Promise<ClosureFacts[]> {
  const upTo = new Map<string, number>();
  for (const closure of closures)
    upTo.set(closure.streamName, Math.max(upTo.get(closure.streamName) ?? 0, closure.revision));
  const histories = new Map<string, RecordedEvent[]>();
  await runBounded([...upTo.entries()], PARALLEL_READS, async ([streamName, revision]) => {
    histories.set(streamName, await historyUpTo(events, streamName, revision));
  });
  return closures.map((closure) => closureFacts(histories.get(closure.streamName)!, closure));
}
