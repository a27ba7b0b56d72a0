import { z } from 'zod';
import { code } from '../master-data/fields';

const quantity = z.number().positive('More than zero').max(1e7);
const reason = z.string().trim().min(1, 'Say why').max(200);
const reference = z.string().trim().max(100).optional();

/** What a desk, a technician or a back-office system posts to move stock. */
export const stockMovementSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('receive'), itemCode: code, quantity, reason, reference }).strict(),
  z
    .object({
      type: z.literal('issue'),
      itemCode: code,
      quantity,
      reason,
      reference,
      reservationId: z.string().max(100).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('reserve'),
      itemCode: code,
      quantity,
      reason,
      reference,
      reservationId: z.string().min(1).max(100),
    })
    .strict(),
  z.object({ type: z.literal('release'), reservationId: z.string().min(1).max(100), reason }).strict(),
  z
    .object({
      type: z.literal('count'),
      itemCode: code,
      counted: z.number().min(0).max(1e7),
      reason,
      reference,
    })
    .strict(),
  z
    .object({
      type: z.literal('transfer'),
      itemCode: code,
      quantity,
      reason,
      reference,
      toWarehouseCode: code,
    })
    .strict(),
]);
export type StockMovement = z.infer<typeof stockMovementSchema>;
