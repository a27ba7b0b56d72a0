import { z } from 'zod';
import { code, isoDate, name, repeatedIndexes, text, uniqueCodes } from '../fields';
import { defineKind, refs } from '../master-data-kind';
import { BREACH_PERCENT, DEFAULT_SLA_THRESHOLDS } from '../../service-levels/sla-policy';

export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;

export const serviceLevelSchema = z
  .object({
    priority: z.enum(PRIORITIES),
    /** Minutes of service hours until someone must respond / service must be restored. */
    responseMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 60),
    restorationMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 60),
  })
  .strict()
  .refine((level) => level.restorationMinutes >= level.responseMinutes, {
    path: ['restorationMinutes'],
    message: 'Restoration cannot be due before the response',
  });

export const contractSchema = z
  .object({
    name,
    customerCode: code,
    /** Empty lists mean every site / asset of the customer. */
    siteCodes: uniqueCodes(5000).default([]),
    assetCodes: uniqueCodes(20000).default([]),
    validFrom: isoDate,
    validTo: isoDate,
    /** The hours in which SLA clocks run. */
    serviceCalendarCode: code,
    serviceLevels: z.array(serviceLevelSchema).min(1, 'At least one service level').max(PRIORITIES.length),
    includesLabour: z.boolean().default(true),
    includesMaterials: z.boolean().default(false),
    /** Alarm thresholds, in percent of each SLA clock's target; 100 (the deadline) always included. */
    slaThresholds: z
      .array(z.number().int().min(1).max(300))
      .min(1)
      .max(10)
      .default([...DEFAULT_SLA_THRESHOLDS]),
    /** From this alarm on, a running clock counts as at risk on dashboards. */
    slaAtRiskPercent: z.number().int().min(1).max(100).default(75),
    /** What ends the response clock: the first technician on site, or already one setting out. */
    responseEndsOn: z.enum(['on-site', 'on-the-way']).default('on-site'),
    /** Suspension reasons (the organisation's codes) that stop the SLA clocks while suspended. */
    slaPausingReasonCodes: uniqueCodes(50).default(['waiting-customer']),
    /** Penalty per started hour of restoration beyond the deadline, in the contract's currency. */
    penaltyPerHour: z.number().min(0).max(1e6).default(0),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('EUR'),
    notes: text.optional(),
  })
  .strict()
  .superRefine((contract, ctx) => {
    if (contract.validTo < contract.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'The contract ends before it starts' });
    }
    contract.slaThresholds.forEach((percent, index) => {
      const previous = contract.slaThresholds[index - 1];
      if (previous !== undefined && percent <= previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['slaThresholds', index],
          message: 'Thresholds must rise: each one above the one before',
        });
      }
    });
    if (!contract.slaThresholds.includes(BREACH_PERCENT)) {
      ctx.addIssue({
        code: 'custom',
        path: ['slaThresholds'],
        message: 'The thresholds must include 100, the deadline itself',
      });
    }
    for (const index of repeatedIndexes(contract.serviceLevels, (level) => level.priority)) {
      const level = contract.serviceLevels[index]!;
      ctx.addIssue({
        code: 'custom',
        path: ['serviceLevels', index, 'priority'],
        message: `Priority ${level.priority} is listed twice`,
      });
    }
  });
export type Contract = z.infer<typeof contractSchema>;

export const contractKind = defineKind({
  name: 'contract',
  plural: 'contracts',
  schema: contractSchema,
  references: (contract) => [
    ...refs('customer', 'customerCode', contract.customerCode),
    ...refs('site', 'siteCodes', contract.siteCodes),
    ...refs('asset', 'assetCodes', contract.assetCodes),
    ...refs('calendar', 'serviceCalendarCode', contract.serviceCalendarCode),
  ],
  scope: (contract) => ({ customers: [contract.customerCode] }),
  searchFields: ['name'],
  columns: ['name', 'customerCode', 'validFrom', 'validTo'],
});
