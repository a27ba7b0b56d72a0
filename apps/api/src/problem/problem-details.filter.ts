import { PROBLEM_CONTENT_TYPE } from '@fieldstream/api-contract';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { loggablePath } from '../request/loggable-path';
import { toProblem } from './problem-mapping';

/** Every error leaves the API as `application/problem+json`. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { problem, serverFault } = toProblem(error, request.originalUrl ?? request.url);
    if (serverFault) {
      this.logger.error(
        {
          msg: `${request.method} ${loggablePath(request.originalUrl)}: ${problem.title}`,
          status: problem.status,
        },
        error instanceof Error ? error.stack : String(error),
      );
    }
    if (response.headersSent) return;
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
