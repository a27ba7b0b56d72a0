import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  ANY as ESDB_ANY,
  NO_STREAM as ESDB_NO_STREAM,
  NotLeaderError,
  STREAM_EXISTS as ESDB_STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  ANY,
  EventStoreUnavailableError,
  InvalidAppendError,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedRevisionError,
} from '@fieldstream/event-store';
import { isStreamNotFoundError, isUnavailableError, mapEsdbError } from './esdb-errors';
import { fromEsdbCurrentRevision, toEsdbExpectedRevision } from './esdb-revision';

describe('expected revisions', () => {
  it("maps the port's words to the client's, revisions to bigint", () => {
    expect(toEsdbExpectedRevision(NO_STREAM)).toBe(ESDB_NO_STREAM);
    expect(toEsdbExpectedRevision(STREAM_EXISTS)).toBe(ESDB_STREAM_EXISTS);
    expect(toEsdbExpectedRevision(ANY)).toBe(ESDB_ANY);
    expect(toEsdbExpectedRevision(0)).toBe(0n);
    expect(toEsdbExpectedRevision(41)).toBe(41n);
  });

  it('refuses anything else, naming the field', () => {
    for (const bad of [-1, 1.5, Number.NaN, 'sometimes']) {
      expect(() => toEsdbExpectedRevision(bad as never)).toThrow(InvalidAppendError);
    }
  });

  it("maps the client's current revision back", () => {
    expect(fromEsdbCurrentRevision(ESDB_NO_STREAM)).toBe(NO_STREAM);
    expect(fromEsdbCurrentRevision(undefined)).toBe(NO_STREAM);
    expect(fromEsdbCurrentRevision(7n)).toBe(7);
  });
});

describe('client errors', () => {
  it('turns WrongExpectedVersionError into the port conflict, with stream, expected and actual', () => {
    const clientError = new WrongExpectedVersionError(undefined, {
      streamName: 'service-request-1',
      expected: 1n,
      current: 3n,
    });
    const mapped = mapEsdbError(clientError, { streamName: 'service-request-1', expected: 1 });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamName: 'service-request-1', expected: 1, actual: 3 });

    const onNewStream = new WrongExpectedVersionError(undefined, {
      streamName: 'service-request-2',
      expected: ESDB_STREAM_EXISTS,
      current: ESDB_NO_STREAM,
    });
    expect(
      mapEsdbError(onNewStream, { streamName: 'service-request-2', expected: STREAM_EXISTS }),
    ).toMatchObject({
      streamName: 'service-request-2',
      expected: STREAM_EXISTS,
      actual: NO_STREAM,
    });
  });

  it('recognises an unreachable server by class, by gRPC code 14 and by message', () => {
    const plain = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    const byMessage = new Error(
      '14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED',
    );
    for (const error of [new UnavailableError(undefined, 'down'), plain, byMessage]) {
      expect(isUnavailableError(error)).toBe(true);
      const mapped = mapEsdbError(error);
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect((mapped as Error).message).toMatch(/EventStoreDB is unavailable/);
    }
    expect(isUnavailableError(new Error('something else'))).toBe(false);
  });

  it('leaves other errors as they are and knows a missing stream', () => {
    const other = new Error('boom');
    expect(mapEsdbError(other)).toBe(other);
    expect(isStreamNotFoundError(new StreamNotFoundError(undefined, 'service-request-9'))).toBe(true);
    expect(isStreamNotFoundError(other)).toBe(false);
  });
});

/**
 * The shape of a gRPC ServiceError as the client's error constructors read it (code, message and
 * metadata the server sends), so the real classes build themselves as from a server's answer.
 */
function serviceError(code: number, message: string, metadata: Record<string, string> = {}): never {
  return Object.assign(new Error(message), {
    code,
    details: message,
    metadata: { getMap: () => metadata },
  }) as never;
}

describe('client errors a cluster or a deployment produces', () => {
  it('treats a follower node as unavailable, naming the leader', () => {
    const error = new NotLeaderError(
      serviceError(5, '5 NOT_FOUND: Leader info available', {
        'leader-endpoint-host': 'node2',
        'leader-endpoint-port': '2113',
      }),
    );
    const mapped = mapEsdbError(error, { streamName: 's-1', expected: ANY });
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect((mapped as Error).message).toMatch(/not the leader \(the leader is node2:2113\)/);
    expect((mapped as Error).cause).toBe(error);
  });

  it('treats cancelled calls and missed deadlines as unavailable, by class and by gRPC code', () => {
    for (const error of [
      new CancelledError(serviceError(1, '1 CANCELLED: Call cancelled')),
      new CancelledError(undefined, 'cancelled'),
      new DeadlineExceededError(serviceError(4, '4 DEADLINE_EXCEEDED: Deadline exceeded')),
      serviceError(1, '1 CANCELLED: Call cancelled'),
    ]) {
      const mapped = mapEsdbError(error);
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect((mapped as Error).message).toMatch(/EventStoreDB is unavailable/);
    }
  });

  it('says the credentials lack rights when access is denied', () => {
    const error = new AccessDeniedError(serviceError(7, '7 PERMISSION_DENIED: Access denied'));
    const mapped = mapEsdbError(error, { streamName: 's-1' });
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect((mapped as Error).message).toMatch(/credentials lack rights/);
  });

  it('refuses an append to a deleted stream as invalid on streamName, not as a conflict to retry', () => {
    for (const error of [
      StreamDeletedError.fromStreamName('service-request-7'),
      new StreamDeletedError(
        serviceError(9, '9 FAILED_PRECONDITION: Event stream is deleted', {
          'stream-name': 'service-request-7',
        }),
      ),
    ]) {
      const mapped = mapEsdbError(error, { streamName: 'service-request-7', expected: 3 });
      expect(mapped).toBeInstanceOf(InvalidAppendError);
      expect(mapped).not.toBeInstanceOf(WrongExpectedRevisionError);
      expect(mapped).toMatchObject({ field: 'streamName' });
      expect((mapped as Error).message).toBe(
        'Stream service-request-7 was deleted and can no longer be appended to',
      );
    }
  });
});
