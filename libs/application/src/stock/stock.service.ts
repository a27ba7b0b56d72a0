import { randomUUID } from 'node:crypto';
import { type Principal, type StockCommand, stockDecider, stockMovementSchema } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import {
  type MasterDataDocument,
  STOCK_LEVELS_COLLECTION,
  STOCK_MOVEMENTS_COLLECTION,
  type StockLevelDocument,
  type StockMovementDocument,
  masterDataCollection,
  stockProjection,
} from '@fieldstream/projections';
import type { Filter, ReadStore } from '@fieldstream/read-store';
import type { CommandContext } from '../commands/command-context';
import { executeCommand } from '../commands/execute-command';
import { stockStreamName } from '../commands/stream-names';
import { waitForProjection } from '../commands/wait-for-projection';
import { FieldValidationError, ForbiddenError } from '../errors';
import type { MasterDataService } from '../master-data/master-data.service';

/**
 * Who moves stock: administrators and back-office integrations anywhere, a centre's desk in its
 * own warehouses and vans, a technician in their own van (using and counting parts).
 */
function mayMove(principal: Principal, warehouse: MasterDataDocument, type: string): boolean {
  switch (principal.role) {
    case 'admin':
    case 'integrator':
    case 'dispatcher':
      return true; // the dispatcher's scope was checked when the warehouse was read
    case 'technician':
      return (
        warehouse.record['technicianCode'] === principal.technicianCode &&
        (type === 'issue' || type === 'count')
      );
    default:
      return false;
  }
}

export class StockService {
  constructor(
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    private readonly masterData: MasterDataService,
    private readonly projectionWaitMs = 5_000,
  ) {}

  /** Levels in the warehouses the principal can see, optionally of one warehouse or item. */
  async levels(
    principal: Principal,
    query: { warehouseCode?: string; itemCode?: string },
  ): Promise<StockLevelDocument[]> {
    const conditions: Filter[] = [];
    if (query.warehouseCode) {
      await this.masterData.get(principal, 'warehouses', query.warehouseCode);
      conditions.push({ warehouseCode: query.warehouseCode });
    } else {
      const visible = await this.masterData.list(principal, 'warehouses', { limit: 1000 });
      conditions.push({ warehouseCode: { $in: visible.items.map((item) => item.code) } });
    }
    if (query.itemCode) conditions.push({ itemCode: query.itemCode });
    return this.reads
      .collection<StockLevelDocument>(STOCK_LEVELS_COLLECTION)
      .find(conditions.length === 1 ? conditions[0]! : { $and: conditions }, {
        sort: { warehouseCode: 1, itemCode: 1 },
        limit: 5000,
      });
  }

  async movements(
    principal: Principal,
    warehouseCode: string,
    limit = 100,
  ): Promise<StockMovementDocument[]> {
    await this.masterData.get(principal, 'warehouses', warehouseCode);
    return this.reads
      .collection<StockMovementDocument>(STOCK_MOVEMENTS_COLLECTION)
      .find({ warehouseCode }, { sort: { position: -1 }, limit: Math.min(Math.max(limit, 1), 1000) });
  }

  /** Records one movement; a transfer is two (out, then in), undone if the second cannot be written. */
  async move(context: CommandContext, warehouseCode: string, body: unknown): Promise<StockLevelDocument[]> {
    const movement = stockMovementSchema.parse(body);
    const warehouse = await this.masterData.get(context.actor, 'warehouses', warehouseCode);
    if (!mayMove(context.actor, warehouse, movement.type)) {
      throw new ForbiddenError(
        `A ${context.actor.role} may not record a ${movement.type} in ${warehouseCode}`,
      );
    }
    if ('itemCode' in movement) await this.requireItem(movement.itemCode);
    let position: number | undefined;
    const run = async (code: string, command: StockCommand) => {
      const outcome = await executeCommand(
        this.events,
        stockStreamName(code),
        stockDecider,
        command,
        context,
      );
      position = outcome.position ?? position;
    };
    switch (movement.type) {
      case 'transfer': {
        if (movement.toWarehouseCode === warehouseCode) {
          throw new FieldValidationError('A transfer goes to another warehouse', [
            {
              field: 'toWarehouseCode',
              code: 'same_warehouse',
              message: 'A transfer goes to another warehouse',
            },
          ]);
        }
        await this.masterData.get(context.actor, 'warehouses', movement.toWarehouseCode);
        const transferId = randomUUID();
        const { type: _type, toWarehouseCode, ...rest } = movement;
        await run(warehouseCode, {
          type: 'transferOut',
          warehouseCode,
          transferId,
          toWarehouseCode,
          ...rest,
        });
        try {
          await run(toWarehouseCode, {
            type: 'transferIn',
            warehouseCode: toWarehouseCode,
            transferId,
            fromWarehouseCode: warehouseCode,
            ...rest,
          });
        } catch (error) {
          // The goods never left: put them back where they were, and say why.
          await run(warehouseCode, {
            type: 'receive',
            warehouseCode,
            ...rest,
            reason: `Transfer ${transferId} undone: ${String((error as Error).message)}`,
          });
          throw error;
        }
        break;
      }
      case 'release':
        await run(warehouseCode, {
          type: 'release',
          warehouseCode,
          reservationId: movement.reservationId,
          reason: movement.reason,
        });
        break;
      default:
        await run(warehouseCode, { ...movement, warehouseCode } as StockCommand);
    }
    await waitForProjection(this.reads, stockProjection.name, position, this.projectionWaitMs);
    return this.levels(context.actor, { warehouseCode });
  }

  private async requireItem(itemCode: string) {
    const item = await this.reads.collection<MasterDataDocument>(masterDataCollection('item')).get(itemCode);
    if (!item || item.status !== 'active') {
      throw new FieldValidationError(`There is no item ${itemCode}`, [
        { field: 'itemCode', code: 'unknown_reference', message: `There is no item ${itemCode}` },
      ]);
    }
  }
}
