import { z } from 'zod';
import { name, text } from '../fields';
import { defineKind } from '../master-data-kind';

/** Something a technician can do (boiler combustion analysis, lift rescue, HV switching...). */
export const skillSchema = z
  .object({
    name,
    description: text.optional(),
    /** Whether holding it needs a certificate with an expiry (gas safe, F-gas...). */
    certified: z.boolean().default(false),
  })
  .strict();
export type Skill = z.infer<typeof skillSchema>;

export const skillKind = defineKind({
  name: 'skill',
  plural: 'skills',
  schema: skillSchema,
  references: () => [],
  scope: () => ({}),
  searchFields: ['name', 'description'],
  columns: ['name', 'certified'],
});
