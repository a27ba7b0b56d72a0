import { type Agenda, agendaQuerySchema } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { GetTechnicianAgendaQuery } from './queries/get-technician-agenda.query';

/** A technician's appointments: `?from=&to=` (instants with a zone, at most 62 days apart). */
@Controller('technicians')
export class TechnicianAgendaController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':technicianCode/agenda')
  agenda(
    @Param('technicianCode') technicianCode: string,
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Agenda> {
    const { from, to } = agendaQuerySchema.parse(query ?? {});
    return this.queryBus.execute(new GetTechnicianAgendaQuery(principal, technicianCode, from, to));
  }
}
