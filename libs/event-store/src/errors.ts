import { type ActualRevision, type ExpectedRevision, describeRevision } from './expected-revision';

/** The one conflict error every adapter raises when the expected revision does not hold. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  readonly code = 'wrong_expected_revision';

  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(
      `Stream ${streamName}: expected ${describeRevision(expected)}, but the stream is at ${describeRevision(actual)}`,
    );
  }
}

/** Raised before anything is written when an append breaks a limit or a syntax rule. */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
  readonly code = 'invalid_append';

  constructor(
    message: string,
    /** Which part of the append is at fault: `streamName`, `events`, `events[3].data`, ... */
    readonly field: string,
  ) {
    super(message);
  }
}

/** Raised when read or subscription options are malformed (page size, positions, filters). */
export class InvalidReadError extends Error {
  override readonly name = 'InvalidReadError';
  readonly code = 'invalid_read';

  constructor(
    message: string,
    /** Which option is at fault: `maxCount`, `after`, `streamPrefixes[1]`, ... */
    readonly field: string,
  ) {
    super(message);
  }
}

/** The store cannot be reached or answered with a failure that is not the caller's fault. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  readonly code = 'event_store_unavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
