import { z } from 'zod';

/*
 * What a machine says, over MQTT (`<prefix>/assets/<assetCode>/<kind>`, the payload without
 * `kind`) or HTTP (`POST /api/assets/<assetCode>/signals`, with it). One schema for both, so a
 * gateway can switch transports without changing its messages; published as JSON Schema.
 */

/** The device's own clock, when it has one: kept beside the time we received it, never trusted for order. */
const deviceTime = z.iso.datetime({ offset: true }).optional();
const signalCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'letters, digits and . _ : / - only');

export const DEVICE_SIGNAL_KINDS = ['anomaly', 'cleared', 'status', 'heartbeat', 'meter'] as const;
export type DeviceSignalKind = (typeof DEVICE_SIGNAL_KINDS)[number];

export const DEVICE_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type DeviceSeverity = (typeof DEVICE_SEVERITIES)[number];

export const anomalySignalSchema = z
  .object({
    /** The code as the machine sends it (matched to a condition's `deviceCode` in the catalogue). */
    code: signalCode,
    message: z.string().trim().max(500).optional(),
    severity: z.enum(DEVICE_SEVERITIES).default('warning'),
    /** Occurrences this message stands for, when the device aggregates them itself. */
    count: z.number().int().min(1).max(1_000_000).default(1),
    at: deviceTime,
  })
  .strict();

export const clearedSignalSchema = z
  .object({ code: signalCode, message: z.string().trim().max(500).optional(), at: deviceTime })
  .strict();

export const statusSignalSchema = z
  .object({
    /** running, idle, stopped, fault, maintenance... as the machine names its state. */
    state: z.string().trim().min(1).max(40),
    values: z
      .record(z.string().min(1).max(40), z.union([z.number(), z.string().max(200), z.boolean()]))
      .refine((values) => Object.keys(values).length <= 30, 'At most 30 values')
      .default({}),
    at: deviceTime,
  })
  .strict();

export const heartbeatSignalSchema = z
  .object({
    at: deviceTime,
    uptimeSeconds: z.number().int().min(0).optional(),
    firmware: z.string().trim().max(60).optional(),
  })
  .strict();

export const meterSignalSchema = z
  .object({ meter: z.string().trim().min(1).max(40), value: z.number().min(0), at: deviceTime })
  .strict();

/** The HTTP body, and an MQTT payload once its topic's kind is added. */
export const deviceSignalSchema = z.discriminatedUnion('kind', [
  anomalySignalSchema.extend({ kind: z.literal('anomaly') }),
  clearedSignalSchema.extend({ kind: z.literal('cleared') }),
  statusSignalSchema.extend({ kind: z.literal('status') }),
  heartbeatSignalSchema.extend({ kind: z.literal('heartbeat') }),
  meterSignalSchema.extend({ kind: z.literal('meter') }),
]);
export type DeviceSignal = z.infer<typeof deviceSignalSchema>;
export type DeviceSignalInput = z.input<typeof deviceSignalSchema>;
