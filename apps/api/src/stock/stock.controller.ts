import { type CommandContext, StockService } from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { RequestCommandContext } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';

const levelsQuery = z.object({
  warehouseCode: z.string().max(64).optional(),
  itemCode: z.string().max(64).optional(),
});
const movementsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() });

/** Stock levels and movements (movements are events: receive, issue, reserve, release, count, transfer). */
@Controller('stock')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get()
  levels(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const parsed = levelsQuery.parse(query);
    return this.stock.levels(principal, {
      ...(parsed.warehouseCode ? { warehouseCode: parsed.warehouseCode } : {}),
      ...(parsed.itemCode ? { itemCode: parsed.itemCode } : {}),
    });
  }

  @Get(':warehouseCode/movements')
  movements(
    @Param('warehouseCode') warehouseCode: string,
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.stock.movements(principal, warehouseCode, movementsQuery.parse(query).limit);
  }

  @Post(':warehouseCode/movements')
  move(
    @Param('warehouseCode') warehouseCode: string,
    @Body() body: unknown,
    @RequestCommandContext() context: CommandContext,
  ) {
    return this.stock.move(context, warehouseCode, body);
  }
}
