import { z } from 'zod';
import { serviceRequestPrioritySchema } from '../service-requests/service-request-bodies';

/**
 * Service levels as the desk reads them: one request's clocks (`GET /api/service-requests/:id/
 * service-level`) and the manager's dashboard (`GET /api/service-levels/dashboard`). Instants are
 * ISO strings in UTC; the standing moves only on recorded events (alarms, pauses, stops), so a
 * screen computes "time left" itself from `deadline` and its own clock.
 */

const isoInstant = z.string();
const code = z.string().trim().min(1).max(64);
const isoDay = z.iso.date();

export const SLA_STANDINGS = [
  'on-track',
  'at-risk',
  'breached',
  'paused',
  'met',
  'cancelled',
  'not-applicable',
] as const;
export const slaStandingSchema = z.enum(SLA_STANDINGS);
export type SlaStandingName = z.infer<typeof slaStandingSchema>;

/** The standings an open request can have: what the dashboard counts. */
export const OPEN_SLA_STANDINGS = ['on-track', 'at-risk', 'breached', 'paused'] as const;
export const openSlaStandingSchema = z.enum(OPEN_SLA_STANDINGS);

export const slaClockNameSchema = z.enum(['response', 'restoration']);

export const slaClockViewSchema = z.object({
  clock: slaClockNameSchema,
  targetMinutes: z.number().int(),
  startedAt: isoInstant,
  /** Null while paused (it moves on resume), or when the service calendar never opens for it. */
  deadline: isoInstant.nullable(),
  /** The next alarm the clock waits for, while it runs. */
  nextAlarm: z.object({ percent: z.number(), at: isoInstant }).nullable(),
  /** The highest threshold recorded so far (100 once breached). */
  reachedPercent: z.number().nullable(),
  breached: z.boolean(),
  stopped: z
    .object({
      at: isoInstant,
      outcome: z.enum(['met', 'breached', 'cancelled']),
      elapsedMinutes: z.number().int(),
      lateMinutes: z.number().int(),
    })
    .nullable(),
});
export type SlaClockView = z.infer<typeof slaClockViewSchema>;

export const slaMoneySchema = z.object({ amount: z.number(), currency: z.string() });

/** One request's service level (`GET /api/service-requests/:id/service-level`). */
export const requestServiceLevelSchema = z.object({
  requestId: z.string(),
  reference: z.string(),
  standing: slaStandingSchema,
  /** True while a clock runs (paused included). */
  running: z.boolean(),
  contractCode: z.string().optional(),
  contractName: z.string().optional(),
  /** Why no clock runs: no contract covers the request, or its contract sets no level for the priority. */
  notApplicableReason: z.string().optional(),
  pause: z.object({ since: isoInstant, reasonCode: z.string(), reason: z.string() }).nullable(),
  clocks: z.array(slaClockViewSchema),
  nextDeadline: isoInstant.nullable(),
  nextDeadlineClock: slaClockNameSchema.nullable(),
  /** Penalties charged so far (restoration past its deadline, per started hour). */
  penalty: slaMoneySchema.extend({ hours: z.number().int() }).nullable(),
});
export type RequestServiceLevel = z.infer<typeof requestServiceLevelSchema>;

/** Filters of the dashboard; the period bounds the charts (default: the 30 days up to today, UTC). */
export const slaDashboardQuerySchema = z
  .object({
    unitCode: code.optional(),
    zoneCode: code.optional(),
    priority: serviceRequestPrioritySchema.optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: '`to` must not be before `from`',
    path: ['to'],
  })
  .refine(
    (query) => !query.from || !query.to || Date.parse(query.to) - Date.parse(query.from) <= 366 * 86_400_000,
    { message: 'A period covers at most 366 days', path: ['to'] },
  );
export type SlaDashboardQuery = z.input<typeof slaDashboardQuerySchema>;

export const slaStandingCountsSchema = z.object(
  Object.fromEntries(OPEN_SLA_STANDINGS.map((standing) => [standing, z.number().int()])) as {
    [K in (typeof OPEN_SLA_STANDINGS)[number]]: z.ZodNumber;
  },
);
export type SlaStandingCounts = z.infer<typeof slaStandingCountsSchema>;

const groupSchema = z.object({ code: z.string(), name: z.string(), counts: slaStandingCountsSchema });

/** A running request close to or past a deadline, for the list sorted by time left. */
export const slaAtRiskEntrySchema = z.object({
  requestId: z.string(),
  reference: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  siteCode: z.string(),
  siteName: z.string(),
  unitCode: z.string().optional(),
  zoneCode: z.string().optional(),
  priority: serviceRequestPrioritySchema,
  standing: openSlaStandingSchema,
  /** The clock whose deadline is nearest, and that deadline (passed already when breached). */
  clock: slaClockNameSchema,
  deadline: isoInstant,
  reachedPercent: z.number().nullable(),
});
export type SlaAtRiskEntry = z.infer<typeof slaAtRiskEntrySchema>;

export const slaDayFiguresSchema = z.object({
  day: isoDay,
  breaches: z.number().int(),
  /** Penalties charged that day, summed per currency (usually one). */
  penalties: z.array(slaMoneySchema),
});

export const SLA_AT_RISK_LIMIT = 200;

export const slaDashboardSchema = z.object({
  /** When the answer was read; the standing itself moves only on recorded events. */
  generatedAt: isoInstant,
  period: z.object({ from: isoDay, to: isoDay }),
  /** Open requests (a clock running or paused) in the reader's scope and the filters. */
  totals: slaStandingCountsSchema,
  byUnit: z.array(groupSchema),
  byZone: z.array(groupSchema),
  byPriority: z.array(groupSchema.extend({ code: serviceRequestPrioritySchema })),
  /** At risk and breached requests still running, nearest deadline first (at most SLA_AT_RISK_LIMIT). */
  atRisk: z.array(slaAtRiskEntrySchema),
  /** One entry per day of the period, days without any included. */
  series: z.array(slaDayFiguresSchema),
  breachesInPeriod: z.number().int(),
  penaltiesInPeriod: z.array(slaMoneySchema),
});
export type SlaDashboard = z.infer<typeof slaDashboardSchema>;
