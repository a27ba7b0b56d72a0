import { DEVICE_SEVERITIES, DEVICE_STREAM_PREFIX, type DeviceEvent } from '@fieldstream/domain';
import { z } from 'zod';
import { publishedTypes } from '../published-event-type';
import { code, instant } from './payload-fields';

const asset = {
  assetCode: code.meta({ description: 'The asset whose device spoke (its stream is `device-<assetCode>`).' }),
  at: instant.meta({ description: 'When we received it: our clock, which orders every signal.' }),
};
const deviceAt = instant
  .optional()
  .meta({ description: "The device's own clock, when it sent one: kept, never trusted for order." });
const signalCode = z.string().meta({ description: 'The code as the machine sends it (`E104`).' });

const AT = '2026-12-01T08:00:00.000Z';
const BOILER = { assetCode: 'SN-ACME-1', at: AT };

/**
 * What machines say, kept to what matters: an anomaly raised once per episode (its repeats counted),
 * cleared once, states when they change, heartbeats every few minutes, silence and return, and the
 * request their trouble is followed on. `device-<assetCode>` streams, one per asset.
 */
export const DEVICE_EVENTS = publishedTypes<DeviceEvent>(
  'devices',
  { streamPrefix: DEVICE_STREAM_PREFIX, entity: 'device', typePrefix: 'Device' },
  {
    DeviceAnomalyRaised: {
      summary:
        'A device raised an anomaly not active before (a new episode); `recurrence` when the same code was cleared less than 15 minutes earlier (flapping).',
      payload: z.object({
        ...asset,
        code: signalCode,
        deviceAt,
        message: z.string().optional(),
        severity: z.enum(DEVICE_SEVERITIES),
        count: z.number().int().min(1).meta({ description: 'Occurrences this record stands for.' }),
        recurrence: z.boolean(),
      }),
      example: {
        ...BOILER,
        code: 'E104',
        deviceAt: '2026-12-01T09:00:02+01:00',
        message: 'Burner lockout',
        severity: 'critical',
        count: 1,
        recurrence: false,
      },
    },
    DeviceAnomalyRepeated: {
      summary:
        'An active anomaly kept being reported: `count` occurrences between `firstAt` and `lastAt`, recorded together.',
      payload: z.object({
        ...asset,
        code: signalCode,
        count: z.number().int().min(1),
        firstAt: instant,
        lastAt: instant,
      }),
      example: {
        ...BOILER,
        at: '2026-12-01T08:00:30.000Z',
        code: 'E104',
        count: 212,
        firstAt: '2026-12-01T08:00:01.000Z',
        lastAt: '2026-12-01T08:00:30.000Z',
      },
    },
    DeviceAnomalyCleared: {
      summary: 'An active anomaly was cleared by the device; `since` is when its episode began.',
      payload: z.object({
        ...asset,
        code: signalCode,
        deviceAt,
        message: z.string().optional(),
        since: instant,
      }),
      example: { ...BOILER, at: '2026-12-01T10:15:00.000Z', code: 'E104', since: AT },
    },
    DeviceStatusReported: {
      summary:
        'The device reported its state: recorded when the state changes, or the same state every 5 minutes at most.',
      payload: z.object({
        ...asset,
        state: z.string().meta({ description: 'As the machine names it: running, idle, fault...' }),
        values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
        deviceAt,
      }),
      example: { ...BOILER, state: 'running', values: { flowTemperature: 71.5, pressureBar: 1.4 } },
    },
    DeviceHeartbeatRecorded: {
      summary: 'The device is alive (recorded every 5 minutes at most).',
      payload: z.object({ ...asset, firmware: z.string().optional() }),
      example: { ...BOILER, firmware: '2.4.1' },
    },
    DeviceWentSilent: {
      summary:
        "Nothing was heard from the device for longer than its asset's heartbeat interval allows; recorded once per silence.",
      payload: z.object({
        ...asset,
        lastSeenAt: instant.nullable(),
        expectedMinutes: z.number().int().min(0),
      }),
      example: { ...BOILER, at: '2026-12-01T08:20:00.000Z', lastSeenAt: AT, expectedMinutes: 15 },
    },
    DeviceBackOnline: {
      summary: 'A silent device was heard from again.',
      payload: z.object({ ...asset, silentSince: instant }),
      example: { ...BOILER, at: '2026-12-01T09:05:00.000Z', silentSince: '2026-12-01T08:20:00.000Z' },
    },
    DeviceRequestLinked: {
      summary:
        "The service request the device's trouble is followed on (opened for an anomaly or a silence, or an open one it was added to).",
      payload: z.object({
        ...asset,
        requestId: z
          .string()
          .meta({ description: "The request's id (its stream is `service-request-<requestId>`)." }),
        cause: z.enum(['anomaly', 'silence']),
      }),
      example: { ...BOILER, requestId: 'f1d2c3b4-a5e6-4f70-8a91-b2c3d4e5f607', cause: 'anomaly' },
    },
  },
);
