import {
  ANY as ESDB_ANY,
  NO_STREAM as ESDB_NO_STREAM,
  STREAM_EXISTS as ESDB_STREAM_EXISTS,
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
    expect(mapEsdbError(onNewStream, { streamName: 'service-request-2', expected: STREAM_EXISTS })).toMatchObject({
      streamName: 'service-request-2',
      expected: STREAM_EXISTS,
      actual: NO_STREAM,
    });
  });

  it('recognises an unreachable server by class, by gRPC code 14 and by message', () => {
    const plain = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    const byMessage = new Error('14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED');
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
