import type { ClosureView, ServiceRequestDetail, ServiceRequestSummary } from '@fieldstream/api-contract';
import { SYSTEM_ONLY_COMMANDS, allowedCommands } from '@fieldstream/domain';
import type { ServiceRequestDocument } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { type NameIndex, namesOf } from './master-data-names';

/** The names a page of requests shows beside its codes. */
export interface RequestNames {
  customers: NameIndex;
  sites: NameIndex;
  assets: NameIndex;
  technicians: NameIndex;
}

/** One read per kind for the whole page. */
export async function loadRequestNames(
  reads: ReadStore,
  documents: readonly ServiceRequestDocument[],
): Promise<RequestNames> {
  const [customers, sites, assets, technicians] = await Promise.all([
    namesOf(
      reads,
      'customer',
      documents.map((d) => d.customerCode),
    ),
    namesOf(
      reads,
      'site',
      documents.map((d) => d.siteCode),
    ),
    namesOf(
      reads,
      'asset',
      documents.map((d) => d.assetCode),
    ),
    namesOf(
      reads,
      'technician',
      documents.flatMap((d) => d.assignments.map((a) => a.technicianCode)),
    ),
  ]);
  return { customers, sites, assets, technicians };
}

/** `{ [key]: value }` when there is a value: answers carry no undefined fields. */
function present<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A to-do list row: the document's wire fields, names joined, bookkeeping left behind. */
export function toSummary(document: ServiceRequestDocument, names: RequestNames): ServiceRequestSummary {
  return {
    id: document.id,
    reference: document.reference,
    status: document.status,
    ...present('suspendedFrom', document.suspendedFrom),
    source: document.source,
    priority: document.priority,
    customerCode: document.customerCode,
    ...present('customerName', names.customers.get(document.customerCode)),
    siteCode: document.siteCode,
    ...present('siteName', names.sites.get(document.siteCode)),
    ...present('assetCode', document.assetCode),
    ...present('assetName', document.assetCode ? names.assets.get(document.assetCode) : undefined),
    ...present('zoneCode', document.zoneCode),
    ...present('unitCode', document.unitCode),
    description: document.description,
    conditionCodes: [...document.conditionCodes],
    assignments: document.assignments.map((assignment) => ({
      technicianCode: assignment.technicianCode,
      ...present('technicianName', names.technicians.get(assignment.technicianCode)),
      ...present('appointmentId', assignment.appointmentId),
      start: assignment.start,
      end: assignment.end,
      durationMinutes: assignment.durationMinutes,
      ...present('departedAt', assignment.departedAt),
      ...present('etaMinutes', assignment.etaMinutes),
      ...present('startedAt', assignment.startedAt),
    })),
    ...present('plannedStart', document.plannedStart),
    openedAt: document.openedAt,
    updatedAt: document.updatedAt,
    ...present('closedAt', document.closedAt),
    version: document.version,
  };
}

/** A row of a history: the summary and, once closed, what was done. */
export function toIntervention(
  document: ServiceRequestDocument,
  names: RequestNames,
): ServiceRequestSummary & { closure?: ClosureView } {
  return { ...toSummary(document, names), ...present('closure', document.closure) };
}

/** The whole request, with the commands its state allows now. */
export function toDetail(document: ServiceRequestDocument, names: RequestNames): ServiceRequestDetail {
  return {
    ...toSummary(document, names),
    ...present('contact', document.contact),
    ...present('externalReference', document.externalReference),
    ...present('followUpOf', document.followUpOf),
    followUpRequestIds: [...document.followUpRequestIds],
    ...present('acceptedAt', document.acceptedAt),
    ...present('suspension', document.suspension),
    ...present('cancellationReason', document.cancellationReason),
    ...present('rejectionDiagnosis', document.rejectionDiagnosis),
    ...present('remoteResolution', document.remoteResolution),
    ...present('closure', document.closure),
    reopenedCount: document.reopenedCount,
    // What people may do: the system's own commands are not theirs to offer.
    allowedCommands: allowedCommands(document.status).filter((command) => !SYSTEM_ONLY_COMMANDS.has(command)),
  };
}
