import type { ServiceRequestCommand } from '../service-request-commands';
import type { ServiceRequestEvent } from '../service-request-events';

/** Histories shared by the specifications: one request walked through its usual states. */
export const ID = 'SR-1';
export const T0 = '2026-03-02T08:00:00.000Z';
const base = { requestId: ID, at: T0 };

export const openCommand: Extract<ServiceRequestCommand, { type: 'open' }> = {
  type: 'open',
  requestId: ID,
  at: T0,
  source: 'external',
  customerCode: 'ACME',
  siteCode: 'ACME-MILANO',
  assetCode: 'BOILER-7',
  description: 'Boiler does not start',
  priority: 'high',
  conditionCodes: ['NO-HEAT'],
  contact: { name: 'Mario Rossi', phone: '+39 02 1234567' },
  externalReference: 'CRM-991',
  explicitAcceptance: true,
};

export const opened: ServiceRequestEvent = {
  type: 'ServiceRequestOpened',
  data: {
    requestId: ID,
    at: T0,
    source: 'external',
    customerCode: 'ACME',
    siteCode: 'ACME-MILANO',
    assetCode: 'BOILER-7',
    description: 'Boiler does not start',
    priority: 'high',
    conditionCodes: ['NO-HEAT'],
    contact: { name: 'Mario Rossi', phone: '+39 02 1234567' },
    externalReference: 'CRM-991',
    explicitAcceptance: true,
  },
};
export const accepted: ServiceRequestEvent = {
  type: 'ServiceRequestAccepted',
  data: { ...base, automatic: false },
};
export const anna = {
  technicianCode: 'ANNA',
  start: '2026-03-03T09:00:00.000Z',
  durationMinutes: 90,
  end: '2026-03-03T10:30:00.000Z',
};
export const bruno = {
  technicianCode: 'BRUNO',
  start: '2026-03-03T09:00:00.000Z',
  durationMinutes: 60,
  end: '2026-03-03T10:00:00.000Z',
};
export const assigned: ServiceRequestEvent = {
  type: 'ServiceRequestTechniciansAssigned',
  data: { ...base, assignments: [anna, bruno], synchronized: true },
};
export const assignedAnna: ServiceRequestEvent = {
  type: 'ServiceRequestTechniciansAssigned',
  data: { ...base, assignments: [anna], synchronized: false },
};
export const started: ServiceRequestEvent = {
  type: 'ServiceRequestWorkStarted',
  data: { requestId: ID, at: '2026-03-03T09:05:00.000Z', technicianCode: 'ANNA' },
};
export const suspendedFromAssigned: ServiceRequestEvent = {
  type: 'ServiceRequestSuspended',
  data: { ...base, reason: 'Waiting for spare part', from: 'assigned' },
};
export const closedAt = '2026-03-03T11:00:00.000Z';
export const actuals = {
  labourMinutes: 120,
  travelMinutes: 40,
  travelKm: 32.5,
  materials: [{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-ANNA' }],
  correctiveActions: ['Replaced filter'],
  resolution: 'Boiler restarted',
};
export const closed: ServiceRequestEvent = {
  type: 'ServiceRequestClosed',
  data: {
    requestId: ID,
    at: closedAt,
    estimate: { labourMinutes: 150, technicianCodes: ['ANNA', 'BRUNO'] },
    actuals,
  },
};
export const cancelled: ServiceRequestEvent = {
  type: 'ServiceRequestCancelled',
  data: { ...base, reason: 'Customer withdrew', releasedAssignments: [] },
};
export const rejected: ServiceRequestEvent = {
  type: 'ServiceRequestRejected',
  data: { ...base, diagnosis: 'Not our asset' },
};
export const remotelyResolved: ServiceRequestEvent = {
  type: 'ServiceRequestRemotelyResolved',
  data: { ...base, resolution: 'Reset by phone', releasedAssignments: [] },
};

/** A history reaching each state. */
export const HISTORIES = {
  open: [opened],
  accepted: [opened, accepted],
  assigned: [opened, accepted, assigned],
  'in-progress': [opened, accepted, assigned, started],
  suspended: [opened, accepted, assigned, suspendedFromAssigned],
  closed: [opened, accepted, assigned, started, closed],
  cancelled: [opened, accepted, cancelled],
  rejected: [opened, rejected],
  'resolved-remotely': [opened, remotelyResolved],
} satisfies Record<string, ServiceRequestEvent[]>;

const at = '2026-03-03T10:00:00.000Z';
/** One well-formed example of every command but open, valid for the histories above. */
export const SAMPLE_COMMANDS = {
  accept: { type: 'accept', at, note: 'Complete' },
  reject: { type: 'reject', at, diagnosis: 'Not ours' },
  attachCondition: { type: 'attachCondition', at, conditionCode: 'LEAK' },
  detachCondition: { type: 'detachCondition', at, conditionCode: 'NO-HEAT' },
  recordRemoteCheck: { type: 'recordRemoteCheck', at, resolution: 'Reset remotely' },
  assign: {
    type: 'assign',
    at,
    assignments: [{ technicianCode: 'CARLA', start: '2026-03-04T09:00:00.000Z', durationMinutes: 30 }],
  },
  reschedule: {
    type: 'reschedule',
    at,
    technicianCode: 'ANNA',
    start: '2026-03-05T09:00:00.000Z',
    durationMinutes: 90,
  },
  unassign: { type: 'unassign', at, technicianCode: 'BRUNO' },
  suspend: { type: 'suspend', at, reason: 'Site closed' },
  resume: { type: 'resume', at },
  cancel: { type: 'cancel', at, reason: 'Duplicate' },
  renounce: { type: 'renounce', at, technicianCode: 'BRUNO', reasonCode: 'SICK', text: 'Fever' },
  setOut: { type: 'setOut', at, technicianCode: 'BRUNO', etaMinutes: 25 },
  startWork: { type: 'startWork', at, technicianCode: 'BRUNO' },
  addConditionFound: { type: 'addConditionFound', at, technicianCode: 'ANNA', conditionCode: 'LEAK' },
  addNote: { type: 'addNote', at, text: 'Customer called' },
  recordDeviceSignal: {
    type: 'recordDeviceSignal',
    at,
    signal: { assetCode: 'BOILER-7', kind: 'cleared', code: 'E-104', since: at },
  },
  openFollowUp: { type: 'openFollowUp', at, followUpRequestId: 'SR-2', reason: 'Pump worn' },
  close: { type: 'close', at: closedAt, actuals },
  reopen: { type: 'reopen', at: '2026-03-04T10:00:00.000Z', reason: 'Fault is back', reopenWindowDays: 7 },
} satisfies Record<string, ServiceRequestCommand>;
