import { z } from 'zod';
import { name, text } from '../fields';
import { defineKind } from '../master-data-kind';

export const assetModelSchema = z
  .object({
    name,
    manufacturer: z.string().trim().min(1).max(100),
    family: z.string().trim().min(1).max(100),
    description: text.optional(),
    /** Meters the model has (hours run, cycles, litres dispensed), for meter-based maintenance. */
    meters: z
      .array(
        z
          .object({
            name: z
              .string()
              .trim()
              .regex(/^[a-z][a-z0-9-]{0,39}$/),
            unit: z.string().trim().max(20),
          })
          .strict(),
      )
      .max(20)
      .default([]),
    /** Manuals, drawings, wiring schemas (attachment ids). */
    documentIds: z.array(z.uuid()).max(100).default([]),
  })
  .strict();
export type AssetModel = z.infer<typeof assetModelSchema>;

export const assetModelKind = defineKind({
  name: 'asset-model',
  plural: 'asset-models',
  schema: assetModelSchema,
  references: () => [],
  scope: () => ({}),
  searchFields: ['name', 'manufacturer', 'family'],
  columns: ['name', 'manufacturer', 'family'],
});
