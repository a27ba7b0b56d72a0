import { z } from 'zod';
import { isoDate, name, text, uniqueCodes } from '../fields';
import { defineKind, refs } from '../master-data-kind';
import { recurrenceProblem } from '../../preventive/plan-recurrence';
import { PRIORITIES } from './contract.kind';

const meterName = z.string().trim().min(1).max(40);

/**
 * Preventive maintenance for some assets (by serial number) or every asset of some models: by the
 * calendar (an RFC 5545 recurrence, "every 6 months on the first Monday"), by a meter ("every 500
 * operating hours"), or both. The worker opens each visit's request `leadDays` ahead (a meter's
 * when the reading comes within `openBefore` of the threshold), once each.
 */
export const maintenancePlanSchema = z
  .object({
    name,
    assetCodes: uniqueCodes(20000).default([]),
    assetModelCodes: uniqueCodes(500).default([]),
    calendar: z
      .object({
        /** The RRULE value, e.g. FREQ=MONTHLY;INTERVAL=6;BYDAY=1MO (read in each site's zone). */
        rrule: z.string().trim().min(5).max(500),
        /** The first day the rule counts from (its DTSTART). */
        startDate: isoDate,
      })
      .strict()
      .optional(),
    meter: z
      .object({
        meter: meterName,
        /** A visit every this many units (hours, cycles, kWh...). */
        every: z.number().positive().max(1e9),
        /** Open the request when the reading is this close to the next multiple. */
        openBefore: z.number().min(0).max(1e9).default(0),
      })
      .strict()
      .optional(),
    /** Calendar visits are opened this many days before they fall due. */
    leadDays: z.number().int().min(0).max(365).default(14),
    priority: z.enum(PRIORITIES).default('low'),
    description: text.min(1, 'Say what the visit does'),
    conditionCodes: uniqueCodes(20).default([]),
    notes: text.optional(),
  })
  .strict()
  .superRefine((plan, ctx) => {
    if (plan.assetCodes.length === 0 && plan.assetModelCodes.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['assetCodes'],
        message: 'Name the assets or the asset models it covers',
      });
    }
    if (!plan.calendar && !plan.meter) {
      ctx.addIssue({
        code: 'custom',
        path: ['calendar'],
        message: 'Give a calendar rule, a meter rule, or both',
      });
    }
    // A bad start date is reported on its own field, not blamed on the rule.
    if (plan.calendar && isoDate.safeParse(plan.calendar.startDate).success) {
      const problem = recurrenceProblem(plan.calendar.rrule, plan.calendar.startDate);
      if (problem) ctx.addIssue({ code: 'custom', path: ['calendar', 'rrule'], message: problem });
    }
    if (plan.meter && plan.meter.openBefore >= plan.meter.every) {
      ctx.addIssue({
        code: 'custom',
        path: ['meter', 'openBefore'],
        message: 'Open before less than a whole interval',
      });
    }
  });
export type MaintenancePlan = z.infer<typeof maintenancePlanSchema>;

export const maintenancePlanKind = defineKind({
  name: 'maintenance-plan',
  plural: 'maintenance-plans',
  schema: maintenancePlanSchema,
  references: (plan) => [
    ...refs('asset', 'assetCodes', plan.assetCodes),
    ...refs('asset-model', 'assetModelCodes', plan.assetModelCodes),
    ...refs('condition', 'conditionCodes', plan.conditionCodes),
  ],
  scope: () => ({}),
  searchFields: ['name', 'description'],
  columns: ['name', 'priority', 'leadDays'],
});
