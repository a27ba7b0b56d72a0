import type { StockEvent } from '@fieldstream/domain';
import { z } from 'zod';
import { publishedTypes } from '../published-event-type';
import { code } from './payload-fields';

/** Every movement names its warehouse and item, so each event reads on its own. */
const movement = {
  warehouseCode: code,
  itemCode: code,
  quantity: z.number(),
  reason: z.string(),
  reference: z
    .string()
    .optional()
    .meta({ description: 'What caused it: a service request, a delivery note, an inventory count...' }),
};
const MOVE = {
  warehouseCode: 'VAN-T-MI-1',
  itemCode: 'FILTER',
  quantity: 2,
  reason: 'Used on a service request',
  reference: 'SR-F1D2C3B4',
};
const RESERVATION = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const TRANSFER = '8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f';

/** Stock per warehouse (a store or a technician's van): `stock-<uuid>` streams. */
export const STOCK_EVENTS = publishedTypes<StockEvent>(
  'stock',
  { streamPrefix: 'stock-', streamId: 'uuid', entity: 'stock', typePrefix: 'Stock' },
  {
    StockReceived: {
      summary: 'Items arrived in a warehouse.',
      payload: z.object(movement),
      example: { ...MOVE, reason: 'Van restock', reference: 'DN-2026-118' },
    },
    StockIssued: {
      summary: 'Items left a warehouse (used on a job), from a reservation when one was made.',
      payload: z.object({ ...movement, reservationId: z.string().optional() }),
      example: { ...MOVE, reservationId: RESERVATION },
    },
    StockReserved: {
      summary: 'Items were set aside for a job.',
      payload: z.object({ ...movement, reservationId: z.string() }),
      example: { ...MOVE, reservationId: RESERVATION },
    },
    StockReservationReleased: {
      summary: 'A reservation was given back.',
      payload: z.object({ ...movement, reservationId: z.string() }),
      example: { ...MOVE, reservationId: RESERVATION },
    },
    StockCounted: {
      summary: 'An inventory count: what was counted and the difference it made.',
      payload: z.object({ ...movement, counted: z.number(), difference: z.number() }),
      example: { ...MOVE, quantity: 1, reason: 'Inventory', counted: 4, difference: -1 },
    },
    StockTransferredOut: {
      summary: 'Items left for another warehouse.',
      payload: z.object({ ...movement, transferId: z.string(), toWarehouseCode: code }),
      example: { ...MOVE, reason: 'Restock', transferId: TRANSFER, toWarehouseCode: 'VAN-T-RM-1' },
    },
    StockTransferredIn: {
      summary: 'Items arrived from another warehouse.',
      payload: z.object({ ...movement, transferId: z.string(), fromWarehouseCode: code }),
      example: { ...MOVE, reason: 'Restock', transferId: TRANSFER, fromWarehouseCode: 'WH-MI' },
    },
  },
);
