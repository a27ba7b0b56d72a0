import { z } from 'zod';
import { serviceRequestPrioritySchema } from '../service-requests/service-request-bodies';

/**
 * Proposals: who can restore service, and when, and why. Asked for a request
 * (`GET /api/service-requests/:id/proposals`) or as a what-if (`POST /api/proposals`). Instants are
 * ISO strings in UTC; the desk shows them in the site's zone (`job.timeZone`).
 */

const isoInstant = z.iso.datetime({ offset: true });
const skillCode = z.string().trim().min(1).max(64);

/** Query of `GET /api/service-requests/:id/proposals`. */
export const requestProposalQuerySchema = z
  .object({
    /** Nothing before this instant (default: now). */
    notBefore: isoInstant.optional(),
    /** Default: the organisation's planning horizon. */
    horizonDays: z.coerce.number().int().min(1).max(90).optional(),
    /** Default: the sum of the conditions' expected minutes (60 without conditions). */
    durationMinutes: z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .optional(),
  })
  .strict();
export type RequestProposalQuery = z.infer<typeof requestProposalQuerySchema>;

/** Body of `POST /api/proposals`: a job that is not (yet) a request. */
export const whatIfProposalBodySchema = z
  .object({
    siteCode: z.string().trim().min(1).max(64),
    assetCode: z.string().trim().min(1).max(64).optional(),
    conditionCodes: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
    /** Skills asked beyond the conditions' (a level above 1, a skill no condition names). */
    requiredSkills: z
      .array(z.object({ skillCode, minLevel: z.number().int().min(1).max(5).default(1) }).strict())
      .max(20)
      .default([]),
    priority: serviceRequestPrioritySchema.default('normal'),
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .optional(),
    notBefore: isoInstant.optional(),
    horizonDays: z.number().int().min(1).max(90).optional(),
  })
  .strict();
export type WhatIfProposalBody = z.infer<typeof whatIfProposalBodySchema>;

export const proposedSlotSchema = z.object({
  start: z.string(),
  end: z.string(),
  /** The appointment the technician comes from, that day. */
  after: z.object({ bookingId: z.string(), label: z.string() }).optional(),
  travelMinutes: z.number().optional(),
  travelKm: z.number().optional(),
  withinDeadline: z.boolean().optional(),
});
export type ProposedSlotView = z.infer<typeof proposedSlotSchema>;

export const exclusionSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('inactive') }),
  z.object({ code: z.literal('missing_skill'), skillCode: z.string(), minLevel: z.number() }),
  z.object({
    code: z.literal('skill_level_too_low'),
    skillCode: z.string(),
    minLevel: z.number(),
    heldLevel: z.number(),
  }),
  z.object({ code: z.literal('certificate_missing'), skillCode: z.string() }),
  z.object({ code: z.literal('certificate_expired'), skillCode: z.string(), certifiedUntil: z.string() }),
  z.object({ code: z.literal('unavailable'), layer: z.string(), reason: z.string(), until: z.string() }),
  z.object({ code: z.literal('site_never_accessible_when_working') }),
  z.object({ code: z.literal('fully_booked'), until: z.string() }),
]);
export type ExclusionView = z.infer<typeof exclusionSchema>;

export const PROPOSAL_CRITERIA = [
  'start',
  'deadline',
  'zone',
  'travel',
  'materials',
  'skills',
  'workload',
] as const;
export const proposalCriterionSchema = z.enum(PROPOSAL_CRITERIA);

