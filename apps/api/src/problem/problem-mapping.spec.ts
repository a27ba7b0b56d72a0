import { InvalidAppendError, NO_STREAM, WrongExpectedRevisionError } from '@fieldstream/event-store';
import { InvalidJobRequestError } from '@fieldstream/queue';
import { InvalidQueryError } from '@fieldstream/read-store';
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
    expect(problem).toMatchObject({ status: 409, stream: 'visit-1', expectedRevision: 3, actualRevision: 'no_stream' });
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

  it('keeps the status of Nest HTTP exceptions and hides the detail of 5xx ones', () => {
    expect(toProblem(new NotFoundException('Cannot GET /api/x'), '/').problem).toMatchObject({ status: 404, type: '/problems/not-found', detail: 'Cannot GET /api/x' });
    expect(toProblem(new ForbiddenException(), '/').problem).toMatchObject({ status: 403, title: 'Forbidden' });
    const internal = toProblem(new InternalServerErrorException('db password is hunter2'), '/');
    expect(internal.serverFault).toBe(true);
    expect(JSON.stringify(internal.problem)).not.toContain('hunter2');
  });

  it('maps a malformed body to 400 and anything unknown to a 500 that leaks nothing', () => {
    expect(toProblem(new MalformedBodyError(new SyntaxError('Unexpected end')), '/').problem).toMatchObject({ status: 400, type: '/problems/malformed-body' });
    const unknown = toProblem(new Error('SQLITE_CORRUPT at /var/lib/x'), '/');
    expect(unknown).toMatchObject({ serverFault: true, problem: { status: 500, type: '/problems/internal' } });
    expect(JSON.stringify(unknown.problem)).not.toContain('SQLITE');
  });
});
