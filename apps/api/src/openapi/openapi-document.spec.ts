import { PreventiveController } from '../preventive/preventive.controller';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod, type Type } from '@nestjs/common';
import { z } from 'zod';
import { AuthController } from '../auth/auth.controller';
import { CalendarFeedIcsController } from '../calendar-feeds/calendar-feed-ics.controller';
import { CalendarFeedsAdminController } from '../calendar-feeds/calendar-feeds-admin.controller';
import { MyCalendarFeedsController } from '../calendar-feeds/my-calendar-feeds.controller';
import { DevicesController } from '../devices/devices.controller';
import { EventStreamController } from '../event-stream/event-stream.controller';
import { InterventionExportsController } from '../exports/intervention-exports.controller';
import { DispatchBoardController } from '../dispatch/dispatch-board.controller';
import { ProposalsController } from '../dispatch/proposals.controller';
import { EscalationsController } from '../notifications/escalations.controller';
import { InboxController } from '../notifications/inbox.controller';
import { NotificationDeliveriesController } from '../notifications/notification-deliveries.controller';
import { NotificationEndpointsController } from '../notifications/notification-endpoints.controller';
import { PortalBookController } from '../portal/portal-book.controller';
import { PortalRequestsController } from '../portal/portal-requests.controller';
import { ServiceLevelsController } from '../service-levels/service-levels.controller';
import { ServiceHistoryController } from '../service-requests/service-history.controller';
import { ServiceRequestCommandsController } from '../service-requests/service-request-commands.controller';
import { ServiceRequestsController } from '../service-requests/service-requests.controller';
import { TechnicianAgendaController } from '../service-requests/technician-agenda.controller';
import { WebhookSubscriptionsController } from '../webhook-subscriptions/webhook-subscriptions.controller';
import type { ApiRoute } from './api-route';
import { API_ROUTES } from './api-routes';
import { type OpenApiDocument, buildOpenApiDocument, pathParameterNames } from './openapi-document';

const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const document = buildOpenApiDocument(API_ROUTES, '0.1.0');

type Json = Record<string, unknown>;

/** Every `$ref` anywhere in a JSON value, with where it was found. */
function refsIn(value: unknown, at = '#'): { ref: string; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => refsIn(item, `${at}/${index}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? [{ ref: item, at }] : refsIn(item, `${at}/${key}`),
  );
}

/** Resolves a local JSON pointer (`#/components/schemas/X`) in the document, or undefined. */
function resolve(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, token) =>
        node !== null && typeof node === 'object' && Object.hasOwn(node, token)
          ? (node as Json)[token]
          : undefined,
      root,
    );
}

/** Follows a `$ref` (if any) to what it names. */
function deref<T>(node: T | { $ref: string }): T {
  return (
    node && typeof node === 'object' && '$ref' in node ? (resolve(document, node.$ref) as T) : node
  ) as T;
}

function operations(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation: operation as Json })),
  );
}

