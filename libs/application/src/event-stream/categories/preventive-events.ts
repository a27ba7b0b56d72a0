import { METER_STREAM_PREFIX, type MeterEvent } from '@fieldstream/domain';
import { z } from 'zod';
import { type PreventiveRunReport, preventiveRunsStream } from '../../preventive/preventive-planner.service';
import { publishedTypes } from '../published-event-type';
import { code, day, instant } from './payload-fields';

/** The preventive planner's report, as its month's stream holds it (written by the application). */
type PreventiveRunEvent = { type: 'PreventiveRunCompleted'; data: PreventiveRunReport };

const visit = {
  planCode: code,
  assetCode: code,
  occurrence: day.meta({ description: "The plan rule's own day: with plan and asset it names the visit." }),
  dueOn: day.meta({ description: 'The first day from the occurrence on that the site is open.' }),
  movedBecause: z.string().optional(),
};
const VISIT = {
  planCode: 'MP-BOILER-YEARLY',
  assetCode: 'SN-ACME-1',
  occurrence: '2026-12-05',
  dueOn: '2026-12-07',
  movedBecause: 'The site is closed on Saturdays',
};

/** `preventive-runs-` + the month (`2026-12`): where the planner reports each run that did something. */
export const PREVENTIVE_RUNS_STREAM_PREFIX = preventiveRunsStream('');

/** Assets' meter readings (`asset-meters-<assetCode>`) and the preventive planner's runs. */
export const PREVENTIVE_EVENTS = [
  ...publishedTypes<MeterEvent>(
    'preventive',
    { streamPrefix: METER_STREAM_PREFIX, entity: 'asset-meter', typePrefix: 'Meter' },
    {
      MeterReadingRecorded: {
        summary:
          'A meter of an asset (operating hours, cycles...) was read, by a technician, a device, the desk or an outside system; a meter only goes up.',
        payload: z.object({
          assetCode: code,
          meter: z.string(),
          value: z.number().min(0),
          at: instant,
          source: z.enum(['technician', 'device', 'desk', 'integration']),
        }),
        example: {
          assetCode: 'SN-ACME-1',
          meter: 'hours',
          value: 1520,
          at: '2026-12-01T08:00:00.000Z',
          source: 'device',
        },
      },
    },
  ),
  ...publishedTypes<PreventiveRunEvent>(
    'preventive',
    { streamPrefix: PREVENTIVE_RUNS_STREAM_PREFIX, entity: 'preventive-run', typePrefix: 'PreventiveRun' },
    {
      PreventiveRunCompleted: {
        summary:
          'A preventive run opened visits as requests (source `preventive`), or could not place some, or met problems.',
        payload: z.object({
          at: instant,
          plans: z.number().int().min(0),
          assets: z.number().int().min(0),
          opened: z.array(z.object({ ...visit, requestId: z.string() })),
          alreadyOpen: z.number().int().min(0),
          unplaceable: z.array(z.object(visit)),
          problems: z.array(z.string()),
        }),
        example: {
          at: '2026-12-01T02:00:00.000Z',
          plans: 3,
          assets: 12,
          opened: [{ ...VISIT, requestId: 'f1d2c3b4-a5e6-4f70-8a91-b2c3d4e5f607' }],
          alreadyOpen: 4,
          unplaceable: [],
          problems: ['MP-PUMPS: asset SN-OLD-7 stands at unknown site S-GONE'],
        },
      },
    },
  ),
];
