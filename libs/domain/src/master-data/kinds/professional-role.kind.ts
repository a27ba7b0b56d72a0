import { z } from 'zod';
import { name, text, uniqueCodes } from '../fields';
import { defineKind, refs } from '../master-data-kind';

/** A professional role carries a list of skills: a technician with the role has them all. */
export const professionalRoleSchema = z
  .object({
    name,
    description: text.optional(),
    skillCodes: uniqueCodes(200),
  })
  .strict();
export type ProfessionalRole = z.infer<typeof professionalRoleSchema>;

export const professionalRoleKind = defineKind({
  name: 'professional-role',
  plural: 'professional-roles',
  schema: professionalRoleSchema,
  references: (role) => refs('skill', 'skillCodes', role.skillCodes),
  scope: () => ({}),
  searchFields: ['name'],
  columns: ['name', 'skillCodes'],
});
