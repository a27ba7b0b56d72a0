import {
  type MasterDataKindName,
  type Principal,
  isMasterDataKindName,
  kindTypePrefix,
  masterDataAccess,
  masterDataKind,
} from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import {
  masterDataProjection,
  serviceLevelsProjection,
  serviceRequestsProjection,
  stockProjection,
  technicianAgendaProjection,
  usersProjection,
} from '@fieldstream/projections';

/**
 * What changed, as coarse as the desk's queries: a kind of master data, stock, the accounts,
 * service requests, or technicians' agendas.
 */
export interface ChangeTopic {
  topic: string;
  /** The projection whose read model must have caught up before clients are told to re-read. */
  projection: string;
  kind?: MasterDataKindName;
}

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
  return undefined;
}

/**
 * Who hears of service requests and agendas at all. Which requests and appointments each one sees
 * is the queries' business (a customer's list is scoped, a technician's screens filter): a notice
 * only says "re-read", never what changed.
 */
const SERVICE_WORK_AUDIENCE: Record<
  'service-requests' | 'agendas' | 'service-levels',
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
};

/** A principal hears of changes only to what they may read (and never which record changed). */
export function mayHear(principal: Principal, topic: ChangeTopic): boolean {
  if (topic.kind) return masterDataAccess(principal, topic.kind, 'read') !== 'none';
  if (topic.topic === 'users') return principal.role === 'admin' || principal.role === 'auditor';
  if (topic.topic === 'stock') return masterDataAccess(principal, 'warehouse', 'read') !== 'none';
  if (topic.topic === 'service-requests' || topic.topic === 'agendas' || topic.topic === 'service-levels')
    return SERVICE_WORK_AUDIENCE[topic.topic].has(principal.role);
  return false;
}
