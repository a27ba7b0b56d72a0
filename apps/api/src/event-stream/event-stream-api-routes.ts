import {
  EVENT_PAGE_DEFAULT_LIMIT,
  EVENT_PAGE_MAX_LIMIT,
  cloudEventBatchSchema,
  eventFollowQuerySchema,
  eventPageQuerySchema,
  eventStreamPaths,
} from '@fieldstream/api-contract';
import { z } from 'zod';
import type { ApiRoute } from '../openapi/api-route';

const TAG = 'Event stream';
const READERS =
  'For administrators, auditors and integrators (API keys with role `integrator`); 403 for others.';

/** The event stream's operations, listed in the OpenAPI document with the others (api-routes.ts). */
export const EVENT_STREAM_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: eventStreamPaths.page,
    operationId: 'getEvents',
    tag: TAG,
    summary: 'One page of the published event log, as CloudEvents 1.0',
    description: `${READERS} Events after \`after\` (a log position; the start when left out) in log order, at most \`limit\` (${EVENT_PAGE_DEFAULT_LIMIT} by default, ${EVENT_PAGE_MAX_LIMIT} at most), of one \`category\` or all, narrowed to some CloudEvents \`types\` (comma-separated or repeated). A JSON array of CloudEvents; \`Accept: application/cloudevents-batch+json\` answers the same array as a CloudEvents batch. The next page is in \`Link: rel="next"\` and \`Fieldstream-Next-Position\`, which may lie past the page's last event (the page read events the selection leaves out); \`Fieldstream-Head-Position\` is the log's last position: a next position at or past it means caught up. Each type and its payload are described in \`/api/events/asyncapi.json\`.`,
    query: eventPageQuerySchema,
    responses: [
      {
        status: 200,
        description: 'The page, in log order.',
        body: { name: 'CloudEventBatch', schema: cloudEventBatchSchema },
        headers: ['Link', 'Fieldstream-Next-Position', 'Fieldstream-Head-Position'],
      },
    ],
    problems: [400, 403],
  },
  {
    method: 'get',
    path: eventStreamPaths.follow,
    operationId: 'followEvents',
    tag: TAG,
    summary: 'The published event log live, as server-sent events',
    description: `${READERS} Catches up from \`after\` (or \`Last-Event-ID\` on a reconnection, which wins), then follows live, with no gap and no duplicate. Each message is \`id: <position>\`, \`event: <CloudEvents type>\` and \`data: <the CloudEvent as JSON>\`; a comment every 15 s keeps the line open; \`retry\` is 2 s. Refusals (400, 401, 403) come before the stream starts, as problem documents.`,
    query: eventFollowQuerySchema,
    headers: ['Last-Event-ID'],
    responses: [{ status: 200, description: 'The event stream.', text: 'text/event-stream' }],
    problems: [400, 403],
  },
  {
    method: 'get',
    path: eventStreamPaths.asyncApi,
    operationId: 'getEventStreamAsyncApi',
    tag: TAG,
    summary: 'The AsyncAPI 3.0 description of every published event type and its payload',
    public: true,
    responses: [
      {
        status: 200,
        description: 'An AsyncAPI 3.0 document: channels per category, a message per event type.',
        body: {
          name: 'AsyncApiDocument',
          schema: z.looseObject({
            asyncapi: z.literal('3.0.0'),
            info: z.looseObject({ version: z.string() }),
          }),
        },
      },
    ],
    problems: [],
  },
];
