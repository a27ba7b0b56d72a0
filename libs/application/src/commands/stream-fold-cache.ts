import type { EventStore } from '@fieldstream/event-store';
import { LRUCache } from 'lru-cache';

/** A stream folded up to `version`, by the decider that folded it. */
export interface FoldedStream<State> {
  decider: object;
  state: State;
  /** Number of events folded into `state`. */
  version: number;
  /**
   * Ids of events known to be in the stream. Shared and only ever added to: a stream is
   * append-only, so an id once seen there stays there whatever version a reader folded to.
   */
  ids: Set<string>;
}

/** Streams kept per store: enough for a busy day's requests, schedules and referenced records. */
const MAX_STREAMS = 20_000;

const caches = new WeakMap<EventStore, LRUCache<string, FoldedStream<unknown>>>();

function cacheOf(store: EventStore): LRUCache<string, FoldedStream<unknown>> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new LRUCache({ max: MAX_STREAMS })));
  return cache;
}

/**
 * Folded streams, so that a command reads only the events appended since the stream was last
 * folded in this process, usually none: one indexed lookup instead of reading, parsing and folding
 * the whole stream on every command (a technician's week holds hundreds of bookings, a request a
 * dozen events, and every opening checks four or five master-data records).
 *
 * Nothing is ever stale in a way that matters: events never change or disappear, so a fold up to
 * version N stays the truth up to N, and every reader reads on from N. Another process appending
 * meanwhile is seen by that read, and a writer deciding on an old fold is refused by the expected
 * revision of its append as it would be without the cache.
 *
 * States are shared between callers, so deciders' `evolve` and every caller must treat them as
 * immutable (they do: evolve copies what it changes). Under test, kept states are frozen so that
 * a mutation anywhere fails loudly instead of corrupting another command's view.
 */
export const streamFoldCache = {
  get<State>(store: EventStore, streamName: string, decider: object): FoldedStream<State> | undefined {
    const folded = cacheOf(store).get(streamName);
    return folded && folded.decider === decider ? (folded as FoldedStream<State>) : undefined;
  },

  /** Keeps a fold unless one further along is already kept (concurrent readers finish in any order). */
  remember<State>(store: EventStore, streamName: string, folded: FoldedStream<State>): void {
    const cache = cacheOf(store);
    const kept = cache.peek(streamName);
    if (kept && kept.decider === folded.decider && kept.version >= folded.version) return;
    if (FREEZE) deepFreeze(folded.state);
    cache.set(streamName, folded as FoldedStream<unknown>);
  },
};

const FREEZE = process.env['NODE_ENV'] === 'test';

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
