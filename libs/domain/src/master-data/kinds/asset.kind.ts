import { z } from 'zod';
import { code, isoDate, name } from '../fields';
import { defineKind, refs } from '../master-data-kind';

export const ASSET_OWNERSHIPS = ['customer', 'loan', 'network', 'own-plant'] as const;

/** A machine or installation we service; its code is the serial number as written on its plate. */
export const assetSchema = z
  .object({
    name: name.optional(),
    modelCode: code,
    siteCode: code,
    /** The site's customer, repeated so that a customer's scope reaches it without a lookup; checked on write. */
    customerCode: code,
    ownership: z.enum(ASSET_OWNERSHIPS),
    installedOn: isoDate.optional(),
    meters: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(40),
            value: z.number().min(0),
            readAt: z.iso.datetime().optional(),
          })
          .strict(),
      )
      .max(20)
      .default([]),
    /**
     * How often the asset's device reports when it is connected (heartbeats, statuses...): longer
     * silence raises a condition of its own. Absent: the device is not watched.
     */
    heartbeatMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
    /** Free configuration as the technician left it (firmware, settings, fitted options). */
    configuration: z
      .record(z.string().max(100), z.union([z.string().max(500), z.number(), z.boolean()]))
      .default({}),
  })
  .strict();
export type Asset = z.infer<typeof assetSchema>;

export const assetKind = defineKind({
  name: 'asset',
  plural: 'assets',
  schema: assetSchema,
  references: (asset) => [
    ...refs('asset-model', 'modelCode', asset.modelCode),
    ...refs('site', 'siteCode', asset.siteCode),
    ...refs('customer', 'customerCode', asset.customerCode),
  ],
  scope: (asset) => ({ customers: [asset.customerCode], sites: [asset.siteCode] }),
  searchFields: ['name', 'modelCode'],
  columns: ['modelCode', 'siteCode', 'customerCode', 'ownership', 'installedOn'],
});
