import {
  type ExpectedRevision,
  EventStoreUnavailableError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '@fieldstream/event-store';
import { fromEsdbCurrentRevision } from './esdb-revision';

/** gRPC status codes the client surfaces when no server answers in time. */
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;
/** The call was cancelled (a closing channel, a dropped connection during a cluster election). */
const CANCELLED = 1;

interface ClientErrorShape {
  code?: unknown;
  type?: unknown;
  message?: unknown;
  streamName?: unknown;
  actualVersion?: unknown;
  leader?: unknown;
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
  const transient = ['unavailable', 'deadline-exceeded', 'timeout', 'cancelled'];
  if (typeof shape.type === 'string' && transient.includes(shape.type)) return true;
  if (shape.code === UNAVAILABLE || shape.code === DEADLINE_EXCEEDED || shape.code === CANCELLED) return true;
  const message = typeof shape.message === 'string' ? shape.message : '';
  return (
    /^(14 UNAVAILABLE|4 DEADLINE_EXCEEDED|1 CANCELLED)\b/.test(message) ||
    /ECONNREFUSED|No connection established/.test(message)
  );
}

export function isWrongExpectedVersionError(error: unknown): boolean {
  return shapeOf(error).type === 'wrong-expected-version';
}

export function isStreamNotFoundError(error: unknown): boolean {
  const type = shapeOf(error).type;
  return type === 'stream-not-found' || type === 'stream-deleted';
}

function messageOf(error: unknown): string {
  const message = shapeOf(error).message;
  return typeof message === 'string' && message ? message : String(error);
}

function leaderOf(error: unknown): string {
  const leader = shapeOf(error).leader as { address?: unknown; port?: unknown } | undefined;
  return leader && typeof leader.address === 'string'
    ? ` (the leader is ${leader.address}:${String(leader.port)})`
    : '';
}

/**
 * Client errors become the port's errors; anything we cannot classify is rethrown as is.
 *
 * - Not leader: this node refuses writes while another node leads (during or after an election),
 *   so to the caller the store is unavailable for now; a `esdb+discover://` connection string or
 *   `nodePreference=leader` makes the client follow the leader.
 * - Cancelled / deadline exceeded: no answer arrived in time; the append may or may not have been
 *   written, which is exactly what "unavailable" tells the caller (retry with the same ids).
 * - Access denied: nothing the caller can change per request; the deployment's credentials lack
 *   rights, so the store is unavailable to this service until they are fixed.
 * - Stream deleted (on append): the stream was hard-deleted (tombstoned) and the server refuses any
 *   further write to it, forever. That is not WrongExpectedRevisionError: a conflict invites
 *   re-reading and re-deciding, which here would loop on a refusal that cannot change. The append
 *   names a stream that can no longer be written, so it is an invalid append on `streamName`.
 *   (A soft-deleted stream is not refused: the server recreates it on the next append.)
 */
export function mapEsdbError(
  error: unknown,
  context: { streamName?: string; expected?: ExpectedRevision } = {},
): unknown {
  if (error instanceof WrongExpectedRevisionError || error instanceof EventStoreUnavailableError)
    return error;
  const type = shapeOf(error).type;
  if (type === 'stream-deleted') {
    const named = shapeOf(error).streamName;
    const streamName =
      typeof named === 'string' && named ? named : (context.streamName ?? '(unknown stream)');
    return new InvalidAppendError(
      `Stream ${streamName} was deleted and can no longer be appended to`,
      'streamName',
    );
  }
  if (type === 'not-leader') {
    return new EventStoreUnavailableError(
      `EventStoreDB is unavailable: the node is not the leader${leaderOf(error)}`,
      { cause: error },
    );
  }
  if (type === 'access-denied') {
    return new EventStoreUnavailableError(
      `EventStoreDB refused access: the configured credentials lack rights for this operation (${messageOf(error)})`,
      { cause: error },
    );
  }
  if (isWrongExpectedVersionError(error)) {
    const shape = shapeOf(error);
    const streamName =
      typeof shape.streamName === 'string' && shape.streamName ? shape.streamName : context.streamName;
    const actual = shape.actualVersion;
    return new WrongExpectedRevisionError(
      streamName ?? '(unknown stream)',
      context.expected ?? 'any',
      fromEsdbCurrentRevision(typeof actual === 'bigint' || actual === 'no_stream' ? actual : undefined),
    );
  }
  if (isUnavailableError(error)) {
    return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${messageOf(error)}`, {
      cause: error,
    });
  }
  return error;
}
