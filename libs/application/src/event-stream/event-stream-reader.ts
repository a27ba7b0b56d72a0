import {
  EVENT_PAGE_DEFAULT_LIMIT,
  type EventCategoryName,
  type FieldstreamCloudEvent,
} from '@fieldstream/api-contract';
import type { Principal, Role } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { ForbiddenError } from '../errors';
import { selectEvents } from './event-selection';
import { toCloudEvent } from './to-cloud-event';

/** Which part of the published log, from where. */
export interface EventStreamQuery {
  /** Exclusive; omitted: from the start of the log. */
  after?: number;
  category?: EventCategoryName;
  /** CloudEvents types. */
  types?: readonly string[];
}

export interface EventPage {
  /** In position order; fewer than asked when the page read events not selected (or reached the head). */
  events: FieldstreamCloudEvent[];
  /** The `after` of the next page: past every event this page read, shown or not. */
  next: number;
  /** The log's last position when the page was read; `next >= head` means the reader is caught up. */
  head: number;
}

/**
 * The whole published log is the integrators': administrators and auditors read it too. Scoped
 * roles (a centre's desk, a customer) and devices are refused rather than filtered, since most
 * events of a category are someone else's.
 */
const READERS: ReadonlySet<Role> = new Set<Role>(['admin', 'auditor', 'integrator']);

export function assertMayReadEventStream(principal: Principal): void {
  if (!READERS.has(principal.role))
    throw new ForbiddenError(`A ${principal.role} may not read the event stream`);
}

/** The integrators' event stream: the published categories of the log as CloudEvents, paged or followed live. */
export class EventStreamReader {
  constructor(private readonly events: EventStore) {}

  async page(principal: Principal, query: EventStreamQuery & { limit?: number }): Promise<EventPage> {
    assertMayReadEventStream(principal);
    const selection = selectEvents(query.category, query.types);
    const after = query.after ?? 0;
    const limit = query.limit ?? EVENT_PAGE_DEFAULT_LIMIT;
    // The head first: every event up to it is visible to the read that follows, so a short page
    // means the read went past it, and the next page may start there.
    const head = await this.events.headPosition();
    const read = await this.events.readAll({
      after,
      maxCount: limit,
      streamPrefixes: selection.streamPrefixes,
      ...(selection.eventTypes ? { eventTypes: selection.eventTypes } : {}),
    });
    const last = read.at(-1)?.position ?? after;
    const next = read.length === limit ? last : Math.max(after, head, last);
    return {
      events: read.flatMap((event) => {
        const type = selection.pick(event);
        return type === undefined ? [] : [toCloudEvent(event, type)];
      }),
      next,
      head: Math.max(head, next),
    };
  }

  /**
   * Catches up from `after`, then follows live, with no gap and no duplicate across the switch (the
   * store's subscription). Refusals (access, a bad selection) are thrown here, before the first
   * event, so that an HTTP caller still answers them as problems. Aborting `signal` ends it.
   */
  follow(
    principal: Principal,
    query: EventStreamQuery,
    signal: AbortSignal,
  ): AsyncIterable<FieldstreamCloudEvent> {
    assertMayReadEventStream(principal);
    const selection = selectEvents(query.category, query.types);
    const subscription = this.events.subscribeToAll({
      ...(query.after === undefined ? {} : { after: query.after }),
      streamPrefixes: selection.streamPrefixes,
      ...(selection.eventTypes ? { eventTypes: selection.eventTypes } : {}),
      signal,
    });
    return (async function* () {
      try {
        for await (const event of subscription) {
          const type = selection.pick(event);
          if (type !== undefined) yield toCloudEvent(event, type);
        }
      } finally {
        await subscription.close();
      }
    })();
  }
}
