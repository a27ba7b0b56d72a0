import { type RequestEscalation, acknowledgeEscalationBodySchema } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { AcknowledgeEscalationCommand } from './commands/acknowledge-escalation.command';
import { notificationPaths } from './notification-paths';
import { GetRequestEscalationQuery } from './queries/get-request-escalation.query';

/**
 * A request's escalation, beside the request: read by whoever reads the request (404 for anyone
 * else), acknowledged by the people alerted, the desk and management. Live updates: the desk and
 * management re-read on the `escalations` topic.
 */
@Controller()
export class EscalationsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  @Get(notificationPaths.escalation)
  escalation(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<RequestEscalation> {
    return this.queryBus.execute(new GetRequestEscalationQuery(principal, id));
  }

  /** `{ note? }`; 409 `nothing_to_acknowledge` when the request never escalated; again: no change. */
  @Post(notificationPaths.acknowledge)
  @HttpCode(200)
  acknowledge(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestEscalation> {
    const { note } = acknowledgeEscalationBodySchema.parse(body ?? {});
    return this.commandBus.execute(new AcknowledgeEscalationCommand(principal, id, note));
  }
}
