import type { Agenda } from '@fieldstream/api-contract';
import { ServiceRequestQueries } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** A technician's appointments between two instants, each with the request it serves. */
export class GetTechnicianAgendaQuery extends Query<Agenda> {
  constructor(
    readonly principal: Principal,
    readonly technicianCode: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

@QueryHandler(GetTechnicianAgendaQuery)
export class GetTechnicianAgendaHandler implements IQueryHandler<GetTechnicianAgendaQuery> {
  constructor(private readonly queries: ServiceRequestQueries) {}

  execute({ principal, technicianCode, from, to }: GetTechnicianAgendaQuery): Promise<Agenda> {
    return this.queries.agenda(principal, technicianCode, from, to);
  }
}
