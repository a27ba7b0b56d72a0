import { z } from 'zod';
import { code, name } from '../fields';
import { defineKind, refs } from '../master-data-kind';

/** Where stock is held: a unit's warehouse, or a technician's van. */
export const warehouseSchema = z
  .object({
    name,
    type: z.enum(['warehouse', 'van']),
    unitCode: code,
    technicianCode: code.optional(),
  })
  .strict()
  .superRefine((warehouse, ctx) => {
    if (warehouse.type === 'van' && !warehouse.technicianCode) {
      ctx.addIssue({ code: 'custom', path: ['technicianCode'], message: 'A van belongs to a technician' });
    }
  });
export type Warehouse = z.infer<typeof warehouseSchema>;

export const warehouseKind = defineKind({
  name: 'warehouse',
  plural: 'warehouses',
  schema: warehouseSchema,
  references: (warehouse) => [
    ...refs('unit', 'unitCode', warehouse.unitCode),
    ...refs('technician', 'technicianCode', warehouse.technicianCode),
  ],
  scope: (warehouse) => ({
    units: [warehouse.unitCode],
    ...(warehouse.technicianCode ? { technicians: [warehouse.technicianCode] } : {}),
  }),
  searchFields: ['name'],
  columns: ['name', 'type', 'unitCode', 'technicianCode'],
});
