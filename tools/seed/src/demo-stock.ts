import {
  type CommandContext,
  executeCommand,
  stockStreamName,
  waitForProjection,
} from '@fieldstream/application';
import { type StockCommand, stockDecider } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { STOCK_LEVELS_COLLECTION, stockProjection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { DemoDocument } from './generate-demo-data';
import { Prng } from './prng';

export interface DemoReceipt {
  warehouseCode: string;
  itemCode: string;
  quantity: number;
}

/**
 * Opening stock: a centre's warehouse holds most of the catalogue, a van a handful of the parts
 * its technician uses most. Deterministic, like the rest of the demo.
 */
export function demoReceipts(document: DemoDocument, seed = 7): DemoReceipt[] {
  const prng = new Prng(seed);
  const items = (document['items'] ?? []).map((item) => String(item['code']));
  const receipts: DemoReceipt[] = [];
  for (const warehouse of document['warehouses'] ?? []) {
    const isVan = warehouse['type'] === 'van';
    const count = isVan ? 8 : Math.min(items.length, 40);
    const chosen = new Set<string>();
    while (chosen.size < count && chosen.size < items.length) chosen.add(prng.pick(items));
    for (const itemCode of [...chosen].sort()) {
      receipts.push({
        warehouseCode: String(warehouse['code']),
        itemCode,
        quantity: isVan ? prng.int(1, 6) : prng.int(10, 120),
      });
    }
  }
  return receipts;
}

/** Receives the opening stock into warehouses that have none yet; answers how many were stocked. */
export async function ensureDemoStock(
  events: EventStore,
  reads: ReadStore,
  context: CommandContext,
  receipts: readonly DemoReceipt[],
  onProgress: (done: number, total: number) => void,
): Promise<{ stocked: number; skipped: number }> {
  const byWarehouse = new Map<string, DemoReceipt[]>();
  for (const receipt of receipts)
    byWarehouse.set(receipt.warehouseCode, [...(byWarehouse.get(receipt.warehouseCode) ?? []), receipt]);
  let stocked = 0;
  let skipped = 0;
  let done = 0;
  let last: number | undefined;
  for (const [warehouseCode, lines] of byWarehouse) {
    const hasStock = (await reads.collection(STOCK_LEVELS_COLLECTION).count({ warehouseCode })) > 0;
    if (hasStock) {
      skipped += 1;
    } else {
      for (const line of lines) {
        const command: StockCommand = {
          type: 'receive',
          ...line,
          reason: 'Opening stock',
          reference: 'demo',
        };
        const outcome = await executeCommand(
          events,
          stockStreamName(warehouseCode),
          stockDecider,
          command,
          context,
        );
        last = outcome.position ?? last;
      }
      stocked += 1;
    }
    done += 1;
    onProgress(done, byWarehouse.size);
  }
  await waitForProjection(reads, stockProjection.name, last, 60_000);
  return { stocked, skipped };
}
