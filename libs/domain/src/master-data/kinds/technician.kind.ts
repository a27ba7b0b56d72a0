import { z } from 'zod';
import { code, email, isoDate, name, phone, repeatedIndexes, uniqueCodes } from '../fields';
import { defineKind, refs } from '../master-data-kind';

/** A skill held personally, beyond the roles', with a level and, for certified skills, an expiry. */
export const technicianSkillSchema = z
  .object({
    skillCode: code,
    level: z.number().int().min(1).max(5).default(3),
    certifiedUntil: isoDate.optional(),
  })
  .strict();

/** A field technician, employed by a unit or by an external partner. */
export const technicianSchema = z
  .object({
    name,
    unitCode: code,
    email: email.optional(),
    phone: phone.optional(),
    roleCodes: uniqueCodes(50).default([]),
    skills: z.array(technicianSkillSchema).max(200).default([]),
    /** Zones served first; empty means the zones of the unit. */
    zoneCodes: uniqueCodes().default([]),
    /** The technician's own calendar: personal hours, leave and other absences with reasons. */
    calendarCode: code.optional(),
    active: z.boolean().default(true),
  })
  .strict()
  .superRefine((technician, ctx) => {
    for (const index of repeatedIndexes(technician.skills, (skill) => skill.skillCode)) {
      const skill = technician.skills[index]!;
      ctx.addIssue({
        code: 'custom',
        path: ['skills', index, 'skillCode'],
        message: `${skill.skillCode} is listed twice`,
      });
    }
  });
export type Technician = z.infer<typeof technicianSchema>;

export const technicianKind = defineKind({
  name: 'technician',
  plural: 'technicians',
  schema: technicianSchema,
  references: (technician) => [
    ...refs('unit', 'unitCode', technician.unitCode),
    ...refs('professional-role', 'roleCodes', technician.roleCodes),
    ...technician.skills.map((skill, index) => ({
      field: `skills.${index}.skillCode`,
      kind: 'skill' as const,
      code: skill.skillCode,
    })),
    ...refs('zone', 'zoneCodes', technician.zoneCodes),
    ...refs('calendar', 'calendarCode', technician.calendarCode),
  ],
  scope: (technician, technicianCode) => ({ units: [technician.unitCode], technicians: [technicianCode] }),
  searchFields: ['name', 'email'],
  columns: ['name', 'unitCode', 'roleCodes', 'phone'],
});
