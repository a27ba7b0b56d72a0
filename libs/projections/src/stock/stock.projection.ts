import { STOCK_EVENT_TYPES, type StockEvent, stockEffect } from '@fieldstream/domain';
import type { StockLevel, StockMovement } from '@fieldstream/api-contract';
import type { RecordedEvent } from '@fieldstream/event-store';
import type { ReadDocument } from '@fieldstream/read-store';
import { defineProjection } from '../projection-definition';

export const STOCK_LEVELS_COLLECTION = 'stock_levels';
export const STOCK_MOVEMENTS_COLLECTION = 'stock_movements';

/** On hand and reserved of one item in one warehouse or van (the API's StockLevel, plus bookkeeping). */
export interface StockLevelDocument extends ReadDocument, StockLevel {
  /** Revision of the warehouse's stream last applied here: a replayed event is recognised. */
  lastRevision: number;
}

/** One movement, as the stock screen lists them. */
export interface StockMovementDocument extends ReadDocument, StockMovement {
  _id: string;
  warehouseCode: string;
  position: number;
}

export function stockLevelId(warehouseCode: string, itemCode: string): string {
  return `${warehouseCode}|${itemCode}`;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

type StockRecorded = RecordedEvent & StockEvent;

export const stockProjection = defineProjection<
  StockRecorded,
  typeof STOCK_LEVELS_COLLECTION | typeof STOCK_MOVEMENTS_COLLECTION
>({
  name: 'stock',
  version: 1,
  eventTypes: STOCK_EVENT_TYPES,
  collections: {
    [STOCK_LEVELS_COLLECTION]: {
      indexes: [
        { name: 'by_warehouse', keys: { warehouseCode: 1, itemCode: 1 } },
        { name: 'by_item', keys: { itemCode: 1, available: -1 } },
      ],
    },
    [STOCK_MOVEMENTS_COLLECTION]: {
      indexes: [{ name: 'by_warehouse_time', keys: { warehouseCode: 1, position: -1 } }],
    },
  },
  documentsFor: (event) => [
    { collection: STOCK_LEVELS_COLLECTION, id: stockLevelId(event.data.warehouseCode, event.data.itemCode) },
  ],
  apply(event, current) {
    const id = stockLevelId(event.data.warehouseCode, event.data.itemCode);
    const existing = current.get<StockLevelDocument>(STOCK_LEVELS_COLLECTION, id);
    if (existing && event.revision <= existing.lastRevision) return [];
    const effect = stockEffect(event);
    const onHand = round((existing?.onHand ?? 0) + effect.onHand);
    const reserved = round((existing?.reserved ?? 0) + effect.reserved);
    const level: StockLevelDocument = {
      _id: id,
      warehouseCode: event.data.warehouseCode,
      itemCode: event.data.itemCode,
      onHand,
      reserved,
      available: round(onHand - reserved),
      lastRevision: event.revision,
      updatedAt: event.metadata.occurredAt,
    };
    const movement: StockMovementDocument = {
      _id: event.id,
      warehouseCode: event.data.warehouseCode,
      itemCode: event.data.itemCode,
      type: event.type,
      quantity: event.type === 'StockCounted' ? event.data.difference : event.data.quantity,
      reason: event.data.reason,
      reference: event.data.reference ?? null,
      at: event.metadata.occurredAt,
      actorName: String(event.metadata['actorName'] ?? event.metadata.actorId),
      position: event.position,
    };
    return [
      { op: 'put', collection: STOCK_LEVELS_COLLECTION, document: level },
      { op: 'put', collection: STOCK_MOVEMENTS_COLLECTION, document: movement },
    ];
  },
});
