import {
  type InterventionSheet,
  type ServiceRequestDetail,
  type ServiceRequestList,
  type TimelineEntry,
  openServiceRequestBodySchema,
  serviceRequestListQuerySchema,
  serviceRequestPaths,
} from '@fieldstream/api-contract';
import { type CommandContext, ForbiddenError } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { RequestCommandContext } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { OpenServiceRequestCommand } from './commands/open-service-request.command';
import { GetInterventionSheetQuery } from './queries/get-intervention-sheet.query';
import { GetServiceRequestTimelineQuery } from './queries/get-service-request-timeline.query';
import { GetServiceRequestQuery } from './queries/get-service-request.query';
import { ListServiceRequestsQuery } from './queries/list-service-requests.query';
import { readerLanguage, readerLanguageQuerySchema } from './reader-language';
import { ServiceRequestAnswers, versionTag } from './service-request-answers';

/** The API's global prefix, as the Location header needs the full path. */
const API_BASE = '/api';

/**
 * Service requests as resources: open one, list them (the desk's to-do list), read one, its
 * timeline and its intervention sheet. The commands on one request are in
 * ServiceRequestCommandsController.
 */
@Controller('service-requests')
export class ServiceRequestsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly answers: ServiceRequestAnswers,
  ) {}

  /**
   * 201 with the new request; 200 with the earlier one when its external reference or
   * Idempotency-Key was seen. A customer opens through the portal, whose answer is made for them
   * (this one names technicians and routing).
   */
  @Post()
  async open(
    @Body() body: unknown,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ServiceRequestDetail> {
    if (context.actor.role === 'customer') {
      throw new ForbiddenError('A customer opens requests in the portal: POST /api/portal/requests');
    }
    const input = openServiceRequestBodySchema.parse(body ?? {});
    const result = await this.commandBus.execute(new OpenServiceRequestCommand(context, input));
    response.status(result.created === false ? 200 : 201);
    response.setHeader('Location', `${API_BASE}${serviceRequestPaths.one(result.requestId)}`);
    return this.answers.afterCommand(context.actor, result, response, { actedOnIt: false });
  }

  /** `status` and `priority` may repeat (`?status=open&status=accepted`). */
  @Get()
  list(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<ServiceRequestList> {
    const filter = serviceRequestListQuerySchema.parse(query ?? {});
    return this.queryBus.execute(new ListServiceRequestsQuery(principal, filter));
  }

  @Get(':id')
  async get(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ServiceRequestDetail> {
    const detail = await this.queryBus.execute(new GetServiceRequestQuery(principal, id));
    response.setHeader('ETag', versionTag(detail.version));
    return detail;
  }

  /** Told in `?lang=it|en`, else the language Accept-Language prefers among those, else English. */
  @Get(':id/timeline')
  timeline(
    @Param('id') id: string,
    @Query() query: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TimelineEntry[]> {
    const { lang } = readerLanguageQuerySchema.parse(query ?? {});
    return this.queryBus.execute(
      new GetServiceRequestTimelineQuery(principal, id, readerLanguage(lang, acceptLanguage)),
    );
  }

  @Get(':id/sheet')
  sheet(
    @Param('id') id: string,
    @Query() query: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InterventionSheet> {
    const { lang } = readerLanguageQuerySchema.parse(query ?? {});
    return this.queryBus.execute(
      new GetInterventionSheetQuery(principal, id, readerLanguage(lang, acceptLanguage)),
    );
  }
}
