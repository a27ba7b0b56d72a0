import {
  type AssignmentImpact,
  type ProposalAnswer,
  assignBodySchema,
  requestProposalQuerySchema,
  whatIfProposalBodySchema,
} from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { ProposeForRequestQuery } from './propose-for-request.query';
import { ProposeWhatIfQuery } from './propose-what-if.query';
import { PreviewAssignmentImpactQuery } from './preview-assignment-impact.query';

/**
 * Technician proposals and an emergency's impact preview. Both are questions, not changes: POST
 * only because what they describe does not fit a query string, hence 200 and no Idempotency-Key.
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

  /** The same body as the assignment; answers what it would displace and who would be told. */
  @Post('service-requests/:id/assignments/impact')
  @HttpCode(200)
  impact(
    @Param('id') requestId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AssignmentImpact> {
    const asked = assignBodySchema.parse(body ?? {});
    return this.queryBus.execute(new PreviewAssignmentImpactQuery(principal, requestId, asked));
  }
}
