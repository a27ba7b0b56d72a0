import {
  acceptBodySchema,
  agendaQuerySchema,
  agendaSchema,
  assignBodySchema,
  closeBodySchema,
  conditionBodySchema,
  conditionFoundBodySchema,
  followUpBodySchema,
  historySchema,
  interventionSheetSchema,
  loginRequestSchema,
  loginResponseSchema,
  noteBodySchema,
  openServiceRequestBodySchema,
  optionalReasonBodySchema,
  reasonBodySchema,
  rejectBodySchema,
  remoteCheckBodySchema,
  renounceBodySchema,
  setOutBodySchema,
  reopenBodySchema,
  rescheduleBodySchema,
  serviceRequestDetailSchema,
  serviceRequestListQuerySchema,
  serviceRequestListSchema,
  suspendBodySchema,
  technicianActionBodySchema,
  timelineEntrySchema,
  proposalAnswerSchema,
  assignmentImpactSchema,
  requestProposalQuerySchema,
  whatIfProposalBodySchema,
  BOARD_MAX_DAYS,
  BOARD_MAX_TECHNICIANS,
  boardAnswerSchema,
  boardPaths,
  boardQuerySchema,
  SLA_AT_RISK_LIMIT,
  requestServiceLevelSchema,
  slaDashboardQuerySchema,
  slaDashboardSchema,
  meterReadingAnswerSchema,
  meterReadingBodySchema,
  preventiveRunsQuerySchema,
  preventiveRunsSchema,
  INBOX_PAGE_SIZE,
  acknowledgeEscalationBodySchema,
  deliveryLogEntrySchema,
  deliveryLogPageSchema,
  deliveryLogQuerySchema,
  inboxPageSchema,
  inboxQuerySchema,
  markReadAnswerSchema,
  markReadBodySchema,
  notificationSettingsSchema,
  deviceDiagnosisSchema,
  signalAnswerSchema,
  notificationWebhookAnswerSchema,
  notificationWebhookSchema,
  pushDeviceSchema,
  pushDevicesSchema,
  registerPushDeviceBodySchema,
  setNotificationWebhookBodySchema,
  requestEscalationSchema,
} from '@fieldstream/api-contract';
import { z } from 'zod';
import { MAX_PUSH_DEVICES, deviceSignalSchema } from '@fieldstream/domain';
import { devicePaths } from '../devices/devices.controller';
import { readerLanguageQuerySchema } from '../service-requests/reader-language';
import { preventivePaths } from '../preventive/preventive.controller';
import { serviceLevelPaths } from '../service-levels/service-levels.controller';
import { notificationPaths } from '../notifications/notification-paths';
import { CALENDAR_FEED_ROUTES } from '../calendar-feeds/calendar-feed-api-routes';
import { EVENT_STREAM_ROUTES } from '../event-stream/event-stream-api-routes';
import { EXPORT_ROUTES } from '../exports/exports-api-routes';
import { PORTAL_ROUTES } from '../portal/portal-api-routes';
import { WEBHOOK_SUBSCRIPTION_ROUTES } from '../webhook-subscriptions/webhook-subscriptions-api-routes';
import type { ApiResponse, ApiRoute, NamedSchema } from './api-route';

/*
 * Every operation the OpenAPI document lists: adding a route to the API is one entry here (the
 * spec beside this file fails when a service-request controller route has none).
 */

const detail: NamedSchema = { name: 'ServiceRequestDetail', schema: serviceRequestDetailSchema };

/** Nest's `:name` path parameters in OpenAPI's braces. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
const notificationSettings: NamedSchema = {
  name: 'NotificationSettings',
  schema: notificationSettingsSchema,
};
const requestEscalation: NamedSchema = { name: 'RequestEscalation', schema: requestEscalationSchema };
const pushDevice: NamedSchema = { name: 'PushDevice', schema: pushDeviceSchema };
const pushDevices: NamedSchema = { name: 'PushDevices', schema: pushDevicesSchema };
const webhook: NamedSchema = { name: 'NotificationWebhook', schema: notificationWebhookSchema };
const webhookAnswer: NamedSchema = {
  name: 'NotificationWebhookAnswer',
  schema: notificationWebhookAnswerSchema,
};

/** What every command on a request answers. */
const commandAnswer: ApiResponse = {
  status: 200,
  description: 'The request as it stands after the command; its version is the ETag for the next If-Match.',
  body: detail,
  headers: ['ETag'],
};

