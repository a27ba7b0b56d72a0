import {
  type RequestServiceLevel,
  type SlaDashboard,
  slaDashboardQuerySchema,
} from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { GetRequestServiceLevelQuery } from './get-request-service-level.query';
import { ReadSlaDashboardQuery } from './read-sla-dashboard.query';

/** Where the service levels are read, relative to `/api` (Nest's path syntax). */
export const serviceLevelPaths = {
  request: '/service-requests/:id/service-level',
  dashboard: '/service-levels/dashboard',
} as const;

/**
 * Service levels, read only: one request's clocks, and the dashboard across requests. Live updates
 * need nothing here: the desk reads them again on the `service-levels` topic.
 */
@Controller()
export class ServiceLevelsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** For whoever may read the request; 404 for anyone else, as the request itself. */
  @Get(serviceLevelPaths.request)
  forRequest(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestServiceLevel> {
    return this.queryBus.execute(new GetRequestServiceLevelQuery(principal, id));
  }

  /** `?unitCode=&zoneCode=&priority=&from=&to=`, all optional (days as YYYY-MM-DD, UTC). */
  @Get(serviceLevelPaths.dashboard)
  dashboard(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<SlaDashboard> {
    const asked = slaDashboardQuerySchema.parse(query ?? {});
    return this.queryBus.execute(new ReadSlaDashboardQuery(principal, asked));
  }
}
