import { z } from 'zod';
import {
  serviceRequestPrioritySchema,
  serviceRequestSourceSchema,
  serviceRequestStatusSchema,
} from '../service-requests/service-request-bodies';

/**
 * What the customer portal answers. Technicians appear by first name only, appointments by their
 * time window; nothing of the desk's routing, notes, codes or other customers is in these shapes.
 */

/** Where a request stands, as a customer understands it (the state machine's states, told apart further). */
export const PORTAL_STAGES = [
  'received',
  'scheduling',
  'planned',
  'on-the-way',
  'in-progress',
  'on-hold',
  'completed',
  'resolved-remotely',
  'cancelled',
  'declined',
] as const;
export const portalStageSchema = z.enum(PORTAL_STAGES);
export type PortalStage = z.infer<typeof portalStageSchema>;

/** A planned visit: when, and who is coming (first name only). */
export const portalVisitSchema = z.object({
  start: z.string(),
  end: z.string(),
  technicianFirstName: z.string().optional(),
  /** When the technician set out, and the minutes they expected the drive to take. */
  departedAt: z.string().optional(),
  etaMinutes: z.number().optional(),
  /** When the technician arrived on site. */
  arrivedAt: z.string().optional(),
});
export type PortalVisit = z.infer<typeof portalVisitSchema>;

export const portalRequestSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: serviceRequestStatusSchema,
  stage: portalStageSchema,
  /** Who opened it: the customer on the portal, the service desk, a preventive plan, a device... */
  source: serviceRequestSourceSchema,
  siteCode: z.string(),
  siteName: z.string().optional(),
  assetCode: z.string().optional(),
  assetName: z.string().optional(),
  description: z.string(),
  openedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().optional(),
  /** The next visit not over yet: the earliest planned one still to come or under way. */
  nextVisit: portalVisitSchema.optional(),
});
export type PortalRequestSummary = z.infer<typeof portalRequestSummarySchema>;

export const portalRequestListSchema = z.object({
  items: z.array(portalRequestSummarySchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});
export type PortalRequestList = z.infer<typeof portalRequestListSchema>;

export const PORTAL_STEP_KINDS = [
  'opened',
  'accepted',
  'declined',
  'resolved-remotely',
  'planned',
  'rescheduled',
  'replanning',
  'on-hold',
  'resumed',
  'cancelled',
  'on-the-way',
  'arrived',
  'comment',
  'completed',
  'reopened',
] as const;
export const portalStepKindSchema = z.enum(PORTAL_STEP_KINDS);
export type PortalStepKind = z.infer<typeof portalStepKindSchema>;

/** One step of the request's story in the customer's terms; the portal words it in their language. */
export const portalStepSchema = z.object({
  at: z.string(),
  kind: portalStepKindSchema,
  /** `opened`: the channel it came through. */
  source: serviceRequestSourceSchema.optional(),
  /** A person of the customer's own company who did this (opened, commented); never the service's staff. */
  by: z.string().optional(),
  technicianFirstName: z.string().optional(),
  /** `planned`, `rescheduled`: the visit's time window. */
  window: z.object({ start: z.string(), end: z.string() }).optional(),
  etaMinutes: z.number().optional(),
  /** `on-hold`: until when, if said. */
  until: z.string().optional(),
  /** The words meant for the customer: their own comment, the resolution, why it was declined or cancelled. */
  text: z.string().optional(),
});
export type PortalStep = z.infer<typeof portalStepSchema>;

export const portalPhotoSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
});
export type PortalPhoto = z.infer<typeof portalPhotoSchema>;

export const portalRequestDetailSchema = portalRequestSummarySchema.extend({
  /** Every visit planned now, in order (a crew comes together: one visit per technician). */
  visits: z.array(portalVisitSchema),
  /** The conditions the customer (or whoever opened it) reported, by name. */
  reportedConditions: z.array(z.object({ code: z.string(), name: z.string() })),
  contactName: z.string().optional(),
  steps: z.array(portalStepSchema),
  /** Once completed or resolved remotely: what was done. */
  outcome: z.object({ at: z.string(), resolution: z.string() }).optional(),
  /** Photos sent with the request, oldest first. */
  photos: z.array(portalPhotoSchema),
  /** Comments and photos are taken until the request is over. */
  canComment: z.boolean(),
  canAddPhotos: z.boolean(),
  version: z.number(),
});
export type PortalRequestDetail = z.infer<typeof portalRequestDetailSchema>;

