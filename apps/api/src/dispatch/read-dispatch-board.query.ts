import type { BoardAnswer, BoardQuery } from '@fieldstream/api-contract';
import { DispatchBoard } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** The dispatcher's board: the technicians in reach and their appointments over a window. */
export class ReadDispatchBoardQuery extends Query<BoardAnswer> {
  constructor(
    readonly principal: Principal,
    readonly asked: BoardQuery,
  ) {
    super();
  }
}

@QueryHandler(ReadDispatchBoardQuery)
export class ReadDispatchBoardHandler implements IQueryHandler<ReadDispatchBoardQuery> {
  constructor(private readonly board: DispatchBoard) {}

  execute({ principal, asked }: ReadDispatchBoardQuery): Promise<BoardAnswer> {
    return this.board.board(principal, asked);
  }
}
