import {
  EventStoreUnavailableError,
  InvalidAppendError,
  InvalidReadError,
  NO_STREAM,
  WrongExpectedRevisionError,
} from '@fieldstream/event-store';
import { InvalidJobRequestError } from '@fieldstream/queue';
import {
  CheckpointConflictError,
  DocumentNotFoundError,
  DuplicateKeyError,
  InvalidCollectionNameError,
  InvalidDocumentError,
  InvalidQueryError,
  assertCollectionName,
} from '@fieldstream/read-store';
// The real adapter errors, so that a renamed code there fails here (the API itself matches by code).
import { ReadStoreUnavailableError, TransactionsUnsupportedError } from '@fieldstream/read-store-mongo';
import { DomainError } from '@fieldstream/domain';
import { ForbiddenException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import { MalformedBodyError, toProblem } from './problem-mapping';

describe('toProblem', () => {
  it('maps a ZodError to 400 with one entry per issue', () => {
    const result = z.object({ a: z.string(), b: z.object({ c: z.number() }) }).safeParse({ b: { c: 'x' } });
    const { problem, serverFault } = toProblem(result.error, '/api/x');
    expect(serverFault).toBe(false);
    expect(problem).toMatchObject({ status: 400, type: '/problems/validation', instance: '/api/x' });
    expect(problem.errors?.map((e) => e.field)).toEqual(['a', 'b.c']);
  });

  it('maps a conflict with NO_STREAM as the actual revision', () => {
    const { problem } = toProblem(new WrongExpectedRevisionError('visit-1', 3, NO_STREAM), '/');
    expect(problem).toMatchObject({
      status: 409,
      stream: 'visit-1',
      expectedRevision: 3,
      actualRevision: 'no_stream',
    });
  });

  it.each([
    [new InvalidAppendError('bad', 'events[0].type'), 'events[0].type'],
    [new InvalidQueryError('bad', 'filter.status.$foo'), 'filter.status.$foo'],
    [new InvalidJobRequestError('bad', 'runAt'), 'runAt'],
  ])('maps %p to 400 naming the field', (error, field) => {
    const { problem, serverFault } = toProblem(error, '/');
    expect(serverFault).toBe(false);
    expect(problem.status).toBe(400);
    expect(problem.errors?.[0]?.field).toBe(field);
  });

  it.each([
    [
      'InvalidReadError',
      new InvalidReadError('maxCount must be at most 1000', 'maxCount'),
      'maxCount',
      'invalid_read',
    ],
    [
      'InvalidQueryError',
      new InvalidQueryError('unsupported operator', 'filter.status.$where'),
      'filter.status.$where',
      'invalid_query',
    ],
    [
      'InvalidDocumentError',
      new InvalidDocumentError('visits', 'customer.$name', 'is not addressable'),
      'customer.$name',
      'invalid_document',
    ],
    [
      'InvalidCollectionNameError',
      new InvalidCollectionNameError('1bad'),
      'collection',
      'invalid_collection_name',
    ],
  ])('maps %s to a 400 validation problem naming the field or path', (_name, error, field, code) => {
    const { problem, serverFault } = toProblem(error, '/api/x');
    expect(serverFault).toBe(false);
    expect(problem).toEqual({
      type: '/problems/validation',
      title: 'Invalid request',
      status: 400,
      instance: '/api/x',
      code,
      detail: error.message,
      errors: [{ field, message: error.message, code }],
    });
  });

  it('maps DocumentNotFoundError to 404 naming the collection and document', () => {
    const { problem, serverFault } = toProblem(new DocumentNotFoundError('visits', 'v-7'), '/api/visits/v-7');
    expect(serverFault).toBe(false);
    expect(problem).toEqual({
      type: '/problems/not-found',
      title: 'Not Found',
      status: 404,
      instance: '/api/visits/v-7',
      code: 'document_not_found',
      detail: 'Collection visits: no document v-7',
      collection: 'visits',
      id: 'v-7',
    });
  });

  it('maps DuplicateKeyError to 409 naming the collection and key', () => {
    const { problem, serverFault } = toProblem(new DuplicateKeyError('visits', '{"_id":"v-7"}'), '/');
    expect(serverFault).toBe(false);
    expect(problem).toMatchObject({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'duplicate_key',
      collection: 'visits',
      key: '{"_id":"v-7"}',
    });
  });

  it('maps CheckpointConflictError to 409 naming projection, expected and actual checkpoints', () => {
    const { problem, serverFault } = toProblem(new CheckpointConflictError('visit-board', null, 42), '/');
    expect(serverFault).toBe(false);
    expect(problem).toMatchObject({
      type: '/problems/concurrency-conflict',
      title: 'Conflict: the projection moved meanwhile',
      status: 409,
      code: 'checkpoint_conflict',
      projection: 'visit-board',
      expectedCheckpoint: null,
      actualCheckpoint: 42,
    });
  });

  it.each([
    [
      'EventStoreUnavailableError',
      new EventStoreUnavailableError('connect ECONNREFUSED 10.0.0.5:2113'),
      'event_store_unavailable',
    ],
    [
      'ReadStoreUnavailableError',
      new ReadStoreUnavailableError('MongoDB is unavailable: connect ECONNREFUSED 10.0.0.6:27017'),
      'read_store_unavailable',
    ],
    [
      'TransactionsUnsupportedError',
      new TransactionsUnsupportedError('commit on 10.0.0.6'),
      'transactions_unsupported',
    ],
  ])('maps %s to a 503 that tells the client to retry and leaks no address', (_name, error, code) => {
    const { problem, serverFault } = toProblem(error, '/api/x');
    expect(serverFault).toBe(true);
    expect(problem).toMatchObject({
      type: '/problems/unavailable',
      title: 'Service Unavailable',
      status: 503,
      code,
      instance: '/api/x',
    });
    expect(problem.detail).toEqual(expect.any(String));
    expect(JSON.stringify(problem)).not.toContain('10.0.0');
  });

  it('maps the error a real collection-name check throws', () => {
    let thrown: unknown;
    try {
      assertCollectionName('no spaces allowed');
    } catch (error) {
      thrown = error;
    }
    expect(toProblem(thrown, '/').problem).toMatchObject({ status: 400, errors: [{ field: 'collection' }] });
  });

  it('keeps the status of Nest HTTP exceptions and hides the detail of 5xx ones', () => {
    expect(toProblem(new NotFoundException('Cannot GET /api/x'), '/').problem).toMatchObject({
      status: 404,
      type: '/problems/not-found',
      detail: 'Cannot GET /api/x',
    });
    expect(toProblem(new ForbiddenException(), '/').problem).toMatchObject({
      status: 403,
      title: 'Forbidden',
    });
    const internal = toProblem(new InternalServerErrorException('db password is hunter2'), '/');
    expect(internal.serverFault).toBe(true);
    expect(JSON.stringify(internal.problem)).not.toContain('hunter2');
  });

  it('maps a malformed body to 400 and anything unknown to a 500 that leaks nothing', () => {
    expect(toProblem(new MalformedBodyError(new SyntaxError('Unexpected end')), '/').problem).toMatchObject({
      status: 400,
      type: '/problems/malformed-body',
    });
    const unknown = toProblem(new Error('SQLITE_CORRUPT at /var/lib/x'), '/');
    expect(unknown).toMatchObject({
      serverFault: true,
      problem: { status: 500, type: '/problems/internal' },
    });
    expect(JSON.stringify(unknown.problem)).not.toContain('SQLITE');
  });
  it.each([
    'schedule_conflict',
    'illegal_transition',
    'already_open',
    'already_assigned',
    'unknown_appointment',
  ])('maps the domain refusal %s to a 409 that keeps its details', (code) => {
    const details = { state: 'closed', command: 'cancel', allowed: ['addNote', 'reopen'] };
    const { problem, serverFault } = toProblem(new DomainError(code, `refused: ${code}`), '/api/x');
    expect(serverFault).toBe(false);
    expect(problem).toMatchObject({ status: 409, title: 'Conflict', code, detail: `refused: ${code}` });
    const withDetails = toProblem(new DomainError(code, 'refused', details), '/').problem;
    expect(withDetails).toMatchObject({ status: 409, details });
  });

  it('answers any other domain refusal with 422, and not_found with 404', () => {
    expect(toProblem(new DomainError('invalid_actuals', 'no'), '/').problem).toMatchObject({
      status: 422,
      type: '/problems/domain-rule',
    });
    expect(toProblem(new DomainError('not_found', 'no'), '/').problem).toMatchObject({
      status: 404,
      type: '/problems/not-found',
    });
  });
});
