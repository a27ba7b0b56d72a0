import {
  meterReadingBodySchema,
  type PreventiveRun,
  preventiveRunsQuerySchema,
} from '@fieldstream/api-contract';
import { PreventivePlanner, PreventiveQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../request/current-principal.decorator';

/** Where preventive maintenance is reached, relative to `/api` (Nest's path syntax). */
export const preventivePaths = {
  meterReadings: '/assets/:code/meter-readings',
  runs: '/preventive/runs',
} as const;

/**
 * Meter readings in, the preventive runs' reports out. Readings land on the asset's meter stream;
 * the worker follows them and opens the visits a meter plan calls for.
 */
@Controller()
export class PreventiveController {
  constructor(
    private readonly planner: PreventivePlanner,
    private readonly queries: PreventiveQueries,
  ) {}

  @Post(preventivePaths.meterReadings)
  @HttpCode(201)
  async recordReading(
    @Param('code') code: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ assetCode: string; recorded: boolean }> {
    const reading = meterReadingBodySchema.parse(body ?? {});
    const { recorded } = await this.planner.recordReading(principal, code, reading);
    return { assetCode: code, recorded };
  }

  @Get(preventivePaths.runs)
  async runs(
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ runs: PreventiveRun[] }> {
    const { limit } = preventiveRunsQuerySchema.parse(query ?? {});
    return { runs: await this.queries.runs(principal, limit) };
  }
}
