import { z } from 'zod';
import { name, text } from '../fields';
import { defineKind } from '../master-data-kind';

/** A part or consumable that can be stocked, carried in a van and used on a job. */
export const itemSchema = z
  .object({
    name,
    description: text.optional(),
    unitOfMeasure: z.enum(['piece', 'kg', 'litre', 'metre', 'box']).default('piece'),
    category: z.enum(['part', 'consumable', 'tool']).default('part'),
    unitPrice: z.number().min(0).max(1e7).optional(),
  })
  .strict();
export type Item = z.infer<typeof itemSchema>;

export const itemKind = defineKind({
  name: 'item',
  plural: 'items',
  schema: itemSchema,
  references: () => [],
  scope: () => ({}),
  searchFields: ['name', 'description'],
  columns: ['name', 'category', 'unitOfMeasure'],
});
