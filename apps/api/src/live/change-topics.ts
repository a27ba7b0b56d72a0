import {
  DELIVERY_EVENT_TYPES,
  ESCALATION_EVENT_TYPES,
  INBOX_EVENT_TYPES,
  INBOX_STREAM_PREFIX,
  type MasterDataKindName,
  type Principal,
  isMasterDataKindName,
  kindTypePrefix,
  masterDataAccess,
  masterDataKind,
} from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import {
  devicesProjection,
  inboxProjection,
  masterDataProjection,
  notificationDeliveriesProjection,
  requestEscalationsProjection,
  serviceLevelsProjection,
  serviceRequestsProjection,
  stockProjection,
  technicianAgendaProjection,
  usersProjection,
} from '@fieldstream/projections';

/**
 * What changed, as coarse as the desk's queries: a kind of master data, stock, the accounts,
 * service requests, technicians' agendas, service levels, escalations, devices, the delivery log,
 * or one user's inbox.
 */
export interface ChangeTopic {
  topic: string;
  /** The projection whose read model must have caught up before clients are told to re-read. */
  projection: string;
  kind?: MasterDataKindName;
  /** Heard by this user only (their own inbox); the notice itself never names them. */
  userId?: string;
}

const INBOX_TYPES: ReadonlySet<string> = new Set(INBOX_EVENT_TYPES);
const DELIVERY_TYPES: ReadonlySet<string> = new Set(DELIVERY_EVENT_TYPES);
const ESCALATION_TYPES: ReadonlySet<string> = new Set(ESCALATION_EVENT_TYPES);

export function changeTopicOf(event: RecordedEvent): ChangeTopic | undefined {
  const kind = (event.data as { kind?: unknown }).kind;
  if (typeof kind === 'string' && isMasterDataKindName(kind) && event.type.startsWith(kindTypePrefix(kind))) {
    return {
      topic: `master-data/${masterDataKind(kind).plural}`,
      projection: masterDataProjection.name,
      kind,
    };
  }
  if (event.type.startsWith('Stock')) return { topic: 'stock', projection: stockProjection.name };
  if (event.type.startsWith('User') || event.type.startsWith('ApiKey'))
    return { topic: 'users', projection: usersProjection.name };
  if (event.type.startsWith('ServiceRequest'))
    return { topic: 'service-requests', projection: serviceRequestsProjection.name };
  if (event.type.startsWith('Appointment'))
    return { topic: 'agendas', projection: technicianAgendaProjection.name };
  if (event.type.startsWith('Sla'))
    return { topic: 'service-levels', projection: serviceLevelsProjection.name };
  if (event.type.startsWith('Device')) return { topic: 'devices', projection: devicesProjection.name };
  if (INBOX_TYPES.has(event.type) && event.streamName.startsWith(INBOX_STREAM_PREFIX)) {
    // Whose inbox the stream says; nobody else may even learn that it changed.
    const userId = event.streamName.slice(INBOX_STREAM_PREFIX.length);
    return userId ? { topic: 'inbox', projection: inboxProjection.name, userId } : undefined;
  }
  if (DELIVERY_TYPES.has(event.type))
    return { topic: 'notification-deliveries', projection: notificationDeliveriesProjection.name };
  if (ESCALATION_TYPES.has(event.type))
    return { topic: 'escalations', projection: requestEscalationsProjection.name };
  return undefined;
}

/** Where the service gathers a topic's changes: one user's inbox apart from another's. */
export function changeKeyOf(topic: ChangeTopic): string {
  return topic.userId === undefined ? topic.topic : `${topic.topic}/${topic.userId}`;
}

/**
 * Who hears of service requests and agendas at all. Which requests and appointments each one sees
 * is the queries' business (a customer's list is scoped, a technician's screens filter): a notice
 * only says "re-read", never what changed.
 */
const SERVICE_WORK_AUDIENCE: Record<
  'service-requests' | 'agendas' | 'service-levels' | 'escalations' | 'devices',
  ReadonlySet<Principal['role']>
> = {
  'service-requests': new Set([
    'admin',
    'dispatcher',
    'manager',
    'auditor',
    'technician',
    'customer',
    'integrator',
  ]),
  agendas: new Set(['admin', 'dispatcher', 'manager', 'auditor', 'technician']),
  // Clocks, alarms and breaches: the desk and management (a customer hears of its requests' steps).
  'service-levels': new Set(['admin', 'dispatcher', 'manager', 'auditor']),
  // Escalations raised and taken in hand: the same audience as the alarms that raise them.
  escalations: new Set(['admin', 'dispatcher', 'manager', 'auditor']),
  // What machines say (the remote diagnosis): whoever follows the requests they open.
  devices: new Set(['admin', 'dispatcher', 'manager', 'auditor', 'technician', 'customer']),
};

/** A principal hears of changes only to what they may read (and never which record changed). */
export function mayHear(principal: Principal, topic: ChangeTopic): boolean {
  // A user's own inbox: its owner only, whatever the role.
  if (topic.userId !== undefined) return principal.kind === 'user' && principal.id === topic.userId;
  if (topic.topic === 'inbox') return false;
  if (topic.kind) return masterDataAccess(principal, topic.kind, 'read') !== 'none';
  if (topic.topic === 'users') return principal.role === 'admin' || principal.role === 'auditor';
  if (topic.topic === 'stock') return masterDataAccess(principal, 'warehouse', 'read') !== 'none';
  if (
    topic.topic === 'service-requests' ||
    topic.topic === 'agendas' ||
    topic.topic === 'service-levels' ||
    topic.topic === 'escalations' ||
    topic.topic === 'devices'
  )
    return SERVICE_WORK_AUDIENCE[topic.topic].has(principal.role);
  // The delivery log names people's addresses: those who may read it.
  if (topic.topic === 'notification-deliveries')
    return principal.kind === 'user' && (principal.role === 'admin' || principal.role === 'auditor');
  return false;
}
