import { z } from 'zod';

/**
 * An asset's device as the desk shows it for a remote diagnosis (`GET /api/assets/:code/device`):
 * whether it is heard, its last state, the codes it raises now, what it said lately. Instants are
 * ISO strings in UTC.
 */
const isoInstant = z.string();
const value = z.union([z.number(), z.string(), z.boolean()]);

export const deviceSignalEntrySchema = z.object({
  type: z.string(),
  at: isoInstant,
  code: z.string().optional(),
  count: z.number().int().optional(),
  message: z.string().optional(),
  severity: z.string().optional(),
  state: z.string().optional(),
  values: z.record(z.string(), value).optional(),
  requestId: z.string().optional(),
});
export type DeviceSignalEntryView = z.infer<typeof deviceSignalEntrySchema>;

export const deviceDiagnosisSchema = z.object({
  assetCode: z.string(),
  /** Whether the device has ever said anything. */
  connected: z.boolean(),
  /** How often it is expected to report (the asset's `heartbeatMinutes`), when watched. */
  heartbeatMinutes: z.number().int().nullable(),
  /** `silent` when the watchdog found it quiet for too long, `online` when heard, `unknown` if never heard. */
  presence: z.enum(['online', 'silent', 'unknown']),
  lastSeenAt: isoInstant.nullable(),
  silentSince: isoInstant.nullable(),
  firmware: z.string().nullable(),
  status: z.object({ state: z.string(), values: z.record(z.string(), value), at: isoInstant }).nullable(),
  activeAnomalies: z.array(
    z.object({
      code: z.string(),
      since: isoInstant,
      lastAt: isoInstant,
      repeats: z.number().int(),
      severity: z.string(),
      message: z.string().optional(),
    }),
  ),
  /** The request the device's trouble is followed on, if any. */
  requestId: z.string().nullable(),
  recent: z.array(deviceSignalEntrySchema),
});
export type DeviceDiagnosis = z.infer<typeof deviceDiagnosisSchema>;

/** What `POST /api/assets/:code/signals` answers: whether the signal was recorded, counted as a repeat, or changed nothing. */
export const signalAnswerSchema = z.object({
  assetCode: z.string(),
  kind: z.enum(['anomaly', 'cleared', 'status', 'heartbeat', 'meter']),
  outcome: z.enum(['recorded', 'counted', 'unchanged']),
  events: z.array(z.string()),
});
export type SignalAnswer = z.infer<typeof signalAnswerSchema>;
