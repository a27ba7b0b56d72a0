import { TerritoryService } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal } from '../request/current-principal.decorator';

const resolveQuery = z.object({
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  postalCode: z.string().trim().max(20).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

@Controller('zones')
export class ZonesController {
  constructor(private readonly territory: TerritoryService) {}

  /** Which zone a point or a postal code falls in; `null` when none covers it. */
  @Get('resolve')
  async resolve(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const parsed = resolveQuery.parse(query);
    return {
      match: await this.territory.resolve(
        principal,
        Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)),
      ),
    };
  }

  /** The zones to fall back on: polygons that touch this one, and neighbours named by hand. */
  @Get(':code/neighbours')
  neighbours(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return this.territory.neighbours(principal, code);
  }
}