export const technicianProposalSchema = z.object({
  technicianCode: z.string(),
  name: z.string(),
  unitCode: z.string().optional(),
  status: z.enum(['proposed', 'excluded']),
  exclusions: z.array(exclusionSchema),
  skills: z.array(
    z.object({
      skillCode: z.string(),
      minLevel: z.number(),
      heldLevel: z.number().optional(),
      certifiedUntil: z.string().optional(),
      verdict: z.enum(['met', 'missing', 'level_too_low', 'certificate_expired', 'certificate_missing']),
    }),
  ),
  zone: z.enum(['own', 'neighbour', 'outside', 'unknown']),
  materials: z.object({
    status: z.enum(['none', 'van', 'warehouse', 'missing']),
    lines: z.array(
      z.object({
        itemCode: z.string(),
        quantity: z.number(),
        inVan: z.number(),
        warehouseCode: z.string().optional(),
        source: z.enum(['van', 'warehouse', 'missing']),
      }),
    ),
  }),
  slot: proposedSlotSchema.optional(),
  alternatives: z.array(proposedSlotSchema),
  counterfactual: z
    .object({
      start: z.string(),
      ifMoves: z.object({ bookingId: z.string(), label: z.string(), requestId: z.string().optional() }),
    })
    .optional(),
  score: z
    .object({
      total: z.number(),
      criteria: z.array(
        z.object({
          criterion: proposalCriterionSchema,
          value: z.union([z.number(), z.string()]).optional(),
          score: z.number(),
          weight: z.number(),
          points: z.number(),
        }),
      ),
    })
    .optional(),
});
export type TechnicianProposalView = z.infer<typeof technicianProposalSchema>;

export const crewProposalSchema = z.object({
  members: z.array(
    z.object({ technicianCode: z.string(), name: z.string(), skillCodes: z.array(z.string()) }),
  ),
  start: z.string(),
  end: z.string(),
  withinDeadline: z.boolean().optional(),
});
export type CrewProposalView = z.infer<typeof crewProposalSchema>;

export const proposalAnswerSchema = z.object({
  job: z.object({
    requestId: z.string().optional(),
    siteCode: z.string(),
    zoneCode: z.string().optional(),
    timeZone: z.string(),
    priority: serviceRequestPrioritySchema,
    durationMinutes: z.number(),
    requiredSkills: z.array(z.object({ skillCode: z.string(), minLevel: z.number() })),
    materials: z.array(z.object({ itemCode: z.string(), quantity: z.number() })),
    notBefore: z.string(),
    horizonEnd: z.string(),
    /** When service must be restored by, from the covering contract's service level. */
    deadline: z.string().optional(),
  }),
  weights: z.record(proposalCriterionSchema, z.number()),
  proposals: z.array(technicianProposalSchema),
  /**
   * For a job needing two or more skills: the smallest teams covering them all, each member free
   * at the same start (a synchronized intervention). Smaller crews first, then earlier starts.
   */
  crews: z.array(crewProposalSchema),
});
export type ProposalAnswer = z.infer<typeof proposalAnswerSchema>;

export const dispatchPaths = {
  requestProposals: (requestId: string) => `/service-requests/${encodeURIComponent(requestId)}/proposals`,
  whatIf: '/proposals',
  assignmentImpact: (requestId: string) =>
    `/service-requests/${encodeURIComponent(requestId)}/assignments/impact`,
} as const;

/**
 * `POST /api/service-requests/:id/assignments/impact`: what an assignment (the same body as the
 * assignment itself) would push aside, before anything is written — each appointment in the way,
 * its request's service level, and who would be told.
 */
export const displacedAppointmentSchema = z.object({
  technicianCode: z.string(),
  appointmentId: z.string(),
  requestId: z.string(),
  reference: z.string(),
  start: z.string(),
  end: z.string(),
  priority: serviceRequestPrioritySchema.optional(),
  customerName: z.string().optional(),
  siteName: z.string().optional(),
  /** What the body asks for it; absent when the body does not name it (the assignment would be refused). */
  action: z.enum(['suspend', 'remove']).optional(),
  /** The displaced request's restoration deadline, when its contract sets one. */
  deadline: z.string().optional(),
  /** breached: already past; at_risk: due within the warning time; ok: later; none: no deadline. */
  slaRisk: z.enum(['breached', 'at_risk', 'ok', 'none']),
  /** Who hears of it: the technicians on that request and the desk of its service centre. */
  notified: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('technician'), code: z.string(), name: z.string().optional() }),
      z.object({ kind: z.literal('desk'), unitCode: z.string() }),
    ]),
  ),
});
export type DisplacedAppointmentView = z.infer<typeof displacedAppointmentSchema>;

export const assignmentImpactSchema = z.object({
  /** Nothing in the way: the assignment would go through as it is. */
  clear: z.boolean(),
  /** Appointments in the way the body does not name: the assignment would be refused as it stands. */
  unnamed: z.number(),
  displaced: z.array(displacedAppointmentSchema),
});
export type AssignmentImpact = z.infer<typeof assignmentImpactSchema>;
