import { AvailabilityService, type CommandContext } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { RequestCommandContext } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { expectedVersionOf } from '../request/if-match';

const viewQuery = z.object({
  technician: z.string().max(64).optional(),
  site: z.string().max(64).optional(),
  from: z.string().max(40),
  to: z.string().max(40),
});
const checkQuery = viewQuery.required({ technician: true, site: true });
const importQuery = z.object({ mode: z.enum(['merge', 'replace']).default('merge') });

@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  /** Each layer's open hours, closures and holidays over a window, and what they leave available. */
  @Get('availability')
  view(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const parsed = viewQuery.parse(query);
    return this.availability.view(principal, {
      from: parsed.from,
      to: parsed.to,
      ...(parsed.technician ? { technician: parsed.technician } : {}),
      ...(parsed.site ? { site: parsed.site } : {}),
    });
  }

  /** Can technician T work at site S over the whole window? If not, what blocks it. */
  @Get('availability/check')
  check(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return this.availability.check(principal, checkQuery.parse(query));
  }

  @Get('master-data/calendars/:code/ical')
  async exportICalendar(
    @Param('code') code: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const text = await this.availability.exportICalendar(principal, code, new Date().toISOString());
    response.type('text/calendar; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${code}.ics"`);
    return text;
  }

  /** Body: the .ics file as text/calendar. `mode=replace` takes hours and exceptions from it. */
  @Post('master-data/calendars/:code/ical')
  importICalendar(
    @Param('code') code: string,
    @Query() query: unknown,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestCommandContext() context: CommandContext,
  ) {
    const { mode } = importQuery.parse(query);
    const text = typeof body === 'string' ? body : '';
    return this.availability.importICalendar(context, code, text, mode, expectedVersionOf(ifMatch));
  }
}
