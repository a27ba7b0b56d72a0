import { z } from 'zod';
import {
  contactSchema,
  materialLineSchema,
  serviceRequestPrioritySchema,
  serviceRequestSourceSchema,
  serviceRequestStatusSchema,
} from './service-request-bodies';

/**
 * What the service-request resources answer. Zod schemas, so the OpenAPI document describes the
 * same shapes the SPA types itself with.
 */
export const assignmentViewSchema = z.object({
  technicianCode: z.string(),
  technicianName: z.string().optional(),
  appointmentId: z.string().optional(),
  start: z.string(),
  end: z.string(),
  durationMinutes: z.number(),
  /** When this technician set out for the site, and the minutes they expected to need. */
  departedAt: z.string().optional(),
  etaMinutes: z.number().optional(),
  /** When this technician arrived on site. */
  startedAt: z.string().optional(),
});
export type AssignmentView = z.infer<typeof assignmentViewSchema>;

export const closureViewSchema = z.object({
  at: z.string(),
  estimate: z.object({ labourMinutes: z.number(), technicianCodes: z.array(z.string()) }),
  labourMinutes: z.number(),
  travelMinutes: z.number(),
  travelKm: z.number(),
  materials: z.array(materialLineSchema),
  correctiveActions: z.array(z.string()),
  resolution: z.string(),
});
export type ClosureView = z.infer<typeof closureViewSchema>;

/** A row of the desk's to-do list. */
export const serviceRequestSummarySchema = z.object({
  id: z.string(),
  /** Short human reference, `SR-` and the id's first eight characters. */
  reference: z.string(),
  status: serviceRequestStatusSchema,
  /** While suspended: the state it will resume to. */
  suspendedFrom: serviceRequestStatusSchema.optional(),
  source: serviceRequestSourceSchema,
  priority: serviceRequestPrioritySchema,
  customerCode: z.string(),
  customerName: z.string().optional(),
  siteCode: z.string(),
  siteName: z.string().optional(),
  assetCode: z.string().optional(),
  assetName: z.string().optional(),
  zoneCode: z.string().optional(),
  unitCode: z.string().optional(),
  description: z.string(),
  conditionCodes: z.array(z.string()),
  assignments: z.array(assignmentViewSchema),
  /** The earliest planned start among the assignments. */
  plannedStart: z.string().optional(),
  openedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().optional(),
  /** Events in the request's stream: what a client sends back as If-Match. */
  version: z.number(),
});
export type ServiceRequestSummary = z.infer<typeof serviceRequestSummarySchema>;

export const serviceRequestDetailSchema = serviceRequestSummarySchema.extend({
  contact: contactSchema.optional(),
  externalReference: z.string().optional(),
  followUpOf: z.string().optional(),
  followUpRequestIds: z.array(z.string()),
  acceptedAt: z.string().optional(),
  suspension: z.object({ reason: z.string(), until: z.string().optional() }).optional(),
  cancellationReason: z.string().optional(),
  rejectionDiagnosis: z.string().optional(),
  remoteResolution: z.string().optional(),
  closure: closureViewSchema.optional(),
  reopenedCount: z.number(),
  /** Commands the state machine allows now (the caller's role may still forbid some). */
  allowedCommands: z.array(z.string()),
});
export type ServiceRequestDetail = z.infer<typeof serviceRequestDetailSchema>;

export const serviceRequestListSchema = z.object({
  items: z.array(serviceRequestSummarySchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});
export type ServiceRequestList = z.infer<typeof serviceRequestListSchema>;

/** One event of a request's history, told in plain words in the reader's language. */
export const timelineEntrySchema = z.object({
  id: z.string(),
  revision: z.number(),
  type: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), role: z.string().optional() }),
  /** "Mario Rossi assigned Anna Bianchi for 27 Nov 2026, 09:00–11:00." */
  text: z.string(),
  /** The why, when the event has one: a reason, a diagnosis, a note, a resolution. */
  why: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const appointmentStatusSchema = z.enum(['reserved', 'confirmed', 'suspended']);

/** One appointment of a technician's agenda, with the request it serves. */
export const agendaEntrySchema = z.object({
  appointmentId: z.string(),
  technicianCode: z.string(),
  requestId: z.string(),
  start: z.string(),
  end: z.string(),
  status: appointmentStatusSchema,
  request: z
    .object({
      reference: z.string(),
      status: serviceRequestStatusSchema,
      priority: serviceRequestPrioritySchema,
      description: z.string(),
      customerCode: z.string(),
      customerName: z.string().optional(),
      siteCode: z.string(),
      siteName: z.string().optional(),
      address: z.string().optional(),
      /** The site's coordinates, when known: the technician's maps link. */
      latitude: z.number().optional(),
      longitude: z.number().optional(),
      assetCode: z.string().optional(),
      assetName: z.string().optional(),
      /** Other technicians on the same request (a synchronized intervention). */
      crew: z.array(z.string()),
    })
    .optional(),
});
export type AgendaEntry = z.infer<typeof agendaEntrySchema>;

export const agendaSchema = z.object({
  technicianCode: z.string(),
  technicianName: z.string().optional(),
  /** The technician's IANA time zone, for showing local times. */
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  entries: z.array(agendaEntrySchema),
});
export type Agenda = z.infer<typeof agendaSchema>;

/** An asset's or site's history: its interventions (newest first) and changes to its record. */
export const historySchema = z.object({
  code: z.string(),
  interventions: z.array(serviceRequestSummarySchema.extend({ closure: closureViewSchema.optional() })),
  changes: z.array(
    z.object({ at: z.string(), type: z.string(), actorName: z.string(), summary: z.string() }),
  ),
});
export type History = z.infer<typeof historySchema>;

/** What a technician needs on site, gathered in one answer. */
export const interventionSheetSchema = z.object({
  request: serviceRequestDetailSchema,
  conditions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      description: z.string().optional(),
      expectedMinutes: z.number(),
      requiredSkillCodes: z.array(z.string()),
      materials: z.array(z.object({ itemCode: z.string(), quantity: z.number() })),
      tools: z.array(z.string()),
      correctiveActions: z.array(
        z.object({ title: z.string(), steps: z.array(z.string()), attachmentIds: z.array(z.string()) }),
      ),
    }),
  ),
  contract: z
    .object({
      code: z.string(),
      name: z.string().optional(),
      /** The service level for this request's priority. */
      serviceLevel: z
        .object({ priority: z.string(), responseMinutes: z.number(), restorationMinutes: z.number() })
        .optional(),
      includesLabour: z.boolean(),
      includesMaterials: z.boolean(),
      validTo: z.string(),
      notes: z.string().optional(),
    })
    .optional(),
  site: z.object({
    code: z.string(),
    name: z.string().optional(),
    address: z.string().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    /** How to get in: gate codes, opening hours, whom to ask (the site's `accessNotes`). */
    accessNotes: z.string().optional(),
    contacts: z.array(z.object({ name: z.string(), phone: z.string().optional() })),
  }),
  asset: z
    .object({
      code: z.string(),
      name: z.string().optional(),
      modelCode: z.string(),
      modelName: z.string().optional(),
      configuration: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    })
    .optional(),
  previousInterventions: z.array(
    serviceRequestSummarySchema.extend({ closure: closureViewSchema.optional() }),
  ),
  /** Attachments of the corrective actions and of the asset's model (manuals, schemas). */
  attachments: z.array(z.object({ id: z.string(), from: z.string() })),
  renounceReasons: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type InterventionSheet = z.infer<typeof interventionSheetSchema>;
