import type { Position } from '@eventstore/db-client';

/**
 * How an EventStoreDB `{commit, prepare}` position becomes the port's single number, and back.
 *
 * The port wants one number per event, strictly increasing in `$all` order. `$all` is ordered by
 * `(commit, prepare)`. The events of one multi-event append share a commit position (the log
 * position of the append's first record) and each has its own prepare position (the log position
 * of its own record), so the commit position alone is not unique, while the prepare position is:
 * since EventStoreDB 20 every append is an implicit transaction written contiguously in the log,
 * so prepare positions grow in `$all` order. We therefore use the prepare position as the port's
 * number. (Explicit transactions of the long-removed TCP API could interleave records; a log
 * written that way would break this mapping, and we do not support it.) Byte offsets stay far
 * below 2^53 (8 PiB of log), which we check rather than assume.
 *
 * Going back is the delicate part. The server starts a read only at the start of a record (any
 * other number is an "invalid position"), callers may pass any number (`position - 1` is a common
 * idiom), and a prepare position alone does not give its event's commit position: starting at
 * `{commit: p, prepare: p}` would even skip the rest of an append that began before `p`. So the
 * adapter starts at a real record known to be on the right side of `p` (one it has seen, see
 * PositionIndex, or one found by a one-record backward read, see `startAround`), and drops every
 * event whose prepare position is not beyond `p`. With prepare positions growing in `$all` order,
 * "after p" and "prepare > p" are the same test, whatever the inclusiveness of the client's
 * `fromPosition` (inclusive for reads, exclusive for subscriptions).
 */
export function toPortPosition(position: Position): number {
  const value = Number(position.prepare);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(
      `EventStoreDB prepare position ${position.prepare} cannot be a safe JavaScript number`,
    );
  }
  return value;
}

/**
 * Where to start reading so that every event after (forwards) or before (backwards) the port
 * position `after` is met, given the last record before `{commit: after, prepare: after}` in `$all`
 * order (one record read backwards from there, system records included; the server answered, so
 * that position is the start of a record and valid to read from).
 * - Backwards: from `{after, after}` itself. Every event with a smaller prepare position lies
 *   before it, including earlier events of an append that spans `after` (their commit position is
 *   smaller), and whether the read includes its start or not, the caller drops prepare >= after.
 * - Forwards: appends are contiguous in the log, so that record is either an event before
 *   `after` (start there) or a later event of an append that began before `after` and spans it
 *   (start at that append's first event, whose prepare position is the append's commit position;
 *   `{after, after}` would skip the rest of the append, whose commit positions are smaller).
 */
export function startAround(
  after: bigint,
  lastRecordBefore: Position | undefined,
  forwards: boolean,
): Position | 'start' {
  if (lastRecordBefore === undefined) return 'start';
  if (!forwards) return { commit: after, prepare: after };
  if (lastRecordBefore.prepare <= after) return lastRecordBefore;
  return { commit: lastRecordBefore.commit, prepare: lastRecordBefore.commit };
}

/** A port position, validated, as the bigint prepare position it stands for. */
export function fromPortPosition(position: number): bigint {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`A position must be a non-negative integer, got ${String(position)}`);
  }
  return BigInt(position);
}
