/**
 * Store-neutral vocabulary for optimistic concurrency, the same words EventStoreDB uses.
 * Every adapter maps these to its own driver inside; callers never see a driver's constants.
 */
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;
export const ANY = 'any' as const;

/**
 * What the caller believes about the stream before appending:
 * - `NO_STREAM`: it has no event yet;
 * - `STREAM_EXISTS`: it has at least one event;
 * - `ANY`: no check;
 * - a number: the revision of its last event (revisions count from 0, as in EventStoreDB).
 */
export type ExpectedRevision = typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY | number;

/** The actual state of a stream, as reported in a conflict: its last revision, or `NO_STREAM`. */
export type ActualRevision = typeof NO_STREAM | number;

export function describeRevision(revision: ExpectedRevision | ActualRevision): string {
  return typeof revision === 'number' ? `revision ${revision}` : revision;
}
