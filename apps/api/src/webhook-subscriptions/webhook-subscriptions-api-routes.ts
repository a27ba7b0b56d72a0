import {
  CLOUDEVENTS_CONTENT_TYPE,
  DEFAULT_PREVIOUS_SECRET_VALID_MINUTES,
  WEBHOOK_DELIVERY_PAGE_DEFAULT,
  WEBHOOK_DELIVERY_PAGE_MAX,
  WEBHOOK_PENDING_COUNT_CAP,
  WEBHOOK_PING_TYPE,
  replayWebhookBodySchema,
  rotateWebhookSecretBodySchema,
  webhookDeliveryPageSchema,
  webhookDeliveryQuerySchema,
  webhookEventTypesSchema,
  webhookSecretSchema,
  webhookSubscriptionBodySchema,
  webhookSubscriptionListQuerySchema,
  webhookSubscriptionListSchema,
  webhookSubscriptionPaths as paths,
  webhookSubscriptionSchema,
  webhookSubscriptionWithSecretSchema,
  webhookTestAnswerSchema,
} from '@fieldstream/api-contract';
import type { ApiRoute, NamedSchema } from '../openapi/api-route';

/** Nest's `:name` path parameters in OpenAPI's braces. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
const TAG = 'Webhook subscriptions';
const view: NamedSchema = { name: 'WebhookSubscription', schema: webhookSubscriptionSchema };
const withSecret: NamedSchema = {
  name: 'WebhookSubscriptionWithSecret',
  schema: webhookSubscriptionWithSecretSchema,
};
const body = { name: 'WebhookSubscriptionBody', schema: webhookSubscriptionBodySchema, required: true };
const WHO =
  'Administrators manage every subscription, an integrator (an API key or a user with role `integrator`) its own (another’s answers 404); auditors read them all but change nothing (403); anyone else 403.';
const MANAGERS = 'For administrators and the subscription’s own integrator (auditors 403).';

/** The webhook subscriptions' operations, listed in the OpenAPI document with the others (api-routes.ts). */
export const WEBHOOK_SUBSCRIPTION_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: paths.eventTypes,
    operationId: 'getWebhookEventTypes',
    tag: TAG,
    summary:
      'What may be subscribed to: the categories of the published catalogue and their CloudEvents types',
    description: `For whoever may read subscriptions. The same catalogue as the event stream's (\`/api/events/asyncapi.json\` describes each payload).`,
    responses: [
      {
        status: 200,
        description: 'The catalogue.',
        body: { name: 'WebhookEventTypes', schema: webhookEventTypesSchema },
      },
    ],
    problems: [403],
  },
  {
    method: 'get',
    path: paths.list,
    operationId: 'getWebhookSubscriptions',
    tag: TAG,
    summary: 'Webhook subscriptions, with where their deliveries stand',
    description: `${WHO} Never a secret. \`delivery\` is the delivery worker's record: the position delivered through, the log's head, the events of the subscription's types still to send (counted up to ${WEBHOOK_PENDING_COUNT_CAP}), consecutive failures, the last attempt and success.`,
    query: webhookSubscriptionListQuerySchema,
    responses: [
      {
        status: 200,
        description: 'The subscriptions, oldest first.',
        body: { name: 'WebhookSubscriptionList', schema: webhookSubscriptionListSchema },
      },
    ],
    problems: [400, 403],
  },
  {
    method: 'post',
    path: paths.list,
    operationId: 'createWebhookSubscription',
    tag: TAG,
    summary: 'Subscribes a URL to some event types or whole categories',
    description: `For administrators and integrators; the caller owns it. Each event of the types named in \`eventTypes\` (CloudEvents types of \`GET /api/webhook-subscriptions/event-types\`; one not published is 400 naming \`eventTypes.<i>\`) or of the \`categories\`, recorded after the subscription, is POSTed to \`url\` as CloudEvents 1.0 JSON (\`content-type: ${CLOUDEVENTS_CONTENT_TYPE}\`), exactly as the event stream serves it, and signed per the Standard Webhooks specification with \`secret\` (\`webhook-id\` is the event id, the same on every retry: de-duplicate by it). One event at a time per stream, in log order; different streams side by side. 2xx is taken; 408, 429, 5xx and no answer are tried again with exponential back-off and jitter, for as long as it takes; any other 4xx is logged and skipped; 410 pauses the subscription. \`url\` must be https unless the server allows plain http. Retrying with the same Idempotency-Key makes one subscription.`,
    headers: ['Idempotency-Key'],
    body,
    responses: [
      {
        status: 201,
        description: 'Made; its secret signs every call.',
        body: withSecret,
        headers: ['ETag', 'Location'],
      },
    ],
    problems: [400, 403],
  },
  {
    method: 'get',
    path: openApiPath(paths.one),
    operationId: 'getWebhookSubscription',
    tag: TAG,
    summary: 'One webhook subscription, with where its deliveries stand',
    description: `${WHO} Never its secret (\`GET …/secret\`). \`Cache-Control: no-store\`: the delivery status moves with every event, whatever the version (the ETag, for \`If-Match\`).`,
    responses: [{ status: 200, description: 'The subscription.', body: view, headers: ['ETag'] }],
    problems: [403, 404],
  },
  {
    method: 'put',
    path: openApiPath(paths.one),
    operationId: 'updateWebhookSubscription',
    tag: TAG,
    summary: 'Changes a subscription: the whole of its settings',
    description: `${MANAGERS} A new URL or secret applies from the next call; new types or categories from the position deliveries stand at. With \`If-Match\` (the ETag of a GET), a subscription changed meanwhile is 409 naming both versions.`,
    headers: ['If-Match'],
    body,
    responses: [
      { status: 200, description: 'The subscription as it now is.', body: view, headers: ['ETag'] },
    ],
    problems: [400, 403, 404, 409],
  },
  {
    method: 'delete',
    path: openApiPath(paths.one),
    operationId: 'deleteWebhookSubscription',
    tag: TAG,
    summary: 'Ends a subscription: nothing more is sent',
    description: `${MANAGERS} With \`If-Match\`, a subscription changed meanwhile is 409.`,
    headers: ['If-Match'],
    responses: [{ status: 204, description: 'Deleted.' }],
    problems: [403, 404, 409],
  },
  {
    method: 'get',
    path: openApiPath(paths.secret),
    operationId: 'getWebhookSubscriptionSecret',
    tag: TAG,
    summary: 'The secret that signs a subscription’s calls',
    description: `${MANAGERS} \`Cache-Control: no-store\`.`,
    responses: [
      {
        status: 200,
        description: 'The secret.',
        body: { name: 'WebhookSecret', schema: webhookSecretSchema },
      },
    ],
    problems: [403, 404],
  },
  {
    method: 'post',
    path: openApiPath(paths.rotateSecret),
    operationId: 'rotateWebhookSubscriptionSecret',
    tag: TAG,
    summary: 'Gives a subscription a new secret',
    description: `${MANAGERS} Calls are signed with the new secret and, for \`previousSecretValidMinutes\` (${DEFAULT_PREVIOUS_SECRET_VALID_MINUTES} by default, 0 to stop at once), with the previous one too: \`webhook-signature\` then holds two signatures, and a receiver holding either verifies.`,
    body: { name: 'RotateWebhookSecretBody', schema: rotateWebhookSecretBodySchema, required: false },
    responses: [{ status: 200, description: 'The subscription with its new secret.', body: withSecret }],
    problems: [400, 403, 404],
  },
  {
    method: 'post',
    path: openApiPath(paths.pause),
    operationId: 'pauseWebhookSubscription',
    tag: TAG,
    summary: 'Stops deliveries; what happens meanwhile is sent on resumption',
    description: `${MANAGERS} Pausing a paused subscription changes nothing.`,
    responses: [{ status: 200, description: 'The subscription, paused.', body: view }],
    problems: [403, 404],
  },
  {
    method: 'post',
    path: openApiPath(paths.resume),
    operationId: 'resumeWebhookSubscription',
    tag: TAG,
    summary: 'Resumes deliveries from where they stopped',
    description: `${MANAGERS} Also after the receiver answered 410 and the subscription paused itself.`,
    responses: [{ status: 200, description: 'The subscription, active.', body: view }],
    problems: [403, 404],
  },
  {
    method: 'post',
    path: openApiPath(paths.replay),
    operationId: 'replayWebhookSubscription',
    tag: TAG,
    summary: 'Sends the events from a log position on again',
    description: `${MANAGERS} \`fromPosition\` is an event's \`position\` (a number or its decimal string): that event and every later one of the subscription's types go out again, in order, each with its own id as \`webhook-id\` (events before the subscription was made included: a backfill). A position past the log's head + 1 is 400. Recorded at once (202); the delivery worker moves the subscription there, paused or not.`,
    body: { name: 'ReplayWebhookBody', schema: replayWebhookBodySchema, required: true },
    responses: [{ status: 202, description: 'Recorded.', body: view }],
    problems: [400, 403, 404],
  },
  {
    method: 'post',
    path: openApiPath(paths.test),
    operationId: 'testWebhookSubscription',
    tag: TAG,
    summary: 'Sends a signed ping now, and says what the receiver answered',
    description: `${MANAGERS} A CloudEvent of type \`${WEBHOOK_PING_TYPE}\`, signed as the events are, paused or not; logged with the deliveries (\`kind: ping\`).`,
    responses: [
      {
        status: 200,
        description: 'What the receiver answered.',
        body: { name: 'WebhookTestAnswer', schema: webhookTestAnswerSchema },
      },
    ],
    problems: [403, 404],
  },
  {
    method: 'get',
    path: openApiPath(paths.deliveries),
    operationId: 'getWebhookSubscriptionDeliveries',
    tag: TAG,
    summary: 'A subscription’s delivery log: every attempt, newest first, and where deliveries stand',
    description: `${WHO} Each attempt: the event (id, type, stream, position), its attempt number, the outcome (delivered, failed, refused, gone), the HTTP status or the error, how long it took. \`limit\` ${WEBHOOK_DELIVERY_PAGE_DEFAULT} by default, ${WEBHOOK_DELIVERY_PAGE_MAX} at most; the next (older) page is \`before=<next>\`. The newest attempts are kept (\`kept\`).`,
    query: webhookDeliveryQuerySchema,
    responses: [
      {
        status: 200,
        description: 'The page.',
        body: { name: 'WebhookDeliveryPage', schema: webhookDeliveryPageSchema },
      },
    ],
    problems: [400, 403, 404],
  },
];
