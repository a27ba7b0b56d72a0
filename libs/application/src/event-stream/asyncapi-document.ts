import {
  CLOUDEVENTS_CONTENT_TYPE,
  EVENT_CATEGORY_NAMES,
  cloudEventSchema,
  eventFollowQuerySchema,
  eventStreamPaths,
} from '@fieldstream/api-contract';
import { type ZodType, z } from 'zod';
import { EVENT_CATALOGUE, EVENT_CATALOGUE_VERSION, publishedEventTypes } from './event-catalogue';
import type { PublishedEventType } from './published-event-type';

type Json = Record<string, unknown>;

export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: Json;
  defaultContentType: string;
  channels: Record<string, Json>;
  operations: Record<string, Json>;
  components: { schemas: Record<string, Json>; messages: Record<string, Json> };
}

const API_PREFIX = '/api';

const DESCRIPTION = `Every change in Fieldstream is an event in its log. Integrators read the published part of it,
by category, as [CloudEvents 1.0](https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md)
in the JSON format.

- **Page by page**: \`GET /api/events?after=<position>&limit=<n>&category=<category>&types=<t1,t2>\`
  answers a JSON array of CloudEvents (\`application/cloudevents-batch+json\` when asked for) in
  log order; \`Link: <…>; rel="next"\` and \`Fieldstream-Next-Position\` give the next page's
  \`after\`, \`Fieldstream-Head-Position\` the log's last position.
- **Live**: \`GET /api/events/stream?after=<position>&category=…\` (server-sent events) catches up,
  then follows. Each message has \`id: <position>\`, \`event: <CloudEvents type>\` and the event as
  its data; a reconnection's \`Last-Event-ID\` resumes after that position, with no gap and no
  duplicate. Comments every 15 s keep proxies from closing the line. Messages are named by their
  type: a browser's \`EventSource\` hears them through \`addEventListener('<type>', …)\`, not \`onmessage\`.

**Types** are \`io.fieldstream.<entity>.<fact>.v<version>\` (\`io.fieldstream.service-request.opened.v1\`).
A change a consumer could trip on (a field removed, renamed or meaning something else) publishes a
new version beside the old; fields may be added without one, so ignore those you do not know.
\`source\` is \`/fieldstream/<category>\`; \`subject\` is the event's stream (\`service-request-<id>\`),
in which \`streamrevision\` counts from 0; \`position\` (a decimal string) orders the whole log;
\`correlationid\` and \`causationid\` trace what caused what.

Administrators, auditors and integrators (API keys with role \`integrator\`) read it, with
\`Authorization: Bearer <token or key>\`. Accounts, keys, notification endpoints, inboxes, the
delivery log and imports are never published.`;

/**
 * A zod schema as the JSON Schema (draft 7) of AsyncAPI's default schema format. Objects are left
 * open (zod's output mode closes them): fields may be added to a payload without a new version,
 * and a consumer validating with this document must not break on them.
 */
function jsonSchemaOf(schema: ZodType): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
  }) as Json;
  return openObjects(json) as Json;
}

function openObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(openObjects);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, item]) => !(key === 'additionalProperties' && item === false))
      .map(([key, item]) => [key, openObjects(item)]),
  );
}

/** `ServiceRequestOpenedV1`: a message's key in the document. */
export function asyncApiMessageName(type: PublishedEventType): string {
  return `${type.storedType}V${type.version}`;
}

function messageOf(type: PublishedEventType): Json {
  const name = asyncApiMessageName(type);
  const source = `/fieldstream/${type.category}`;
  return {
    name: type.cloudEventType,
    title: `${type.storedType} (v${type.version})`,
    summary: type.summary,
    contentType: CLOUDEVENTS_CONTENT_TYPE,
    tags: [{ name: type.category }],
    payload: {
      allOf: [
        { $ref: '#/components/schemas/CloudEvent' },
        {
          type: 'object',
          required: ['type', 'source', 'data'],
          properties: {
            type: { const: type.cloudEventType },
            source: { const: source },
            // A stream prefix is letters and dashes: nothing to escape (`\-` is an error in a `u` regex).
            subject: { type: 'string', pattern: `^${type.streamPrefix}` },
            data: { $ref: `#/components/schemas/${name}Data` },
          },
        },
      ],
    },
    ...(type.example
      ? {
          examples: [
            {
              name: 'example',
              payload: {
                specversion: '1.0',
                id: '2f1e0d9c-8b7a-4f6e-9d5c-4b3a2f1e0d9c',
                source,
                type: type.cloudEventType,
                subject: `${type.streamPrefix}f1d2c3b4-a5e6-4f70-8a91-b2c3d4e5f607`,
                time: '2026-12-01T08:40:00.000Z',
                datacontenttype: 'application/json',
                position: '1024',
                streamrevision: 3,
                correlationid: 'c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f',
                causationid: 'c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f',
                data: type.example,
              },
            },
          ],
        }
      : {}),
    'x-fieldstream-stored-type': type.storedType,
  };
}

/**
 * The AsyncAPI 3.0 description of the published event stream: a channel for the whole of it and
 * one per category (the same endpoint with `?category=`), a message per event type with its payload
 * schema and, where written, an example; built from the catalogue, so it cannot drift from what is
 * served.
 */
export function buildAsyncApiDocument(): AsyncApiDocument {
  const types = publishedEventTypes();
  const schemas: Record<string, Json> = { CloudEvent: jsonSchemaOf(cloudEventSchema) };
  const messages: Record<string, Json> = {};
  for (const type of types) {
    const name = asyncApiMessageName(type);
    schemas[`${name}Data`] = jsonSchemaOf(type.payload);
    messages[name] = messageOf(type);
  }
  const messageRefs = (of: readonly PublishedEventType[]) =>
    Object.fromEntries(
      of.map((type) => [
        asyncApiMessageName(type),
        { $ref: `#/components/messages/${asyncApiMessageName(type)}` },
      ]),
    );
  const channels: Record<string, Json> = {
    events: {
      address: `${API_PREFIX}${eventStreamPaths.follow}`,
      title: 'Every published event',
      description: 'The whole published log, in position order; narrowed with `types=`.',
      messages: messageRefs(types),
    },
  };
  for (const category of EVENT_CATALOGUE) {
    channels[category.name] = {
      address: `${API_PREFIX}${eventStreamPaths.follow}?category=${category.name}`,
      title: category.title,
      description: `${category.description} Streams: ${category.streamPrefixes.map((prefix) => `\`${prefix}…\``).join(', ')}.`,
      messages: messageRefs(category.types),
    };
  }
  const query = jsonSchemaOf(eventFollowQuerySchema);
  const operations: Record<string, Json> = {};
  for (const [channel, definition] of Object.entries(channels)) {
    operations[`receive-${channel}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channel}` },
      summary: `Follow ${channel === 'events' ? 'every published event' : `the ${channel} category`}`,
      bindings: { http: { method: 'GET', query, bindingVersion: '0.3.0' } },
      messages: Object.keys(definition['messages'] as Json).map((name) => ({
        $ref: `#/channels/${channel}/messages/${name}`,
      })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Fieldstream event stream',
      version: EVENT_CATALOGUE_VERSION,
      description: DESCRIPTION,
      license: { name: 'AGPL-3.0-or-later' },
      tags: EVENT_CATEGORY_NAMES.map((name) => ({ name })),
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    channels,
    operations,
    components: { schemas, messages },
  };
}
