import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import { NotFoundError, type ServiceRequestCommandResult, systemContext } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { GetServiceRequestQuery } from './queries/get-service-request.query';
import { ServiceRequestReadModels } from './service-request-read-models';

/** The ETag of a request: its version, the number of events in its stream. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/**
 * What every service-request command answers: the request as the read model shows it once it has
 * applied the command (so the next GET, and the screens re-read on the live notice, agree with
 * the answer), with its version as ETag for the next If-Match.
 */
@Injectable()
export class ServiceRequestAnswers {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly readModels: ServiceRequestReadModels,
  ) {}

  /**
   * `actedOnIt`: the application authorised the caller on this very request before acting (every
   * command but open, where an external reference may name a request the caller cannot read).
   */
  async afterCommand(
    principal: Principal,
    result: ServiceRequestCommandResult,
    response: Response,
    { actedOnIt }: { actedOnIt: boolean },
  ): Promise<ServiceRequestDetail> {
    await this.readModels.caughtUp(result);
    const detail = actedOnIt
      ? await this.readAfterActing(principal, result.requestId)
      : await this.queryBus.execute(new GetServiceRequestQuery(principal, result.requestId));
    // The body's own version, so that the ETag and the body never disagree even if the read model was late.
    response.setHeader('ETag', versionTag(detail.version));
    return detail;
  }

  /**
   * The request as the caller may read it. A command can end the caller's own reach (a technician
   * who renounces is no longer planned on it): they were allowed to act on this request a moment
   * ago, so they are told where their own action left it rather than a 404 after a success.
   */
  private async readAfterActing(principal: Principal, requestId: string): Promise<ServiceRequestDetail> {
    try {
      return await this.queryBus.execute(new GetServiceRequestQuery(principal, requestId));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      const system = systemContext(new Date().toISOString(), 'answer-after-command').actor;
      return this.queryBus.execute(new GetServiceRequestQuery(system, requestId));
    }
  }
}
