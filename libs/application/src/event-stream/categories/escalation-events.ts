import {
  type EscalationEvent,
  NOTIFICATION_AUDIENCES,
  NOTIFICATION_CHANNELS,
  SLA_CLOCKS,
} from '@fieldstream/domain';
import { z } from 'zod';
import { publishedTypes } from '../published-event-type';
import { code, instant, requestFact } from './payload-fields';

const REQUEST = 'f1d2c3b4-a5e6-4f70-8a91-b2c3d4e5f607';

/** A request's escalation along its contract's chain: `request-escalation-<requestId>` streams. */
export const ESCALATION_EVENTS = publishedTypes<EscalationEvent>(
  'escalations',
  { streamPrefix: 'request-escalation-', entity: 'escalation', typePrefix: 'Escalation' },
  {
    EscalationLevelAlerted: {
      summary:
        'A level of the escalation chain was alerted: whom (audiences and the users they were then), how, and until when to acknowledge.',
      payload: z.object({
        ...requestFact,
        chainCode: code,
        level: z.number().int().min(1),
        percent: z.number(),
        clock: z.enum(SLA_CLOCKS),
        audiences: z.array(z.enum(NOTIFICATION_AUDIENCES)),
        recipients: z.array(z.string()).meta({ description: 'The ids of the users alerted.' }),
        channels: z.array(z.enum(NOTIFICATION_CHANNELS)),
        acknowledgeBy: instant.optional(),
        cause: z
          .enum(['threshold', 'unacknowledged'])
          .meta({ description: 'Its threshold, or the level before not acknowledged in time.' }),
      }),
      example: {
        requestId: REQUEST,
        at: '2026-12-01T08:45:00.000Z',
        chainCode: 'ESC-GOLD',
        level: 1,
        percent: 75,
        clock: 'response',
        audiences: ['unit-dispatchers'],
        recipients: ['3c1e0f4a-5b6d-5e7f-8a9b-0c1d2e3f4a5b'],
        channels: ['inbox', 'email'],
        acknowledgeBy: '2026-12-01T09:00:00.000Z',
        cause: 'threshold',
      },
    },
    EscalationAcknowledged: {
      summary: 'Someone took the escalation in hand: every level alerted so far is acknowledged.',
      payload: z.object({
        ...requestFact,
        userId: z.string(),
        levels: z.array(z.number().int().min(1)),
        note: z.string().optional(),
      }),
      example: {
        requestId: REQUEST,
        at: '2026-12-01T08:50:00.000Z',
        userId: '3c1e0f4a-5b6d-5e7f-8a9b-0c1d2e3f4a5b',
        levels: [1],
        note: 'Calling the customer',
      },
    },
  },
);
