import { z } from 'zod';
import {
  SERVICE_REQUEST_PRIORITY_VALUES,
  SERVICE_REQUEST_SOURCE_VALUES,
} from '../service-requests/service-request-bodies';
import { exportFormatSchema, exportLinesSchema } from './intervention-export-queries';

/**
 * What the closed interventions export answers. Codes are the truth recorded in the events; names
 * are master data's as they are now (a customer renamed since shows its new name). Times are UTC
 * (ISO 8601); `closedOn` is the closing day in the organisation's time zone, the one periods use.
 */

const instant = z.string().meta({ description: 'ISO 8601, UTC.' });
const localDay = z.string().meta({ description: "YYYY-MM-DD in the organisation's time zone." });
const named = z.object({ code: z.string(), name: z.string().nullable() });

export const exportedMaterialSchema = z
  .object({
    line: z.number().int().min(1).meta({ description: 'The line of the closure, from 1.' }),
    itemCode: z.string(),
    itemName: z.string().nullable(),
    quantity: z.number(),
    unitOfMeasure: z
      .string()
      .nullable()
      .meta({ description: "The item's unit: piece, kg, litre, metre, box." }),
    unitPrice: z
      .number()
      .nullable()
      .meta({ description: "The item's list price, when master data has one." }),
    warehouse: z.object({
      code: z.string(),
      name: z.string().nullable(),
      type: z.enum(['warehouse', 'van']).nullable(),
      technicianCode: z.string().nullable().meta({ description: "A van's technician." }),
    }),
  })
  .meta({
    description:
      'A material used, issued on closing from the warehouse or van it names (a stock movement of its own).',
  });
export type ExportedMaterial = z.infer<typeof exportedMaterialSchema>;

export const exportedInterventionSchema = z
  .object({
    position: z.number().int().meta({
      description: "The closure's log position: the cursor (`after`) that resumes after it.",
    }),
    requestId: z.string(),
    reference: z.string().meta({ description: 'SR- and the id’s first eight characters.' }),
    externalReference: z.string().nullable(),
    closureSequence: z.number().int().min(1).meta({
      description: 'Which closure of the request this is: 1, then 2 after a reopening, …',
    }),
    supersedes: z
      .object({
        position: z.number().int(),
        closureSequence: z.number().int().min(1),
        closedAt: instant,
        reopenedAt: instant.nullable(),
        reopenReason: z.string().nullable(),
      })
      .nullable()
      .meta({
        description:
          'The earlier closure of the same request this one replaces for billing (labour, travel, resolution); null for a first closure. Its materials stay issued: each closure’s materials are stock movements of their own.',
      }),
    customer: named,
    site: named,
    asset: z
      .object({ code: z.string(), name: z.string().nullable(), modelCode: z.string().nullable() })
      .nullable(),
    contract: named.nullable().meta({
      description:
        "The active contract covering the request's site and asset on the day it was opened (the one its service levels ran under); null when none.",
    }),
    unit: named.nullable().meta({ description: 'The service centre the request was routed to.' }),
    zoneCode: z.string().nullable(),
    priority: z.enum(SERVICE_REQUEST_PRIORITY_VALUES),
    source: z.enum(SERVICE_REQUEST_SOURCE_VALUES),
    openedAt: instant,
    closedAt: instant,
    closedOn: localDay,
    closedBy: z.object({ id: z.string(), name: z.string(), role: z.string() }),
    technicians: z
      .array(
        z.object({
          code: z.string(),
          name: z.string().nullable(),
          labourMinutes: z.number().int().nullable().meta({
            description:
              'Closing records one labour total: it is the technician’s when one technician did the work, null when several shared it.',
          }),
        }),
      )
      .meta({ description: 'Assigned at closing or on site since the request was (re)opened, by code.' }),
    labourMinutes: z.number().int(),
    estimatedLabourMinutes: z
      .number()
      .int()
      .meta({ description: 'Planned at closing: the assignments’ total.' }),
    travelMinutes: z.number().int(),
    travelKm: z.number(),
    materials: z.array(exportedMaterialSchema),
    correctiveActions: z.array(z.string()),
    resolution: z.string(),
  })
  .meta({ description: 'One closure of a service request, with what the back office bills and moves.' });
