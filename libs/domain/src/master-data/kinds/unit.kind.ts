import { z } from 'zod';
import { code, codes, countryCode, name, timeZone } from '../fields';
import { defineKind, refs } from '../master-data-kind';

export const UNIT_TYPES = ['head-office', 'service-centre', 'partner', 'team'] as const;

/** A node of the service structure: the head office at the root, centres, partners and teams below. */
export const unitSchema = z
  .object({
    name,
    type: z.enum(UNIT_TYPES),
    /** Absent only for the head office. */
    parentCode: code.optional(),
    country: countryCode,
    /** ISO 3166-2 subdivision without the country prefix (BY, 25...), for regional holidays. */
    subdivision: z
      .string()
      .regex(/^[A-Z0-9]{1,3}$/)
      .optional(),
    timeZone,
    /** The unit's working hours; below it, units and technicians inherit the nearest one. */
    calendarCode: code.optional(),
    managerCodes: codes.default([]),
  })
  .strict()
  .superRefine((unit, ctx) => {
    if (unit.type === 'head-office' && unit.parentCode !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentCode'],
        message: 'The head office is the root: it has no parent',
      });
    }
    if (unit.type !== 'head-office' && unit.parentCode === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentCode'],
        message: 'Every unit but the head office has a parent',
      });
    }
  });
export type Unit = z.infer<typeof unitSchema>;

export const unitKind = defineKind({
  name: 'unit',
  plural: 'units',
  schema: unitSchema,
  references: (unit) => [
    ...refs('unit', 'parentCode', unit.parentCode),
    ...refs('calendar', 'calendarCode', unit.calendarCode),
    ...refs('technician', 'managerCodes', unit.managerCodes),
  ],
  scope: (_unit, unitCode) => ({ units: [unitCode] }),
  searchFields: ['name'],
  columns: ['name', 'type', 'parentCode', 'country', 'timeZone'],
});