/** A command on one request: If-Match and Idempotency-Key, the request as it stands after it. */
function command(
  method: 'post' | 'put' | 'delete',
  path: string,
  operationId: string,
  summary: string,
  body: (NamedSchema & { required?: boolean }) | undefined,
  description?: string,
): ApiRoute {
  return {
    method,
    path: `/service-requests/{id}${path}`,
    operationId,
    tag: 'Service requests',
    summary,
    ...(description ? { description } : {}),
    headers: ['If-Match', 'Idempotency-Key'],
    ...(body ? { body: { ...body, required: body.required ?? true } } : {}),
    responses: [commandAnswer],
    problems: [400, 403, 404, 409, 422],
  };
}

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/auth/login',
    operationId: 'login',
    tag: 'Authentication',
    summary: 'Sign in',
    description: 'Answers a bearer token to send as `Authorization: Bearer <token>` on every other call.',
    public: true,
    body: { name: 'LoginRequest', schema: loginRequestSchema, required: true },
    responses: [
      {
        status: 200,
        description: 'Signed in.',
        body: { name: 'LoginResponse', schema: loginResponseSchema },
      },
    ],
    problems: [400, 401, 403, 423],
  },
  {
    method: 'post',
    path: '/service-requests',
    operationId: 'openServiceRequest',
    tag: 'Service requests',
    summary: 'Open a service request',
    description:
      'Opening twice with the same `externalReference` (or retrying with the same Idempotency-Key) opens one request: the retry answers 200 with it.',
    headers: ['Idempotency-Key'],
    body: { name: 'OpenServiceRequestBody', schema: openServiceRequestBodySchema, required: true },
    responses: [
      { status: 201, description: 'Opened.', body: detail, headers: ['ETag', 'Location'] },
      {
        status: 200,
        description: 'Opened earlier with this external reference or Idempotency-Key.',
        body: detail,
        headers: ['ETag', 'Location'],
      },
    ],
    problems: [400, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/service-requests',
    operationId: 'listServiceRequests',
    tag: 'Service requests',
    summary: 'The to-do list',
    description: '`status` and `priority` may repeat. Only the requests the caller may see are listed.',
    query: serviceRequestListQuerySchema,
    responses: [
      {
        status: 200,
        description: 'One page of requests.',
        body: { name: 'ServiceRequestList', schema: serviceRequestListSchema },
      },
    ],
    problems: [400, 403],
  },
  {
    method: 'get',
    path: '/service-requests/{id}',
    operationId: 'getServiceRequest',
    tag: 'Service requests',
    summary: 'One request',
    responses: [{ status: 200, description: 'The request.', body: detail, headers: ['ETag'] }],
    problems: [403, 404],
  },
  {
    method: 'get',
    path: '/service-requests/{id}/timeline',
    operationId: 'getServiceRequestTimeline',
    tag: 'Service requests',
    summary: "A request's history in plain words",
    description: 'In `?lang=it|en`, else the language Accept-Language prefers among those, else English.',
    query: readerLanguageQuerySchema,
    headers: ['Accept-Language'],
    responses: [
      {
        status: 200,
        description: 'Every event of the request, oldest first.',
        body: { name: 'Timeline', schema: z.array(timelineEntrySchema) },
      },
    ],
    problems: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/service-requests/{id}/sheet',
    operationId: 'getInterventionSheet',
    tag: 'Service requests',
    summary: 'The intervention sheet',
    description:
      'What a technician needs on site: conditions and their corrective actions, contract, site, asset, past interventions.',
    query: readerLanguageQuerySchema,
    headers: ['Accept-Language'],
    responses: [
      {
        status: 200,
        description: 'The sheet.',
        body: { name: 'InterventionSheet', schema: interventionSheetSchema },
      },
    ],
    problems: [400, 403, 404],
  },
  command('post', '/accept', 'acceptServiceRequest', 'Accept', {
    name: 'AcceptBody',
    schema: acceptBodySchema,
    required: false,
  }),
  command('post', '/reject', 'rejectServiceRequest', 'Reject at acceptance, with a diagnosis', {
    name: 'RejectBody',
    schema: rejectBodySchema,
  }),
  command('post', '/remote-check', 'recordRemoteCheck', 'Resolve remotely, without a visit', {
    name: 'RemoteCheckBody',
    schema: remoteCheckBodySchema,
  }),
  command('post', '/suspend', 'suspendServiceRequest', 'Put on hold', {
    name: 'SuspendBody',
    schema: suspendBodySchema,
  }),
  command('post', '/resume', 'resumeServiceRequest', 'Resume to the state it was suspended from', undefined),
  command('post', '/cancel', 'cancelServiceRequest', 'Cancel, with a reason', {
    name: 'ReasonBody',
    schema: reasonBodySchema,
  }),
  command(
    'post',
    '/renounce',
    'renounceServiceRequest',
    'A technician gives the request back to dispatch',
    { name: 'RenounceBody', schema: renounceBodySchema },
    'A technician renounces for themselves; an administrator or dispatcher names the technician.',
  ),
  command(
    'post',
    '/on-the-way',
    'setOutForSite',
    'A technician sets out for the site',
    { name: 'SetOutBody', schema: setOutBodySchema, required: false },
    'The customer is told the technician is on the way (with the expected minutes, when given); contracts whose response ends on the way stop the response clock here. A technician sets out for themselves; the desk names the technician. Setting out again records nothing.',
  ),
  command('post', '/start', 'startWork', 'Arrived on site: work starts', {
    name: 'TechnicianActionBody',
    schema: technicianActionBodySchema,
    required: false,
  }),
  command(
    'post',
    '/close',
    'closeServiceRequest',
    'Close with the actuals',
    { name: 'CloseBody', schema: closeBodySchema },
    'The materials are issued from the warehouse or van each line names.',
  ),
  command('post', '/reopen', 'reopenServiceRequest', 'Reopen within the window', {
    name: 'ReopenBody',
    schema: reopenBodySchema,
  }),
  command('post', '/conditions', 'attachCondition', 'Attach a condition', {
    name: 'ConditionBody',
    schema: conditionBodySchema,
  }),
  command('delete', '/conditions/{code}', 'detachCondition', 'Detach a condition', undefined),
  command('post', '/conditions-found', 'addConditionFound', 'A condition found on site', {
    name: 'ConditionFoundBody',
    schema: conditionFoundBodySchema,
  }),
  command('post', '/notes', 'addNote', 'Add a note', { name: 'NoteBody', schema: noteBodySchema }),
  command(
    'post',
    '/follow-ups',
    'openFollowUp',
    'Open a follow-up request',
    { name: 'FollowUpBody', schema: followUpBodySchema },
    'Answers the request followed up; the new one is in `followUpRequestIds`.',
  ),
  command(
    'post',
    '/assignments',
    'assignTechnicians',
    'Assign technicians',
    { name: 'AssignBody', schema: assignBodySchema },
    "Reserves each technician's time; an overlap is a 409 `schedule_conflict` naming the other appointment, unless that appointment is named in `displace`.",
  ),
  command('put', '/assignments/{technicianCode}', 'rescheduleAssignment', "Move a technician's appointment", {
    name: 'RescheduleBody',
    schema: rescheduleBodySchema,
  }),
  command(
    'delete',
    '/assignments/{technicianCode}',
    'unassignTechnician',
    'Take a technician off the request',
    {
      name: 'OptionalReasonBody',
      schema: optionalReasonBodySchema,
      required: false,
    },
  ),
  {
    method: 'get',
    path: '/technicians/{technicianCode}/agenda',
    operationId: 'getTechnicianAgenda',
    tag: 'Agendas and histories',
    summary: "A technician's agenda",
    description: 'Instants with a zone; `to` after `from`, at most 62 days later.',
    query: agendaQuerySchema,
    responses: [
      { status: 200, description: 'The appointments.', body: { name: 'Agenda', schema: agendaSchema } },
    ],
    problems: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/assets/{code}/history',
    operationId: 'getAssetHistory',
    tag: 'Agendas and histories',
    summary: "An asset's history",
    query: readerLanguageQuerySchema,
    headers: ['Accept-Language'],
    responses: [
      {
        status: 200,
        description: 'Interventions, newest first, and record changes.',
        body: { name: 'History', schema: historySchema },
      },
    ],
    problems: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/sites/{code}/history',
    operationId: 'getSiteHistory',
    tag: 'Agendas and histories',
    summary: "A site's history",
    query: readerLanguageQuerySchema,
    headers: ['Accept-Language'],
    responses: [
      {
        status: 200,
        description: 'Interventions, newest first, and record changes.',
        body: { name: 'History', schema: historySchema },
      },
    ],
    problems: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/service-requests/{id}/proposals',
    operationId: 'proposeTechnicians',
    tag: 'Dispatch',
    summary: 'Who can restore service, and when, and why',
    description:
      'The technicians the caller reaches, ranked: each proposed with the earliest feasible start (working hours, holidays, leave, site access, the agenda with the drives between appointments), later starts, the score per criterion with its weight, and a start a move would free; each excluded with the reasons.',
    query: requestProposalQuerySchema,
    responses: [
      {
        status: 200,
        description: 'The proposals.',
        body: { name: 'ProposalAnswer', schema: proposalAnswerSchema },
      },
    ],
    problems: [400, 403, 404],
  },
  {
    method: 'post',
    path: '/proposals',
    operationId: 'proposeTechniciansWhatIf',
    tag: 'Dispatch',
    summary: 'Who could do a job that is not a request yet',
    description:
      'A site, conditions or skills, a duration and a priority: the same answer as for a request. Changes nothing.',
    body: { name: 'WhatIfProposalBody', schema: whatIfProposalBodySchema, required: true },
    responses: [
      {
        status: 200,
        description: 'The proposals.',
        body: { name: 'ProposalAnswer', schema: proposalAnswerSchema },
      },
    ],
    problems: [400, 403, 404],
  },
  {
    method: 'post',
    path: '/service-requests/{id}/assignments/impact',
    operationId: 'previewAssignmentImpact',
    tag: 'Dispatch',
    summary: 'What an assignment would push aside (an emergency, before it is confirmed)',
    description:
      'The same body as the assignment. Answers every appointment in the way, its request and service level risk, what the body asks for it, and who would be told. Writes nothing.',
    body: { name: 'AssignBody', schema: assignBodySchema, required: true },
    responses: [
      {
        status: 200,
        description: 'The impact.',
        body: { name: 'AssignmentImpact', schema: assignmentImpactSchema },
      },
    ],
    problems: [400, 403, 404],
  },
  {
    method: 'get',
    path: boardPaths.board,
    operationId: 'getDispatchBoard',
    tag: 'Dispatch',
    summary: "The dispatcher's board: technicians and their appointments over a window",
    description: `For planners. The technicians the caller reaches, not retired, by name: a unit, a zone (the unit serving it) and a skill narrow them, a unit covering the units below it. Every appointment of theirs overlapping [from, to), with the request's reference, priority, version (for If-Match) and crew when the caller reaches the request. Instants with a zone; \`to\` after \`from\`, at most ${BOARD_MAX_DAYS} days later. At most ${BOARD_MAX_TECHNICIANS} technicians: \`truncated\` says more matched.`,
    query: boardQuerySchema,
    responses: [
      {
        status: 200,
        description: 'The board.',
        body: { name: 'BoardAnswer', schema: boardAnswerSchema },
      },
    ],
    problems: [400, 403, 404],
  },
  {
    method: 'get',
    path: serviceLevelPaths.request.replace(':id', '{id}'),
    operationId: 'getRequestServiceLevel',
    tag: 'Service levels',
    summary: "A request's standing and clocks against its service levels",
    description:
      "For whoever may read the request. Each clock's start, deadline (null while paused), next alarm, highest threshold reached, and how it stopped; the penalties charged so far. `not-applicable` with `notApplicableReason` when no contract or level applies, or while the clocks are not known yet (moments after the opening).",
    responses: [
      {
        status: 200,
        description: 'The service level.',
        body: { name: 'RequestServiceLevel', schema: requestServiceLevelSchema },
      },
    ],
    problems: [404],
  },
  {
    method: 'post',
    path: preventivePaths.meterReadings.replace(':code', '{code}'),
    operationId: 'recordMeterReading',
    tag: 'Preventive maintenance',
    summary: "Records a reading of one of an asset's meters",
    description:
      'From technicians, the desk, integrations, and devices for their own asset. A meter only goes up: a reading below the last one (or above a later one) is 409 `reading_goes_back`; the same reading twice records nothing (`recorded: false`). The worker follows the readings and opens the visits meter plans call for.',
    body: { name: 'MeterReadingBody', schema: meterReadingBodySchema, required: true },
    responses: [
      {
        status: 201,
        description: 'Recorded (or already recorded).',
        body: { name: 'MeterReadingAnswer', schema: meterReadingAnswerSchema },
      },
    ],
    problems: [400, 403, 404, 409],
  },
  {
    method: 'post',
    path: openApiPath(devicePaths.signals),
    operationId: 'recordDeviceSignal',
    tag: 'Devices',
    summary: 'A device reports: an anomaly, its clearing, a status, a heartbeat or a meter reading',
    description:
      "With a device API key bound to the asset (or as an integration or administrator). The same signals as over MQTT (`<prefix>/assets/{code}/{kind}`, the body without `kind`); the JSON Schema is at `/api/devices/signal-schema.json`. An anomaly is raised once per episode; its repeats are counted (`counted`) and recorded together; a status is recorded when it changes or every few minutes; heartbeats every few minutes. An anomaly whose code the catalogue knows (a condition's `deviceCode`) opens a request for the asset, or is added to the one its device already has open. A meter reading going back is 409 `reading_goes_back`.",
    body: { name: 'DeviceSignal', schema: deviceSignalSchema, required: true },
    responses: [
      {
        status: 200,
        description: 'What became of the signal.',
        body: { name: 'SignalAnswer', schema: signalAnswerSchema },
      },
    ],
    problems: [400, 403, 404, 409],
  },
  {
    method: 'get',
    path: openApiPath(devicePaths.device),
    operationId: 'getAssetDevice',
    tag: 'Devices',
    summary: "An asset's device: presence, last state, active anomalies, recent signals (remote diagnosis)",
    description:
      "For whoever may read the asset (404 otherwise, as for a missing asset). `presence` is `silent` once the watchdog found the device quiet for longer than the asset's `heartbeatMinutes` allows.",
    responses: [
      {
        status: 200,
        description: 'The device.',
        body: { name: 'DeviceDiagnosis', schema: deviceDiagnosisSchema },
      },
    ],
    problems: [404],
  },
  {
    method: 'get',
    path: devicePaths.schema,
    operationId: 'getDeviceSignalSchema',
    tag: 'Devices',
    summary: 'The JSON Schema of device signals (HTTP bodies and MQTT payloads)',
    public: true,
    responses: [{ status: 200, description: 'A JSON Schema document.' }],
    problems: [],
  },
  {
    method: 'get',
    path: preventivePaths.runs,
    operationId: 'listPreventiveRuns',
    tag: 'Preventive maintenance',
    summary: "The preventive runs' reports, newest first",
    description:
      'For the desk, management and auditors. Each run that opened, moved or could not place a visit: the visits opened with their requests, those moved off closed days and why, those no open day was found for.',
    query: preventiveRunsQuerySchema,
    responses: [
      {
        status: 200,
        description: 'The reports.',
        body: { name: 'PreventiveRuns', schema: preventiveRunsSchema },
      },
    ],
    problems: [400, 403],
  },
  {
    method: 'get',
    path: serviceLevelPaths.dashboard,
    operationId: 'getSlaDashboard',
    tag: 'Service levels',
    summary: 'Service levels across requests: standings, the requests at risk, breaches and penalties by day',
    description: `For administrators, managers, auditors and dispatchers; a centre's staff see the units under theirs. Running requests counted by standing (in total, by unit, zone and priority), those at risk or breached by nearest deadline (at most ${SLA_AT_RISK_LIMIT}), and breaches and penalties per day of the period (UTC days; by default the 30 days up to today; at most 366 days apart). A unit covers the units below it; an unknown unit or zone, or one out of reach, answers 404.`,
    query: slaDashboardQuerySchema,
    responses: [
      {
        status: 200,
        description: 'The dashboard.',
        body: { name: 'SlaDashboard', schema: slaDashboardSchema },
      },
    ],
    problems: [400, 403, 404],
  },
  {
    method: 'get',
    path: notificationPaths.inbox,
    operationId: 'getMyNotifications',
    tag: 'Notifications',
    summary: "The signed-in user's inbox, newest first, and how many are unread",
    description: `Only the caller's own notifications. \`unread=true\` lists the unread ones; \`before\` (the previous page's \`nextBefore\`) pages back; ${INBOX_PAGE_SIZE} a page unless \`limit\` says (notifications received at the same instant as the page's last stay on that page, so a page may hold a few more). An escalation alert says its level, the deadline to acknowledge and whether someone did.`,
    query: inboxQuerySchema,
    responses: [
      {
        status: 200,
        description: 'A page of the inbox.',
        body: { name: 'InboxPage', schema: inboxPageSchema },
      },
    ],
    problems: [400],
  },
  {
    method: 'post',
    path: notificationPaths.markRead,
    operationId: 'markMyNotificationsRead',
    tag: 'Notifications',
    summary: 'Marks some of my notifications read, or all of them',
    description:
      "`{ notificationIds }` or `{ all: true }`. Ids that are not in the caller's inbox, or read already, change nothing (two devices agree).",
    body: { name: 'MarkReadBody', schema: markReadBodySchema, required: true },
    responses: [
      {
        status: 200,
        description: 'The ids read now, and how many stay unread.',
        body: { name: 'MarkReadAnswer', schema: markReadAnswerSchema },
      },
    ],
    problems: [400],
  },
  {
    method: 'get',
    path: notificationPaths.settings,
    operationId: 'getMyNotificationSettings',
    tag: 'Notifications',
    summary: 'My e-mail, phone and notification switches',
    description:
      'Absent switches read as the defaults: e-mail and push on, SMS off, Europe/Rome, no quiet hours.',
    responses: [{ status: 200, description: 'The settings.', body: notificationSettings }],
    problems: [403],
  },
  {
    method: 'put',
    path: notificationPaths.settings,
    operationId: 'putMyNotificationSettings',
    tag: 'Notifications',
    summary: 'Replaces my e-mail, phone and notification switches',
    description:
      'Every field, as GET answers them; `null` removes an address or the quiet hours. A phone in international form (spaces, dots and dashes dropped), a real IANA zone, quiet hours that start and end at different times. Nothing else of the profile changes here (a role or a binding is refused, naming the field). Machine credentials have no settings (403).',
    body: { ...notificationSettings, required: true },
    responses: [{ status: 200, description: 'The settings as stored.', body: notificationSettings }],
    problems: [400, 403],
  },
  {
    method: 'get',
    path: notificationPaths.pushDevices,
    operationId: 'getMyPushDevices',
    tag: 'Notifications',
    summary: 'My browsers that receive push notifications, and the key to subscribe one more',
    description:
      "`publicKey` is the server's VAPID public key: a browser subscribes with it as `applicationServerKey`, then registers the subscription here. Machine credentials have none (403).",
    responses: [{ status: 200, description: 'The devices.', body: pushDevices }],
    problems: [403],
  },
  {
    method: 'post',
    path: notificationPaths.pushDevices,
    operationId: 'registerMyPushDevice',
    tag: 'Notifications',
    summary: "Registers this browser's push subscription",
    description: `The body is \`PushSubscription.toJSON()\` and an optional \`label\`. An https endpoint (plain http only where the server allows it). Registering the same subscription again changes nothing (200); a user has ${MAX_PUSH_DEVICES} devices at most, and one more lets the oldest go.`,
    body: { name: 'RegisterPushDeviceBody', schema: registerPushDeviceBodySchema, required: true },
    responses: [
      { status: 201, description: 'Registered.', body: pushDevice },
      { status: 200, description: 'Registered already.', body: pushDevice },
    ],
    problems: [400, 403],
  },
  {
    method: 'delete',
    path: openApiPath(notificationPaths.pushDevice),
    operationId: 'removeMyPushDevice',
    tag: 'Notifications',
    summary: 'Stops push notifications to one of my browsers',
    responses: [{ status: 204, description: 'Removed.' }],
    problems: [403, 404],
  },
  {
    method: 'get',
    path: notificationPaths.webhook,
    operationId: 'getMyNotificationWebhook',
    tag: 'Notifications',
    summary: 'My webhook and its signing secret',
    description:
      'Each notification the rules send me through `webhook` is POSTed there as JSON (`type`, `timestamp`, `data`), signed per the Standard Webhooks specification: `webhook-id` (the same on every retry), `webhook-timestamp`, `webhook-signature` (`v1,` and the HMAC-SHA256 of id, timestamp and body with the secret). Retried with back-off on timeouts, 408, 429 and 5xx; another 4xx gives up.',
    responses: [{ status: 200, description: '`webhook: null` when none is set.', body: webhookAnswer }],
    problems: [403],
  },
  {
    method: 'put',
    path: notificationPaths.webhook,
    operationId: 'setMyNotificationWebhook',
    tag: 'Notifications',
    summary: 'Sets the URL my notifications are POSTed to',
    description:
      'An https URL (plain http only where the server allows it). The signing secret is made the first time and kept when the URL changes.',
    body: { name: 'SetNotificationWebhookBody', schema: setNotificationWebhookBodySchema, required: true },
    responses: [{ status: 200, description: 'The webhook.', body: webhook }],
    problems: [400, 403],
  },
  {
    method: 'post',
    path: notificationPaths.rotateWebhookSecret,
    operationId: 'rotateMyNotificationWebhookSecret',
    tag: 'Notifications',
    summary: "Replaces my webhook's signing secret",
    description:
      'The old secret stops signing at once: give the receiver the new one. 400 when no webhook is set.',
    responses: [{ status: 200, description: 'The webhook with its new secret.', body: webhook }],
    problems: [400, 403],
  },
  {
    method: 'delete',
    path: notificationPaths.webhook,
    operationId: 'removeMyNotificationWebhook',
    tag: 'Notifications',
    summary: 'Removes my webhook',
    responses: [{ status: 204, description: 'Removed (or there was none).' }],
    problems: [403],
  },
  {
    method: 'get',
    path: openApiPath(notificationPaths.escalation),
    operationId: 'getRequestEscalation',
    tag: 'Notifications',
    summary: "A request's escalation: the levels raised, whom they alerted, who acknowledged them",
    description:
      'For whoever may read the request (404 for anyone else, as for a missing request). No level raised: an empty list and `chainCode: null`. `canAcknowledge`: something is open and the caller was alerted, or is of the desk or management.',
    responses: [{ status: 200, description: 'The escalation.', body: requestEscalation }],
    problems: [404],
  },
  {
    method: 'post',
    path: openApiPath(notificationPaths.acknowledge),
    operationId: 'acknowledgeEscalation',
    tag: 'Notifications',
    summary: "Takes a request's escalation in hand",
    description:
      'Acknowledges every level alerted and not acknowledged yet, with an optional note. For the people alerted, the desk and management (403 for others who read the request). 409 `nothing_to_acknowledge` when no level was ever raised; acknowledging again changes nothing.',
    body: { name: 'AcknowledgeEscalationBody', schema: acknowledgeEscalationBodySchema, required: false },
    responses: [
      { status: 200, description: 'The escalation after the acknowledgement.', body: requestEscalation },
    ],
    problems: [400, 403, 404, 409],
  },
  {
    method: 'get',
    path: notificationPaths.deliveries,
    operationId: 'getNotificationDeliveries',
    tag: 'Notifications',
    summary: 'The delivery log: e-mails, text messages and other outside deliveries, with their attempts',
    description:
      "For administrators and auditors. Newest scheduled first; `status=dead` lists the dead letters. Filters by channel, user and request; `before` (the previous page's `nextBefore`) pages back. `counts` by status under the same filters but the status.",
    query: deliveryLogQuerySchema,
    responses: [
      {
        status: 200,
        description: 'A page of the log.',
        body: { name: 'DeliveryLogPage', schema: deliveryLogPageSchema },
      },
    ],
    problems: [400, 403],
  },
  {
    method: 'post',
    path: openApiPath(notificationPaths.requeue),
    operationId: 'requeueNotificationDelivery',
    tag: 'Notifications',
    summary: 'Sends a dead letter again',
    description:
      'Administrators only. The delivery is pending again, its attempts counted afresh, its job set for now. 409 `not_dead` for a delivery that is pending or sent.',
    responses: [
      {
        status: 200,
        description: 'The delivery, pending again.',
        body: { name: 'DeliveryLogEntry', schema: deliveryLogEntrySchema },
      },
    ],
    problems: [403, 404, 409],
  },
  ...CALENDAR_FEED_ROUTES,
  ...EVENT_STREAM_ROUTES,
  ...EXPORT_ROUTES,
  ...PORTAL_ROUTES,
  ...WEBHOOK_SUBSCRIPTION_ROUTES,
];
