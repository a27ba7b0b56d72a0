import type { WebhookDeliveryAttempt, WebhookSubscriptionView } from '@fieldstream/api-contract';
import { sendJson } from '../../../testing/start-http-stub';
import type { StubbedApi } from '../../../testing/stub-api-each-test';
import { EVENT_TYPES, attemptOf, webhookSubscriptionOf } from './webhook-subscription-of';

export const SECRET = `whsec_${'A'.repeat(43)}=`;
export const NEW_SECRET = `whsec_${'B'.repeat(43)}=`;
const problem = (response: Parameters<typeof sendJson>[0], status: number, body: object) =>
  sendJson(response, status, { status, title: 'Problem', ...body }, 'application/problem+json');

/**
 * The webhook subscriptions' API as the server keeps it, in memory: plain-http targets refused on
 * `url`, a replay past position 1000 on `fromPosition`, every change applied to what is served next.
 */
export async function serveWebhookApi(
  server: StubbedApi,
  {
    subscriptions = [webhookSubscriptionOf('w-1')],
    attempts = [
      attemptOf('a-3', {
        outcome: 'failed',
        status: 503,
        error: 'answered 503: busy',
        attempt: 2,
        position: 121,
      }),
      attemptOf('a-2', {
        outcome: 'refused',
        status: 422,
        error: 'answered 422: no such order',
        position: 119,
      }),
      attemptOf('a-1'),
    ],
  }: { subscriptions?: WebhookSubscriptionView[]; attempts?: WebhookDeliveryAttempt[] } = {},
) {
  const state = { subscriptions: [...subscriptions], secret: SECRET };
  const stub = await server.serve((request, response) => {
    const url = new URL(request.url, 'http://stub');
    const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
    const path = url.pathname;
    if (path === '/api/webhook-subscriptions/event-types') return sendJson(response, 200, EVENT_TYPES);
    if (path === '/api/webhook-subscriptions' && request.method === 'GET')
      return sendJson(response, 200, { subscriptions: state.subscriptions });
    if (path === '/api/webhook-subscriptions' && request.method === 'POST') {
      if (String(body['url']).startsWith('http:'))
        return problem(response, 400, {
          code: 'validation_failed',
          errors: [{ field: 'url', code: 'https_required', message: 'Events are sent to https URLs only' }],
        });
      const made = webhookSubscriptionOf(`w-${state.subscriptions.length + 1}`, {
        name: String(body['name']),
        url: String(body['url']),
        description: String(body['description'] ?? ''),
        categories: body['categories'] as WebhookSubscriptionView['categories'],
        eventTypes: body['eventTypes'] as string[],
        owner: { id: 'user-admin', kind: 'user', name: 'admin', role: 'admin' },
        delivery: {
          ...webhookSubscriptionOf('x').delivery,
          position: null,
          delivered: 0,
          refused: 0,
          lastSuccessAt: null,
        },
      });
      state.subscriptions.push(made);
      return sendJson(response, 201, { ...made, secret: state.secret });
    }
    const match = /^\/api\/webhook-subscriptions\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
    const index = state.subscriptions.findIndex((s) => s.id === match?.[1]);
    const current = state.subscriptions[index];
    if (!match || !current)
      return problem(response, 404, {
        code: 'not_found',
        resource: { kind: 'webhook-subscription', id: match?.[1] },
      });
    const save = (next: WebhookSubscriptionView) => {
      state.subscriptions[index] = next;
      return next;
    };
    switch (`${request.method} ${match[2] ?? ''}`) {
      case 'GET ':
        return sendJson(response, 200, current);
      case 'PUT ':
        return sendJson(
          response,
          200,
          save({ ...current, ...body, version: current.version + 1 } as WebhookSubscriptionView),
        );
      case 'DELETE ':
        state.subscriptions.splice(index, 1);
        response.writeHead(204);
        return response.end();
      case 'POST pause':
        return sendJson(
          response,
          200,
          save({
            ...current,
            status: 'paused',
            paused: { at: '2026-11-27T10:00:00.000Z', reason: 'requested', detail: null },
          }),
        );
      case 'POST resume':
        return sendJson(response, 200, save({ ...current, status: 'active', paused: null }));
      case 'POST test':
        return sendJson(response, 200, {
          webhookId: 'ping-1',
          outcome: 'delivered',
          status: 204,
          error: null,
          durationMs: 42,
        });
      case 'POST replay':
        if (Number(body['fromPosition']) > 1000)
          return problem(response, 400, {
            code: 'validation_failed',
            errors: [
              { field: 'fromPosition', code: 'beyond_head', message: 'The log’s last position is 130' },
            ],
          });
        return sendJson(
          response,
          202,
          save({
            ...current,
            lastReplay: { fromPosition: Number(body['fromPosition']), at: '2026-11-27T10:00:00.000Z' },
          }),
        );
      case 'GET secret':
        return sendJson(response, 200, {
          secret: state.secret,
          secretRotatedAt: current.secretRotatedAt,
          previousSecretValidUntil: current.previousSecretValidUntil,
        });
      case 'POST rotate-secret': {
        state.secret = NEW_SECRET;
        const minutes = Number(body['previousSecretValidMinutes'] ?? 1440);
        const rotated = save({
          ...current,
          secretRotatedAt: '2026-11-27T10:00:00.000Z',
          previousSecretValidUntil:
            minutes > 0
              ? new Date(Date.parse('2026-11-27T10:00:00.000Z') + minutes * 60_000).toISOString()
              : null,
        });
        return sendJson(response, 200, { ...rotated, secret: state.secret });
      }
      case 'GET deliveries': {
        const outcome = url.searchParams.get('outcome');
        return sendJson(response, 200, {
          deliveries: attempts.filter((attempt) => !outcome || attempt.outcome === outcome),
          next: null,
          status: current.delivery,
          kept: 1000,
        });
      }
    }
    return problem(response, 405, {});
  });
  return { stub, state };
}
