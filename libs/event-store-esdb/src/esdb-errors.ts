import {
  type ExpectedRevision,
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
} from '@fieldstream/event-store';
import { fromEsdbCurrentRevision } from './esdb-revision';

/** gRPC status codes the client surfaces when no server answers in time. */
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;

interface ClientErrorShape {
  code?: unknown;
  type?: unknown;
  message?: unknown;
  streamName?: unknown;
  actualVersion?: unknown;
}

function shapeOf(error: unknown): ClientErrorShape {
  return typeof error === 'object' && error !== null ? (error as ClientErrorShape) : {};
}

/**
 * Matched on `type` / `code` / message rather than `instanceof`: inside jest (and with two copies
 * of the client installed) the client's error classes may not be the ones we import, and some
 * connection failures reach us as plain gRPC errors carrying only `code: 14`.
 */
export function isUnavailableError(error: unknown): boolean {
  const shape = shapeOf(error);
  if (shape.type === 'unavailable' || shape.type === 'deadline-exceeded' || shape.type === 'timeout') return true;
  if (shape.code === UNAVAILABLE || shape.code === DEADLINE_EXCEEDED) return true;
  const message = typeof shape.message === 'string' ? shape.message : '';
  return /^(14 UNAVAILABLE|4 DEADLINE_EXCEEDED)\b/.test(message) || /ECONNREFUSED|No connection established/.test(message);
}

export function isWrongExpectedVersionError(error: unknown): boolean {
  return shapeOf(error).type === 'wrong-expected-version';
}

export function isStreamNotFoundError(error: unknown): boolean {
  const type = shapeOf(error).type;
  return type === 'stream-not-found' || type === 'stream-deleted';
}

/** Client errors become the port's errors; anything we cannot classify is rethrown as is. */
export function mapEsdbError(error: unknown, context: { streamName?: string; expected?: ExpectedRevision } = {}): unknown {
  if (error instanceof WrongExpectedRevisionError || error instanceof EventStoreUnavailableError) return error;
  if (isWrongExpectedVersionError(error)) {
    const shape = shapeOf(error);
    const streamName = typeof shape.streamName === 'string' && shape.streamName ? shape.streamName : context.streamName;
    const actual = shape.actualVersion;
    return new WrongExpectedRevisionError(
      streamName ?? '(unknown stream)',
      context.expected ?? 'any',
      fromEsdbCurrentRevision(typeof actual === 'bigint' || actual === 'no_stream' ? actual : undefined),
    );
  }
  if (isUnavailableError(error)) {
    const message = typeof shapeOf(error).message === 'string' ? String(shapeOf(error).message) : String(error);
    return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${message}`, { cause: error });
  }
  return error;
}
