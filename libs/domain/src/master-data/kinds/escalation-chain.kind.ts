import { z } from 'zod';
import { name, text, uniqueCodes } from '../fields';
import { defineKind, refs } from '../master-data-kind';
import { NOTIFICATION_AUDIENCES, NOTIFICATION_CHANNELS } from '../../notifications/notification-topics';
import { PRIORITIES } from './contract.kind';

export const escalationLevelSchema = z
  .object({
    /** The SLA alarm (percent of a clock's target) that raises this level; 100 is the deadline. */
    percent: z.number().int().min(1).max(300),
    audiences: z
      .array(z.enum(NOTIFICATION_AUDIENCES))
      .min(1, 'Say who is alerted')
      .max(NOTIFICATION_AUDIENCES.length),
    channels: z
      .array(z.enum(NOTIFICATION_CHANNELS))
      .min(1, 'Say through which channels')
      .max(NOTIFICATION_CHANNELS.length),
    /** Someone alerted must acknowledge within this time, or the next level is alerted at once. */
    acknowledgeWithinMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
  })
  .strict();
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

/**
 * Who is alerted at which SLA threshold, level by level (technician → dispatcher → centre manager →
 * head office), for the requests it matches: by priority, contract and service centre (empty lists
 * match all). The most specific matching chain applies to a request.
 */
export const escalationChainSchema = z
  .object({
    name,
    priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).default([]),
    contractCodes: uniqueCodes(500).default([]),
    unitCodes: uniqueCodes(500).default([]),
    levels: z.array(escalationLevelSchema).min(1, 'At least one level').max(8),
    notes: text.optional(),
  })
  .strict()
  .superRefine((chain, ctx) => {
    chain.levels.forEach((level, index) => {
      const previous = chain.levels[index - 1];
      if (previous && level.percent < previous.percent) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'percent'],
          message: 'Levels go up: each is raised at the same or a later threshold than the one before',
        });
      }
    });
  });
export type EscalationChain = z.infer<typeof escalationChainSchema>;

export const escalationChainKind = defineKind({
  name: 'escalation-chain',
  plural: 'escalation-chains',
  schema: escalationChainSchema,
  references: (chain) => [
    ...refs('contract', 'contractCodes', chain.contractCodes),
    ...refs('unit', 'unitCodes', chain.unitCodes),
  ],
  scope: () => ({}),
  searchFields: ['name'],
  columns: ['name', 'priorities', 'unitCodes'],
});
