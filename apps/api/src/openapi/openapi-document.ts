import { isDeepStrictEqual } from 'node:util';
import { PROBLEM_CONTENT_TYPE, problemDetailsSchema } from '@fieldstream/api-contract';
import { type ZodType, z } from 'zod';
import type { ApiRoute, ProblemStatus, RequestHeader, ResponseHeader } from './api-route';

type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: Json;
  servers: Json[];
  tags: Json[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, Json>>;
  components: {
    schemas: Record<string, Json>;
    responses: Record<string, Json>;
    parameters: Record<string, Json>;
    headers: Record<string, Json>;
    securitySchemes: Record<string, Json>;
  };
}

const PROBLEMS: Record<ProblemStatus, string> = {
  400: 'Invalid request: `errors` names each offending field. Nothing was changed.',
  401: 'No credentials, or credentials that do not hold.',
  403: 'The caller may not do this.',
  404: "No such resource, or not in the caller's scope (the two answer alike).",
  409: 'Conflict: a stale If-Match (`expectedRevision`, `actualRevision`), a state that does not allow the command (`details.state`, `details.allowed`), or a booked slot (`schedule_conflict`, `details.conflicts`).',
  422: 'Understood, but a business rule refuses it; `code` and `details` say which.',
  423: 'The account is locked.',
};

const REQUEST_HEADERS: Record<RequestHeader, { key: string; parameter: Json }> = {
  'If-Match': {
    key: 'IfMatch',
    parameter: {
      name: 'If-Match',
      in: 'header',
      required: false,
      description:
        'The version (ETag) the client last saw; when the request has moved on since, the command is refused with 409 naming both versions.',
      schema: { type: 'string', examples: ['"3"'] },
    },
  },
  'Idempotency-Key': {
    key: 'IdempotencyKey',
    parameter: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'A retry with the same key answers as the first attempt did and writes nothing again.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
    },
  },
  'Accept-Language': {
    key: 'AcceptLanguage',
    parameter: {
      name: 'Accept-Language',
      in: 'header',
      required: false,
      description: 'Italian (`it`) or English (`en`); anything else reads as English.',
      schema: { type: 'string', examples: ['it-IT,it;q=0.9,en;q=0.8'] },
    },
  },
  'Last-Event-ID': {
    key: 'LastEventId',
    parameter: {
      name: 'Last-Event-ID',
      in: 'header',
      required: false,
      description:
        'Sent by a reconnecting event-stream client: the id (log position) of the last event it received. The stream resumes after it, and it wins over `after`.',
      schema: { type: 'string', pattern: '^[0-9]+$' },
    },
  },
};

const RESPONSE_HEADERS: Record<ResponseHeader, Json> = {
  ETag: {
    description: "The request's version, to send back as If-Match.",
    schema: { type: 'string', examples: ['"3"'] },
  },
  Location: { description: 'Where the request lives.', schema: { type: 'string', format: 'uri-reference' } },
  Link: {
    description: 'The next page: `<…?after=<position>&…>; rel="next"` (RFC 8288).',
    schema: { type: 'string' },
  },
  'Fieldstream-Next-Position': {
    description: "The next page's `after`: past every event this page read, shown or not.",
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  'Fieldstream-Head-Position': {
    description:
      "The log's last position when the page was read; a next position at or past it means caught up.",
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
};

const PATH_PARAMETERS: Record<string, string> = {
  id: "The request's id.",
  technicianCode: "The technician's code.",
  code: "The record's code.",
  deliveryId: "The delivery's id.",
  feedId: "The calendar feed's id.",
  token: "The calendar feed's secret token, as its URL gives it.",
};

/** A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), without its `$schema` line. */
function jsonSchemaOf(schema: ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as Json;
  return json;
}

/** `{name}` segments of a path, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/**
 * The OpenAPI 3.1 document of the given routes. Bodies are described as clients may send them
 * (zod's input: defaults make fields optional), answers as the server sends them (output).
 */
export function buildOpenApiDocument(routes: readonly ApiRoute[], version: string): OpenApiDocument {
  const schemas: Record<string, Json> = {
    ProblemDetails: jsonSchemaOf(problemDetailsSchema, 'output'),
  };
  /** Registers a named schema once; one name for two different shapes is a mistake in the table. */
  const refTo = (name: string, schema: ZodType, io: 'input' | 'output'): Json => {
    const json = jsonSchemaOf(schema, io);
    if (schemas[name] !== undefined && !isDeepStrictEqual(schemas[name], json)) {
      throw new Error(`OpenAPI: two different schemas are named ${name}`);
    }
    schemas[name] = json;
    return { $ref: `#/components/schemas/${name}` };
  };
  const usedHeaders = new Set<RequestHeader>();
  const paths: OpenApiDocument['paths'] = {};

  for (const route of routes) {
    const parameters: Json[] = pathParameterNames(route.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      description: PATH_PARAMETERS[name] ?? name,
      schema: { type: 'string', minLength: 1 },
    }));
    if (route.query) {
      const query = jsonSchemaOf(route.query, 'input') as {
        properties?: Record<string, Json>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({
          name,
          in: 'query',
          required: query.required?.includes(name) ?? false,
          schema,
          // Arrays repeat the name: `?status=open&status=accepted`.
          style: 'form',
          explode: true,
        });
      }
    }
    for (const header of route.headers ?? []) {
      usedHeaders.add(header);
      parameters.push({ $ref: `#/components/parameters/${REQUEST_HEADERS[header].key}` });
    }

    const responses: Record<string, Json> = {};
    for (const response of route.responses) {
      responses[String(response.status)] = {
        description: response.description,
        ...(response.headers?.length
          ? {
              headers: Object.fromEntries(
                response.headers.map((name) => [name, { $ref: `#/components/headers/${name}` }]),
              ),
            }
          : {}),
        ...(response.body
          ? {
              content: {
                'application/json': { schema: refTo(response.body.name, response.body.schema, 'output') },
              },
            }
          : {}),
        ...(response.text ? { content: { [response.text]: { schema: { type: 'string' } } } } : {}),
      };
    }
    const problems = new Set<ProblemStatus>(route.problems);
    if (!route.public) problems.add(401);
    for (const status of [...problems].sort((a, b) => a - b)) {
      responses[String(status)] = { $ref: `#/components/responses/Problem${status}` };
    }

    const operation: Json = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.public ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: route.body.required,
              content: { 'application/json': { schema: refTo(route.body.name, route.body.schema, 'input') } },
            },
          }
        : {}),
      responses,
    };
    const item = (paths[route.path] ??= {});
    if (item[route.method])
      throw new Error(`OpenAPI: ${route.method.toUpperCase()} ${route.path} is listed twice`);
    item[route.method] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Fieldstream API',
      version,
      summary: 'Field service management: service requests, dispatch, agendas.',
      description:
        'Errors are RFC 9457 problem documents (`application/problem+json`). Commands on a request take the version last seen in `If-Match` and an optional `Idempotency-Key`.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/api' }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      schemas,
      responses: Object.fromEntries(
        (Object.keys(PROBLEMS) as unknown as ProblemStatus[]).map((status) => [
          `Problem${status}`,
          {
            description: PROBLEMS[status],
            content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
          },
        ]),
      ),
      parameters: Object.fromEntries(
        [...usedHeaders].map((header) => [REQUEST_HEADERS[header].key, REQUEST_HEADERS[header].parameter]),
      ),
      headers: { ...RESPONSE_HEADERS },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A token from `POST /auth/login`, or an API key.',
        },
      },
    },
  };
}
