import { z } from 'zod';
import { code, name, text, uniqueCodes } from '../fields';
import { defineKind, refs } from '../master-data-kind';

export const CONDITION_CATEGORIES = ['fault', 'consumable', 'stock', 'alarm', 'status', 'other'] as const;

const stepSchema = z.object({ instruction: z.string().trim().min(1).max(2000) }).strict();

/** A group of steps with operating instructions and attachments, carried out to clear a condition. */
export const correctiveActionSchema = z
  .object({
    title: name,
    steps: z.array(stepSchema).min(1, 'A corrective action has at least one step').max(100),
    attachmentIds: z.array(z.uuid()).max(50).default([]),
  })
  .strict();

/**
 * A condition a machine can be in (the brief's "event"): generic (electrical fault) or precise (the
 * exact code a model sends, E-104), for a model or a family; what it takes to restore service.
 */
export const conditionSchema = z
  .object({
    name,
    description: text.optional(),
    category: z.enum(CONDITION_CATEGORIES),
    precision: z.enum(['generic', 'precise']),
    /** The code the machine itself sends, for precise conditions (may differ from our code). */
    deviceCode: z.string().trim().max(64).optional(),
    modelCodes: uniqueCodes().default([]),
    family: z.string().trim().max(100).optional(),
    requiredSkillCodes: uniqueCodes(50).default([]),
    expectedMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    materials: z
      .array(z.object({ itemCode: code, quantity: z.number().positive().max(1e6) }).strict())
      .max(100)
      .default([]),
    tools: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
    correctiveActions: z.array(correctiveActionSchema).max(20).default([]),
  })
  .strict()
  .superRefine((condition, ctx) => {
    if (condition.precision === 'precise' && condition.modelCodes.length === 0 && !condition.family) {
      ctx.addIssue({
        code: 'custom',
        path: ['modelCodes'],
        message: 'A precise condition names the models (or family) that send it',
      });
    }
  });
export type Condition = z.infer<typeof conditionSchema>;

export const conditionKind = defineKind({
  name: 'condition',
  plural: 'conditions',
  schema: conditionSchema,
  references: (condition) => [
    ...refs('asset-model', 'modelCodes', condition.modelCodes),
    ...refs('skill', 'requiredSkillCodes', condition.requiredSkillCodes),
    ...condition.materials.map((material, index) => ({
      field: `materials.${index}.itemCode`,
      kind: 'item' as const,
      code: material.itemCode,
    })),
  ],
  scope: () => ({}),
  searchFields: ['name', 'deviceCode', 'family'],
  columns: ['name', 'category', 'precision', 'expectedMinutes'],
});