export type ExportedIntervention = z.infer<typeof exportedInterventionSchema>;

/** A material line with its closure's keys: one stock movement per row. */
export const exportedMaterialLineSchema = z.object({
  position: z.number().int(),
  requestId: z.string(),
  reference: z.string(),
  closureSequence: z.number().int().min(1),
  supersedesPosition: z.number().int().nullable(),
  closedAt: instant,
  closedOn: localDay,
  customerCode: z.string(),
  siteCode: z.string(),
  contractCode: z.string().nullable(),
  unitCode: z.string().nullable(),
  line: z.number().int().min(1),
  itemCode: z.string(),
  itemName: z.string().nullable(),
  quantity: z.number(),
  unitOfMeasure: z.string().nullable(),
  unitPrice: z.number().nullable(),
  warehouseCode: z.string(),
  warehouseName: z.string().nullable(),
  warehouseType: z.enum(['warehouse', 'van']).nullable(),
  vanTechnicianCode: z.string().nullable(),
});
export type ExportedMaterialLine = z.infer<typeof exportedMaterialLineSchema>;

export const exportRunSchema = z.object({
  runId: z.string().meta({ description: '`<consumer>-<sequence>`.' }),
  consumer: z.string(),
  sequence: z.number().int().min(1),
  at: instant,
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  afterPosition: z
    .number()
    .int()
    .meta({ description: 'Exclusive: where the previous run ended (0 for the first).' }),
  throughPosition: z.number().int().meta({ description: 'Inclusive: the last closure exported.' }),
  interventions: z.number().int(),
  materialLines: z.number().int(),
  superseding: z
    .number()
    .int()
    .meta({ description: 'Closures superseding an earlier closure of their request.' }),
  hasMore: z.boolean().meta({ description: 'More was waiting than one run takes: the next run goes on.' }),
  format: exportFormatSchema,
  lines: exportLinesSchema,
});
export type ExportRunView = z.infer<typeof exportRunSchema>;

const pageBase = {
  timeZone: z
    .string()
    .meta({ description: "The organisation's time zone, in which periods and `closedOn` are read." }),
  period: z
    .object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      fromInstant: instant.nullable().meta({ description: '`from` at 00:00 in the time zone, inclusive.' }),
      toInstant: instant.nullable().meta({ description: '`to` at 00:00 in the time zone, exclusive.' }),
    })
    .nullable(),
  after: z.number().int().meta({ description: 'The cursor asked for (0: the start of the log).' }),
  nextCursor: z.number().int().meta({
    description: 'The `after` of the next call: the position of the last closure here, or `after` when none.',
  }),
  hasMore: z.boolean(),
  interventions: z.number().int().meta({ description: 'Closures in this answer.' }),
  materialLines: z.number().int(),
  run: exportRunSchema
    .nullable()
    .meta({ description: 'The named consumer’s run this answer recorded or re-downloads.' }),
};

export const interventionExportPageSchema = z.discriminatedUnion('lines', [
  z.object({ lines: z.literal('interventions'), ...pageBase, items: z.array(exportedInterventionSchema) }),
  z.object({ lines: z.literal('materials'), ...pageBase, items: z.array(exportedMaterialLineSchema) }),
]);
export type InterventionExportPage = z.infer<typeof interventionExportPageSchema>;

export const exportRunListSchema = z.object({
  consumer: z.string(),
  /** Runs recorded so far: the ETag, and the If-Match of the next run. */
  version: z.number().int(),
  throughPosition: z.number().int().meta({ description: 'Where the next run starts (exclusive).' }),
  runs: z.array(exportRunSchema).meta({ description: 'Newest first.' }),
});
export type ExportRunList = z.infer<typeof exportRunListSchema>;
