import { z } from 'zod';

/**
 * Preventive maintenance over HTTP: meter readings in (`POST /api/assets/:code/meter-readings`,
 * from technicians, the desk, devices and integrations) and the runs' reports out
 * (`GET /api/preventive/runs`: what each run opened, moved off closed days, could not place).
 */
export const meterReadingBodySchema = z
  .object({
    meter: z.string().trim().min(1).max(40),
    value: z.number().min(0).max(1e12),
    /** When it was read; now when left out. */
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type MeterReadingBody = z.infer<typeof meterReadingBodySchema>;

export const meterReadingAnswerSchema = z.object({
  assetCode: z.string(),
  /** False when the same reading had been recorded already (a retry). */
  recorded: z.boolean(),
});

export const preventiveRunsQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(100).optional() })
  .strict();

const visitSchema = z.object({
  planCode: z.string(),
  assetCode: z.string(),
  occurrence: z.string(),
  dueOn: z.string(),
  movedBecause: z.string().optional(),
});

export const preventiveRunSchema = z.object({
  at: z.string(),
  plans: z.number().int(),
  assets: z.number().int(),
  opened: z.array(visitSchema.extend({ requestId: z.string() })),
  alreadyOpen: z.number().int(),
  unplaceable: z.array(visitSchema),
  problems: z.array(z.string()),
});
export type PreventiveRun = z.infer<typeof preventiveRunSchema>;

/** Newest first; only runs that opened, moved or could not place something are recorded. */
export const preventiveRunsSchema = z.object({ runs: z.array(preventiveRunSchema) });
