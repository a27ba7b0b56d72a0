/**
 * What people are told about, as an administrator names it in a rule and a user in their
 * preferences. Each topic groups the events that tell the same story to the same people.
 */
export const NOTIFICATION_TOPICS = [
  'request-opened',
  'assignment',
  'reschedule',
  'unassignment',
  'renounce',
  'technician-on-the-way',
  'suspension',
  'closure',
  'cancellation',
  'sla-alarm',
  'sla-breach',
  'escalation',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/** Where a notification goes. The inbox keeps everything; the others reach people away from it. */
export const NOTIFICATION_CHANNELS = ['inbox', 'email', 'sms', 'push', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const EXTERNAL_CHANNELS = ['email', 'sms', 'push', 'webhook'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

/**
 * Who, relative to the request: its assigned technicians (those the event concerns: the one
 * assigned, renouncing...), the desk and the managers of its service centre, the head office, the
 * customer's users.
 */
export const NOTIFICATION_AUDIENCES = [
  'technicians',
  'unit-dispatchers',
  'unit-managers',
  'head-office',
  'customer-users',
] as const;
export type NotificationAudience = (typeof NOTIFICATION_AUDIENCES)[number];

/** The topic a domain event tells, if any: the notifier's first question about each event. */
export function notificationTopicOf(type: string): NotificationTopic | undefined {
  switch (type) {
    case 'ServiceRequestOpened':
      return 'request-opened';
    case 'ServiceRequestTechniciansAssigned':
      return 'assignment';
    case 'ServiceRequestRescheduled':
      return 'reschedule';
    case 'ServiceRequestUnassigned':
      return 'unassignment';
    case 'ServiceRequestRenounced':
      return 'renounce';
    case 'ServiceRequestTechnicianOnTheWay':
      return 'technician-on-the-way';
    case 'ServiceRequestSuspended':
      return 'suspension';
    case 'ServiceRequestClosed':
    case 'ServiceRequestRemotelyResolved':
      return 'closure';
    case 'ServiceRequestCancelled':
    case 'ServiceRequestRejected':
      return 'cancellation';
    case 'SlaThresholdReached':
      return 'sla-alarm';
    case 'SlaBreached':
      return 'sla-breach';
    case 'EscalationLevelAlerted':
      return 'escalation';
    default:
      return undefined;
  }
}

/** Topics that break through quiet hours: a deadline does not wait for the morning. */
export const URGENT_TOPICS: ReadonlySet<NotificationTopic> = new Set(['sla-breach', 'escalation']);
