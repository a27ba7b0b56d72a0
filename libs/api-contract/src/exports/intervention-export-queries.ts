import { z } from 'zod';

/**
 * What a back office (ERP, billing, stock) asks of the closed interventions export: a period of
 * closing days, or what is new after a cursor, or a named consumer's next run.
 */

/** Where the export is served, relative to `/api` (Nest's path syntax). */
export const interventionExportPaths = {
  interventions: '/exports/interventions',
  runs: '/exports/interventions/runs',
  run: '/exports/interventions/runs/:runId',
} as const;

/** Restated from the domain (the contract imports no server code); the application checks both agree. */
export const EXPORT_FORMAT_VALUES = ['json', 'csv'] as const;
export const EXPORT_LINES_VALUES = ['interventions', 'materials'] as const;

/** Closures per answer (or per run) when the caller does not say, and at most. */
export const INTERVENTION_EXPORT_DEFAULT_LIMIT = 500;
export const INTERVENTION_EXPORT_MAX_LIMIT = 5000;
export const EXPORT_RUNS_DEFAULT_LIMIT = 100;
export const EXPORT_RUNS_MAX_LIMIT = 1000;

/** Paging headers of an export answer, besides `Link: <…>; rel="next"` while more is waiting. */
export const INTERVENTION_EXPORT_HEADERS = {
  /** The `after` of the next call: the position of the last closure in this answer. */
  nextPosition: 'Fieldstream-Next-Position',
  /** `true` while closures after this answer (in the period asked for) are waiting. */
  hasMore: 'Fieldstream-Has-More',
  /** The run a named consumer's answer recorded or re-downloads. */
  run: 'Fieldstream-Export-Run',
} as const;

/** A calendar day that exists, YYYY-MM-DD (leap years known). */
const day = z.iso.date('A calendar day that exists, YYYY-MM-DD');

/** A log position as a query parameter: a whole number in decimal. */
const position = z
  .string()
  // Aborting: a text that is no number needs no second word about its size.
  .regex(/^\d+$/, { error: 'A log position: a whole number from 0', abort: true })
  .refine((text) => Number.isSafeInteger(Number(text)), 'A log position below 2^53')
  .transform(Number);

const limit = (byDefault: number, max: number) => z.coerce.number().int().min(1).max(max).default(byDefault);

export const exportFormatSchema = z.enum(EXPORT_FORMAT_VALUES);
export const exportLinesSchema = z.enum(EXPORT_LINES_VALUES);

/**
 * `GET /api/exports/interventions`. `from` (inclusive) and `to` (exclusive) are closing days in
 * the organisation's time zone (its head office's); either may be left out. `after` is a cursor:
 * the log position of the last closure the caller already has.
 */
export const interventionExportQuerySchema = z
  .object({
    from: day.optional().meta({
      description: "First closing day, inclusive from 00:00 in the organisation's time zone.",
    }),
    to: day.optional().meta({
      description: "Day after the last closing day: exclusive, from 00:00 in the organisation's time zone.",
    }),
    format: exportFormatSchema.default('json'),
    lines: exportLinesSchema.default('interventions').meta({
      description: 'One row per closure, or one row per material line (the stock movements).',
    }),
    after: position.optional().meta({
      description: 'Cursor: the log position of the last closure already exported (its `position`).',
    }),
    limit: limit(INTERVENTION_EXPORT_DEFAULT_LIMIT, INTERVENTION_EXPORT_MAX_LIMIT).meta({
      description: 'Closures at most in this answer.',
    }),
  })
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || query.from < query.to, {
    message: '`to` is exclusive: it must be a day after `from`',
    path: ['to'],
  });
export type InterventionExportQuery = z.output<typeof interventionExportQuerySchema>;

/** Consumer names: lower-case letters and digits, dashes inside (they name a stream and run ids). */
export const exportConsumerSchema = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
    'A consumer is 1–40 lower-case letters, digits or inner dashes, e.g. erp or stock-sync',
  );

/** `POST /api/exports/interventions/runs`: the consumer's next run, everything after its last one. */
export const exportRunBodySchema = z
  .object({
    consumer: exportConsumerSchema,
    format: exportFormatSchema.default('json'),
    lines: exportLinesSchema.default('interventions'),
    limit: limit(INTERVENTION_EXPORT_DEFAULT_LIMIT, INTERVENTION_EXPORT_MAX_LIMIT),
  })
  .strict();
export type ExportRunBody = z.input<typeof exportRunBodySchema>;

/** `GET /api/exports/interventions/runs?consumer=`: the consumer's runs, newest first. */
export const exportRunsQuerySchema = z
  .object({
    consumer: exportConsumerSchema,
    limit: limit(EXPORT_RUNS_DEFAULT_LIMIT, EXPORT_RUNS_MAX_LIMIT),
  })
  .strict();

/** `GET /api/exports/interventions/runs/:runId`: a past run again, in the format asked (the run's own by default). */
export const exportRunDownloadQuerySchema = z
  .object({
    format: exportFormatSchema.optional(),
    lines: exportLinesSchema.optional(),
  })
  .strict();