export const portalAssetSchema = z.object({
  code: z.string(),
  name: z.string().optional(),
  modelCode: z.string(),
  modelName: z.string().optional(),
  siteCode: z.string(),
  /** Requests about it not finished yet. */
  openRequests: z.number(),
  /** The last time a technician worked on it. */
  lastVisitAt: z.string().optional(),
});
export type PortalAsset = z.infer<typeof portalAssetSchema>;

export const portalSiteSchema = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string().optional(),
  timeZone: z.string(),
  assets: z.array(portalAssetSchema),
});
export type PortalSite = z.infer<typeof portalSiteSchema>;

/** The customer's active sites, each with its active assets. */
export const portalAssetsSchema = z.object({ sites: z.array(portalSiteSchema) });
export type PortalAssets = z.infer<typeof portalAssetsSchema>;

/** A request in an asset's service history: when, what, who came and what was done. */
export const portalHistoryEntrySchema = portalRequestSummarySchema.extend({
  visits: z.array(portalVisitSchema),
  outcome: z.object({ at: z.string(), resolution: z.string() }).optional(),
});
export type PortalHistoryEntry = z.infer<typeof portalHistoryEntrySchema>;

export const portalAssetDetailSchema = z.object({
  asset: portalAssetSchema.extend({ installedOn: z.string().optional() }),
  site: z.object({
    code: z.string(),
    name: z.string(),
    address: z.string().optional(),
    timeZone: z.string(),
  }),
  /** Newest first. */
  history: z.array(portalHistoryEntrySchema),
});
export type PortalAssetDetail = z.infer<typeof portalAssetDetailSchema>;

/** A condition a customer may recognise on their machine, from the catalogue for its model. */
export const portalConditionSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string().optional(),
});
export const portalConditionsSchema = z.object({ conditions: z.array(portalConditionSchema) });
export type PortalConditions = z.infer<typeof portalConditionsSchema>;

const clockInterval = z.object({ from: z.string(), to: z.string() });

export const portalContractSchema = z.object({
  code: z.string(),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** Judged on today's date in the customer's terms. */
  standing: z.enum(['in-force', 'expired', 'not-yet']),
  coverage: z.object({
    allSites: z.boolean(),
    sites: z.array(z.object({ code: z.string(), name: z.string().optional() })),
    allAssets: z.boolean(),
    assets: z.array(z.object({ code: z.string(), name: z.string().optional() })),
  }),
  includesLabour: z.boolean(),
  includesMaterials: z.boolean(),
  /** When the response and restoration times run. */
  serviceHours: z.object({
    timeZone: z.string(),
    roundTheClock: z.boolean(),
    /** Opening intervals per weekday (`mon` … `sun`); a day left out is closed. */
    weekly: z.array(
      z.object({
        day: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
        hours: z.array(clockInterval),
      }),
    ),
    /** Public holidays of this country are closed. */
    publicHolidays: z.string().optional(),
  }),
  /** Most urgent first; minutes counted in service hours. */
  serviceLevels: z.array(
    z.object({
      priority: serviceRequestPrioritySchema,
      responseMinutes: z.number(),
      restorationMinutes: z.number(),
    }),
  ),
  /** What counts as the response: a technician on site, or already on the way. */
  responseEndsOn: z.enum(['on-site', 'on-the-way']),
  /** Owed per started hour of restoration beyond the deadline; absent when none. */
  penaltyPerHour: z.number().optional(),
  currency: z.string(),
});
export type PortalContract = z.infer<typeof portalContractSchema>;

export const portalContractsSchema = z.object({ contracts: z.array(portalContractSchema) });
export type PortalContracts = z.infer<typeof portalContractsSchema>;
