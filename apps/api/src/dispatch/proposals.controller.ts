import {
  type ProposalAnswer,
  requestProposalQuerySchema,
  whatIfProposalBodySchema,
} from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { ProposeForRequestQuery } from './propose-for-request.query';
import { ProposeWhatIfQuery } from './propose-what-if.query';

/**
 * Technician proposals. A what-if is a question, not a change: POST only because the job it
 * describes does not fit a query string, hence 200 and no Idempotency-Key.
 */
@Controller()
export class ProposalsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('service-requests/:id/proposals')
  forRequest(
    @Param('id') requestId: string,
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProposalAnswer> {
    const asked = requestProposalQuerySchema.parse(query ?? {});
    return this.queryBus.execute(new ProposeForRequestQuery(principal, requestId, asked));
  }

  @Post('proposals')
  @HttpCode(200)
  whatIf(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<ProposalAnswer> {
    const asked = whatIfProposalBodySchema.parse(body ?? {});
    return this.queryBus.execute(new ProposeWhatIfQuery(principal, asked));
  }
}
