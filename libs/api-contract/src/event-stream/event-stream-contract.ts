import { z } from 'zod';

/**
 * The integrators' event stream: the log's published categories read page by page
 * (`GET /api/events`) or followed live over server-sent events (`GET /api/events/stream`), every
 * event a CloudEvents 1.0 JSON object; `GET /api/events/asyncapi.json` describes each type.
 */

/** The categories an integrator may read; anything else in the log is never published. */
export const EVENT_CATEGORY_NAMES = [
  'service-requests',
  'service-levels',
  'escalations',
  'appointments',
  'stock',
  'preventive',
  'master-data',
  'devices',
] as const;
export type EventCategoryName = (typeof EVENT_CATEGORY_NAMES)[number];

/** Where the stream is served, relative to `/api`. */
export const eventStreamPaths = {
  page: '/events',
  follow: '/events/stream',
  asyncApi: '/events/asyncapi.json',
} as const;

export const EVENT_PAGE_DEFAULT_LIMIT = 100;
export const EVENT_PAGE_MAX_LIMIT = 1000;
/** More names than this in `types` is a mistake, not a filter. */
const MAX_TYPE_FILTERS = 200;

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';
export const CLOUDEVENTS_BATCH_CONTENT_TYPE = 'application/cloudevents-batch+json';

/** A page's answer headers besides `Link: <…>; rel="next"`. */
export const EVENT_PAGE_HEADERS = {
  /** The `after` of the next page: past every event this page read, shown or not. */
  nextPosition: 'Fieldstream-Next-Position',
  /** The position of the last event in the log when the page was read. */
  headPosition: 'Fieldstream-Head-Position',
} as const;

/** A log position as a query parameter: a whole number in decimal. */
const position = z
  .string()
  .regex(/^\d+$/, 'A log position: a whole number from 0')
  .refine((text) => Number.isSafeInteger(Number(text)), 'A log position below 2^53')
  .transform(Number);

/** `types=a,b` or `types=a&types=b`: CloudEvents types, each at most once. */
const typeList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    [
      ...new Set(
        (Array.isArray(value) ? value : [value])
          .flatMap((item) => item.split(','))
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      ),
    ].sort(),
  )
  .pipe(z.array(z.string().max(200)).min(1, 'Name at least one type').max(MAX_TYPE_FILTERS));

const selection = {
  /** Exclusive: events after this position. Omitted: from the start of the log. */
  after: position.optional(),
  category: z.enum(EVENT_CATEGORY_NAMES).optional(),
  types: typeList.optional(),
};

export const eventPageQuerySchema = z
  .object({
    ...selection,
    limit: z.coerce.number().int().min(1).max(EVENT_PAGE_MAX_LIMIT).optional(),
  })
  .strict();
export type EventPageQuery = z.infer<typeof eventPageQuerySchema>;

/** The live stream's selection; a reconnection's `Last-Event-ID` header takes the place of `after`. */
export const eventFollowQuerySchema = z.object(selection).strict();
export type EventFollowQuery = z.infer<typeof eventFollowQuerySchema>;

/**
 * One event in the CloudEvents 1.0 JSON format. `position` is a string because CloudEvents
 * integers are 32-bit and a log's positions outgrow them; `subject` is the stream the event
 * belongs to, in which `streamrevision` counts from 0.
 */
export const cloudEventSchema = z
  .object({
    specversion: z.literal('1.0'),
    id: z.string().meta({ description: 'The event id, unique in the log.' }),
    source: z.string().meta({ description: 'The category: `/fieldstream/<category>`.' }),
    type: z.string().meta({
      description: 'What happened, versioned: `io.fieldstream.<entity>.<fact>.v<version>`.',
      examples: ['io.fieldstream.service-request.opened.v1'],
    }),
    subject: z.string().meta({
      description: 'The stream the event belongs to, e.g. `service-request-<requestId>`.',
    }),
    time: z.string().meta({ description: 'When it happened in the world (RFC 3339, UTC).' }),
    datacontenttype: z.literal('application/json'),
    position: z.string().regex(/^\d+$/).meta({
      description: "The event's position in the log, a whole number in decimal: the `after` to resume from.",
    }),
    streamrevision: z.number().int().min(0).meta({ description: "The event's place in its stream, from 0." }),
    correlationid: z.string().meta({ description: 'Shared by every event one action or input caused.' }),
    causationid: z.string().meta({ description: 'The command or event that directly caused this one.' }),
    data: z.record(z.string(), z.unknown()).meta({ description: 'The payload; its schema is per type.' }),
  })
  .meta({ description: 'A Fieldstream event as a CloudEvents 1.0 JSON object.' });
export type FieldstreamCloudEvent = z.infer<typeof cloudEventSchema>;

export const cloudEventBatchSchema = z.array(cloudEventSchema);
