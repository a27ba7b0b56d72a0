import { SERVICE_REQUEST_PRIORITIES, SLA_CLOCKS, type SlaEvent } from '@fieldstream/domain';
import { z } from 'zod';
import { publishedTypes } from '../published-event-type';
import { code, instant, minutes, requestFact } from './payload-fields';

const clock = z.enum(SLA_CLOCKS);

const following = {
  ...requestFact,
  requestRevision: z
    .number()
    .int()
    .min(0)
    .meta({ description: "The revision of the request's own event this change follows." }),
};

const schedule = z.object({
  clock,
  targetMinutes: minutes,
  deadline: instant.nullable().meta({ description: 'Null when the service calendar never opens for it.' }),
  thresholds: z.array(z.object({ percent: z.number(), at: instant.nullable() })),
});

const policy = z.object({
  contractCode: code,
  contractName: z.string(),
  priority: z.enum(SERVICE_REQUEST_PRIORITIES),
  responseMinutes: minutes,
  restorationMinutes: minutes,
  thresholds: z.array(z.number()),
  atRiskPercent: z.number(),
  responseEndsOn: z.enum(['on-site', 'on-the-way']),
  pausingReasonCodes: z.array(z.string()),
  penaltyPerHour: z.number(),
  currency: z.string(),
  serviceCalendarCode: code,
  timeZone: z.string(),
});

const REQUEST = 'f1d2c3b4-a5e6-4f70-8a91-b2c3d4e5f607';
const AT = '2026-12-01T08:00:00.000Z';
const RESPONSE = {
  clock: 'response' as const,
  targetMinutes: 60,
  deadline: '2026-12-01T09:00:00.000Z',
  thresholds: [
    { percent: 50, at: '2026-12-01T08:30:00.000Z' },
    { percent: 100, at: '2026-12-01T09:00:00.000Z' },
  ],
};

/** A request's service-level clocks: `service-level-<requestId>` streams. */
export const SERVICE_LEVEL_EVENTS = publishedTypes<SlaEvent>(
  'service-levels',
  { streamPrefix: 'service-level-', entity: 'service-level', typePrefix: 'Sla' },
  {
    SlaClocksStarted: {
      summary:
        "The request's response and restoration clocks started under its contract's service level, with their deadlines and alarm instants.",
      payload: z.object({ ...following, policy, clocks: z.array(schedule) }),
      example: {
        requestId: REQUEST,
        at: AT,
        requestRevision: 0,
        policy: {
          contractCode: 'C-ACME',
          contractName: 'ACME gold',
          priority: 'high',
          responseMinutes: 60,
          restorationMinutes: 240,
          thresholds: [50, 100],
          atRiskPercent: 75,
          responseEndsOn: 'on-site',
          pausingReasonCodes: ['waiting-customer'],
          penaltyPerHour: 50,
          currency: 'EUR',
          serviceCalendarCode: 'CAL-IT-OFFICE',
          timeZone: 'Europe/Rome',
        },
        clocks: [RESPONSE],
      },
    },
    SlaNotApplicable: {
      summary: 'No contract covers the request, or its contract sets no service level for its priority.',
      payload: z.object({ ...following, reason: z.string() }),
      example: {
        requestId: REQUEST,
        at: AT,
        requestRevision: 0,
        reason: 'No contract covers ACME on that day',
      },
    },
    SlaClocksPaused: {
      summary: 'The clocks stopped running while the request is suspended for a pausing reason.',
      payload: z.object({ ...following, reasonCode: z.string(), reason: z.string(), clocks: z.array(clock) }),
      example: {
        requestId: REQUEST,
        at: AT,
        requestRevision: 4,
        reasonCode: 'waiting-customer',
        reason: 'Customer away',
        clocks: ['restoration'],
      },
    },
    SlaClocksResumed: {
      summary: 'The clocks run again; their deadlines moved by the service time they stood still.',
      payload: z.object({ ...following, pausedMinutes: minutes, clocks: z.array(schedule) }),
      example: { requestId: REQUEST, at: AT, requestRevision: 5, pausedMinutes: 30, clocks: [RESPONSE] },
    },
    SlaThresholdReached: {
      summary: 'A clock reached one of its alarm thresholds (a percentage of its target).',
      payload: z.object({
        ...requestFact,
        clock,
        percent: z.number(),
        dueAt: instant.meta({ description: 'When the threshold fell due; `at` is when it was recorded.' }),
        deadline: instant.nullable(),
      }),
      example: {
        requestId: REQUEST,
        at: '2026-12-01T08:30:01.000Z',
        clock: 'response',
        percent: 50,
        dueAt: '2026-12-01T08:30:00.000Z',
        deadline: '2026-12-01T09:00:00.000Z',
      },
    },
    SlaBreached: {
      summary: 'A clock passed its deadline.',
      payload: z.object({ ...requestFact, clock, deadline: instant }),
      example: {
        requestId: REQUEST,
        at: '2026-12-01T09:00:01.000Z',
        clock: 'response',
        deadline: '2026-12-01T09:00:00.000Z',
      },
    },
    SlaClockStopped: {
      summary: 'A clock stopped: met, breached (with the penalty) or cancelled with the request.',
      payload: z.object({
        ...following,
        clock,
        outcome: z.enum(['met', 'breached', 'cancelled']),
        elapsedMinutes: minutes.meta({ description: 'Service minutes the clock ran, pauses excluded.' }),
        lateMinutes: minutes.meta({ description: 'Service minutes past the deadline (0 when met).' }),
        penalty: z
          .object({ hours: z.number().int().min(0), amount: z.number(), currency: z.string() })
          .optional(),
      }),
      example: {
        requestId: REQUEST,
        at: AT,
        requestRevision: 7,
        clock: 'restoration',
        outcome: 'breached',
        elapsedMinutes: 300,
        lateMinutes: 60,
        penalty: { hours: 1, amount: 50, currency: 'EUR' },
      },
    },
    SlaClockRestarted: {
      summary: "A reopened request's restoration clock runs again; the time it stood closed does not count.",
      payload: z.object({ ...following, schedule, reason: z.string() }),
      example: { requestId: REQUEST, at: AT, requestRevision: 9, schedule: RESPONSE, reason: 'Reopened' },
    },
  },
);