/** The routes a controller serves, from Nest's own route metadata, in OpenAPI's path syntax. */
function controllerRoutes(controller: Type): string[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const handler = prototype[name];
    if (typeof handler !== 'function' || name === 'constructor') return [];
    const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (path === undefined || method === undefined) return [];
    const full = `/${[base, path].join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
    return [`${RequestMethod[method].toLowerCase()} ${full.replace(/:([A-Za-z]+)/g, '{$1}')}`];
  });
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1.0 with a title, a version and a bearer security scheme used by default', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Fieldstream API', version: '0.1.0' });
    expect(document.components.securitySchemes['bearerAuth']).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    // Plain JSON: nothing lost by serialising it.
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('has operations on every path, each with a unique operationId and responses', () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      expect(path).toMatch(/^\//);
      const methods = Object.keys(item);
      expect(methods.length).toBeGreaterThan(0);
      expect(methods.every((method) => OPERATION_METHODS.includes(method))).toBe(true);
    }
    for (const { path, method, operation } of operations(document)) {
      const id = operation['operationId'] as string;
      expect(ids.has(id)).toBe(false);
      ids.add(id);
      expect(Object.keys(operation['responses'] as Json).length).toBeGreaterThan(0);
      expect(`${method} ${path}`).toEqual(expect.any(String));
    }
  });

  it('resolves every $ref', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(50);
    const broken = refs.filter(({ ref }) => resolve(document, ref) === undefined);
    expect(broken).toEqual([]);
  });

  it('keeps JSON Schema dialect lines out of the components (3.1 documents set the dialect once)', () => {
    for (const schema of Object.values(document.components.schemas)) {
      expect(schema).not.toHaveProperty('$schema');
    }
    // And zod put no local $defs that a component reference would miss.
    expect(JSON.stringify(document)).not.toContain('#/$defs');
  });

  it('declares exactly the path parameters of each path, as required strings', () => {
    for (const { path, operation } of operations(document)) {
      const parameters = ((operation['parameters'] as Json[] | undefined) ?? []).map(deref) as Json[];
      const inPath = parameters.filter((parameter) => parameter['in'] === 'path');
      expect(inPath.map((parameter) => parameter['name'])).toEqual(pathParameterNames(path));
      expect(inPath.every((parameter) => parameter['required'] === true)).toBe(true);
    }
  });

  it('answers problems as application/problem+json with the ProblemDetails schema, and 401 where credentials are needed', () => {
    for (const { path, method, operation } of operations(document)) {
      const responses = operation['responses'] as Record<string, Json>;
      const statuses = Object.keys(responses).map(Number);
      expect(statuses.some((status) => status >= 200 && status < 300)).toBe(true);
      for (const status of statuses.filter((code) => code >= 400)) {
        const response = deref(responses[String(status)]!) as { content: Record<string, { schema: Json }> };
        expect(Object.keys(response.content)).toEqual(['application/problem+json']);
        expect(response.content['application/problem+json']!.schema).toEqual({
          $ref: '#/components/schemas/ProblemDetails',
        });
      }
      const isPublic =
        Array.isArray(operation['security']) && (operation['security'] as unknown[]).length === 0;
      if (!isPublic)
        expect([`${method} ${path}`, statuses.includes(401)]).toEqual([`${method} ${path}`, true]);
    }
  });

  it('describes problems for 400, 401, 403, 404, 409 and 422', () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      expect(document.components.responses[`Problem${status}`]).toBeDefined();
    }
  });

  it('takes If-Match and Idempotency-Key on every command of a request, and answers the detail with its ETag', () => {
    // The impact preview is posted beside the assignments but is a question, not a command; an
    // escalation's acknowledgement is a command on the request's escalation, not on the request.
    const commands = operations(document).filter(
      ({ path, method, operation }) =>
        path.startsWith('/service-requests/{id}/') &&
        method !== 'get' &&
        !(operation['tags'] as string[]).some((tag) => tag === 'Dispatch' || tag === 'Notifications'),
    );
    expect(commands).toHaveLength(19);
    for (const { operation } of commands) {
      const headers = ((operation['parameters'] as Json[]) ?? [])
        .map(deref)
        .filter((parameter) => (parameter as Json)['in'] === 'header')
        .map((parameter) => (parameter as Json)['name']);
      expect(headers).toEqual(['If-Match', 'Idempotency-Key']);
      const ok = (operation['responses'] as Record<string, Json>)['200']!;
      expect(ok['content']).toEqual({
        'application/json': { schema: { $ref: '#/components/schemas/ServiceRequestDetail' } },
      });
      expect(Object.keys(ok['headers'] as Json)).toEqual(['ETag']);
    }
  });

  it('lists the repeatable list filters as exploded query parameters', () => {
    const list = document.paths['/service-requests']!['get']!;
    const parameters = list['parameters'] as Json[];
    const status = parameters.find((parameter) => parameter['name'] === 'status')!;
    expect(status).toMatchObject({ in: 'query', required: false, style: 'form', explode: true });
    expect(JSON.stringify(status['schema'])).toContain('"type":"array"');
    const agenda = document.paths['/technicians/{technicianCode}/agenda']!['get']!;
    expect(
      (agenda['parameters'] as Json[])
        .filter((p) => p['in'] === 'query')
        .map((p) => [p['name'], p['required']]),
    ).toEqual([
      ['from', true],
      ['to', true],
    ]);
  });

  it('describes bodies as clients may send them: fields with defaults are optional', () => {
    const open = document.components.schemas['OpenServiceRequestBody'] as { required: string[] };
    expect(open.required).toEqual(['customerCode', 'siteCode', 'description']);
    const login = document.paths['/auth/login']!['post']!;
    expect(login['security']).toEqual([]);
  });

  it('lists every route the service-request, dispatch, service-level, notification, preventive, calendar-feed, event-stream, portal and webhook-subscription controllers and the login serve, and no other', () => {
    const served = [
      ...controllerRoutes(ServiceRequestsController),
      ...controllerRoutes(ServiceRequestCommandsController),
      ...controllerRoutes(TechnicianAgendaController),
      ...controllerRoutes(ServiceHistoryController),
      ...controllerRoutes(ProposalsController),
      ...controllerRoutes(DispatchBoardController),
      ...controllerRoutes(ServiceLevelsController),
      ...controllerRoutes(NotificationEndpointsController),
      ...controllerRoutes(InboxController),
      ...controllerRoutes(EscalationsController),
      ...controllerRoutes(NotificationDeliveriesController),
      ...controllerRoutes(PreventiveController),
      ...controllerRoutes(DevicesController),
      ...controllerRoutes(MyCalendarFeedsController),
      ...controllerRoutes(CalendarFeedsAdminController),
      ...controllerRoutes(CalendarFeedIcsController),
      ...controllerRoutes(EventStreamController),
      ...controllerRoutes(InterventionExportsController),
      ...controllerRoutes(PortalRequestsController),
      ...controllerRoutes(PortalBookController),
      ...controllerRoutes(WebhookSubscriptionsController),
      ...controllerRoutes(AuthController).filter((route) => route === 'post /auth/login'),
    ].sort();
    expect(served).toHaveLength(91);
    const listed = operations(document)
      .map(({ path, method }) => `${method} ${path}`)
      .sort();
    expect(listed).toEqual(served);
  });

  it('refuses a table that names two different schemas alike or lists a route twice', () => {
    const route = (name: string, schema: z.ZodType): ApiRoute => ({
      method: 'get',
      path: `/x/${name}${Math.random()}`,
      operationId: `x${Math.random()}`,
      tag: 'x',
      summary: 'x',
      responses: [{ status: 200, description: 'x', body: { name: 'Same', schema } }],
      problems: [],
    });
    expect(() => buildOpenApiDocument([route('a', z.string()), route('b', z.number())], '1')).toThrow(
      'two different schemas are named Same',
    );
    const twice = route('a', z.string());
    expect(() => buildOpenApiDocument([twice, { ...twice, operationId: 'other' }], '1')).toThrow(
      'listed twice',
    );
  });
});
