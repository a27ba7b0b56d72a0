import { PROBLEM_CONTENT_TYPE } from '@fieldstream/api-contract';
import { DomainError } from '@fieldstream/domain';
import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemDetailsFilter } from '../problem/problem-details.filter';
import { toProblem } from '../problem/problem-mapping';

/**
 * The notification rules' refusals that depend on where things stand, not on what the client
 * sent: an escalation with nothing raised to acknowledge, a delivery requeued that is not dead.
 * Re-reading shows why, so they are conflicts (409), with the domain's code and message; any other
 * error goes on to the API's own problem mapping.
 */
export const NOTIFICATION_CONFLICT_CODES: ReadonlySet<string> = new Set([
  'nothing_to_acknowledge',
  'not_dead',
]);

@Catch(DomainError)
export class NotificationConflictsFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(error: DomainError, host: ArgumentsHost): void {
    if (!NOTIFICATION_CONFLICT_CODES.has(error.code)) return this.problems.catch(error, host);
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { problem } = toProblem(error, request.originalUrl ?? request.url);
    if (response.headersSent) return;
    response
      .status(409)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...problem, status: 409, title: 'Conflict' }));
  }
}
