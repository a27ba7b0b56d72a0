import { type BoardAnswer, boardPaths, boardQuerySchema } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { ReadDispatchBoardQuery } from './read-dispatch-board.query';

/**
 * The dispatcher's board: `?from=&to=` (instants with a zone, at most a fortnight apart) and
 * optionally a unit, a zone or a skill. Live updates need nothing here: the desk reads the board
 * again on the `agendas` and `service-requests` topics it already follows.
 */
@Controller()
export class DispatchBoardController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(boardPaths.board)
  board(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<BoardAnswer> {
    const asked = boardQuerySchema.parse(query ?? {});
    return this.queryBus.execute(new ReadDispatchBoardQuery(principal, asked));
  }
}
