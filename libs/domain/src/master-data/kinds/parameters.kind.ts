import { z } from 'zod';
import { code, name } from '../fields';
import { defineKind } from '../master-data-kind';
import {
  DEFAULT_CRITERION_WEIGHTS,
  PROPOSAL_CRITERIA,
  type ProposalCriterion,
} from '../../dispatch/proposal-score';
import { DEFAULT_TRAVEL_MODEL } from '../../dispatch/travel-estimate';
import { PRIORITIES } from './contract.kind';

export const DEFAULT_SUSPENSION_REASONS = [
  { code: 'waiting-customer', label: 'Waiting for the customer' },
  { code: 'waiting-parts', label: 'Waiting for parts' },
  { code: 'no-access', label: 'No access to the site' },
  { code: 'other', label: 'Other' },
];

const weight = (byDefault: number) => z.number().min(0).max(100).default(byDefault);

/**
 * The organisation's switches, one record (code `organisation`) whose every change is a new
 * version in its stream. Later issues read them: acceptance mode, renounce reasons, priorities.
 */
export const parametersSchema = z
  .object({
    name: name.default('Organisation parameters'),
    /** On: a desk operator accepts or rejects each request; off: requests are accepted on arrival. */
    explicitAcceptance: z.boolean().default(true),
    renounceReasons: z
      .array(z.object({ code, label: name }).strict())
      .min(1)
      .max(50),
    /** Why a request may be put on hold; contracts name those that pause their SLA clocks. */
    suspensionReasons: z
      .array(z.object({ code, label: name }).strict())
      .min(1)
      .max(50)
      .default(DEFAULT_SUSPENSION_REASONS),
    priorities: z
      .array(
        z
          .object({ code: z.enum(PRIORITIES), label: name, colour: z.string().regex(/^#[0-9a-fA-F]{6}$/) })
          .strict(),
      )
      .min(1)
      .max(PRIORITIES.length),
    /** Minutes before a deadline when the first alarm goes off. */
    slaWarningMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    /** Days after closing (or a remote resolution) during which a request may be reopened. */
    reopenWindowDays: z.number().int().min(0).max(365).default(14),
    /** How far dispatch looks for a free slot. */
    planningHorizonDays: z.number().int().min(1).max(90).default(14),
    /** How much each criterion weighs when technicians are proposed (see the dispatch README). */
    proposalWeights: z
      .object(
        Object.fromEntries(
          PROPOSAL_CRITERIA.map((criterion) => [criterion, weight(DEFAULT_CRITERION_WEIGHTS[criterion])]),
        ) as {
          [K in ProposalCriterion]: ReturnType<typeof weight>;
        },
      )
      .strict()
      .default(DEFAULT_CRITERION_WEIGHTS),
    /** Proposed starts fall on this grid, in minutes. */
    slotGridMinutes: z.number().int().min(5).max(60).default(15),
    /** Later starts offered beside each technician's earliest. */
    proposalAlternatives: z.number().int().min(0).max(10).default(3),
    /** Road distance over straight-line distance, for travel estimates without a routing engine. */
    travelRoadFactor: z.number().min(1).max(3).default(DEFAULT_TRAVEL_MODEL.roadFactor),
    /** Average driving speed for travel estimates. */
    travelSpeedKmh: z.number().min(5).max(150).default(DEFAULT_TRAVEL_MODEL.speedKmh),
    lockoutFailures: z.number().int().min(3).max(20).default(5),
    lockoutMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
  })
  .strict();
export type Parameters = z.infer<typeof parametersSchema>;

export const PARAMETERS_CODE = 'organisation';

export const parametersKind = defineKind({
  name: 'parameters',
  plural: 'parameters',
  schema: parametersSchema,
  references: () => [],
  scope: () => ({}),
  searchFields: ['name'],
  columns: ['name', 'explicitAcceptance', 'slaWarningMinutes'],
});
