import {
  ANY as ESDB_ANY,
  NO_STREAM as ESDB_NO_STREAM,
  STREAM_EXISTS as ESDB_STREAM_EXISTS,
  type AppendExpectedRevision,
  type CurrentRevision,
} from '@eventstore/db-client';
import {
  ANY,
  type ActualRevision,
  type ExpectedRevision,
  InvalidAppendError,
  NO_STREAM,
  STREAM_EXISTS,
} from '@fieldstream/event-store';

/** The port's expected revision in the client's words (the same words; revisions become bigint). */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case NO_STREAM:
      return ESDB_NO_STREAM;
    case STREAM_EXISTS:
      return ESDB_STREAM_EXISTS;
    case ANY:
      return ESDB_ANY;
    default:
      if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) {
        return BigInt(expected);
      }
      throw new InvalidAppendError(
        `expected must be NO_STREAM, STREAM_EXISTS, ANY or a revision (an integer >= 0), got ${String(expected)}`,
        'expected',
      );
  }
}

/** The client's view of a stream's state, as the port reports it in a conflict. */
export function fromEsdbCurrentRevision(current: CurrentRevision | undefined): ActualRevision {
  if (current === undefined || current === ESDB_NO_STREAM) return NO_STREAM;
  return revisionToNumber(current);
}

export function revisionToNumber(revision: bigint): number {
  const value = Number(revision);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`EventStoreDB revision ${revision} cannot be a safe JavaScript number`);
  }
  return value;
}
