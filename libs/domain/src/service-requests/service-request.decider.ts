import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import type { PlannedSlot, ServiceRequestActuals, ServiceRequestCommand } from './service-request-commands';
import type { Assignment, ServiceRequestEvent } from './service-request-events';
import {
  allowedCommands,
  isAllowed,
  type ServiceRequestStatus,
  type ServiceRequestStatusOrNone,
} from './service-request-states';

export interface ServiceRequestState {
  status: ServiceRequestStatusOrNone;
  requestId?: string;
  externalReference?: string;
  /** The machine the request is about, when it names one. */
  assetCode?: string;
  conditionCodes: string[];
  /** Planned assignments by technician code. */
  assignments: Record<string, Assignment>;
  /** Technicians who have arrived on site. */
  startedBy: string[];
  /** Technicians who set out for the site. */
  onTheWay: string[];
  suspendedFrom?: ServiceRequestStatus;
  closedAt?: string;
  followUpRequestIds: string[];
}

const initialState: ServiceRequestState = {
  status: 'none',
  conditionCodes: [],
  assignments: {},
  startedBy: [],
  onTheWay: [],
  followUpRequestIds: [],
};

const DAY_MS = 86_400_000;

function refuse(code: string, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError(code, message, details);
}

function instant(value: string, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) refuse('invalid_time', `${field} must be an ISO 8601 date-time`, { field, value });
  return ms;
}

function text(value: string | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    refuse('required', `${field} is required`, { field });
  }
  return value;
}

function minutes(value: number, field: string, allowZero: boolean): number {
  if (!Number.isInteger(value) || value < 0 || (!allowZero && value === 0)) {
    refuse(
      field.endsWith('durationMinutes') ? 'invalid_duration' : 'invalid_actuals',
      `${field} must be a whole number of minutes${allowZero ? '' : ' above zero'}`,
      { field, value },
    );
  }
  return value;
}

function slot(planned: PlannedSlot, field: string): Assignment {
  text(planned.technicianCode, `${field}.technicianCode`);
  const start = instant(planned.start, `${field}.start`);
  minutes(planned.durationMinutes, `${field}.durationMinutes`, false);
  return {
    technicianCode: planned.technicianCode,
    ...(planned.appointmentId !== undefined && { appointmentId: planned.appointmentId }),
    start: planned.start,
    durationMinutes: planned.durationMinutes,
    end: new Date(start + planned.durationMinutes * 60_000).toISOString(),
  };
}

function checkActuals(actuals: ServiceRequestActuals): void {
  minutes(actuals.labourMinutes, 'actuals.labourMinutes', true);
  minutes(actuals.travelMinutes, 'actuals.travelMinutes', true);
  if (!Number.isFinite(actuals.travelKm) || actuals.travelKm < 0) {
    refuse('invalid_actuals', 'actuals.travelKm must be zero or more', {
      field: 'actuals.travelKm',
      value: actuals.travelKm,
    });
  }
  actuals.materials.forEach((line, index) => {
    const field = `actuals.materials[${index}]`;
    text(line.itemCode, `${field}.itemCode`);
    text(line.warehouseCode, `${field}.warehouseCode`);
    if (!Number.isFinite(line.quantity) || line.quantity <= 0) {
      refuse('invalid_actuals', `${field}.quantity must be above zero`, {
        field: `${field}.quantity`,
        value: line.quantity,
      });
    }
  });
  text(actuals.resolution, 'actuals.resolution');
}

function assignmentOf(state: ServiceRequestState, technicianCode: string): Assignment {
  const assignment = state.assignments[technicianCode];
  if (!assignment) {
    refuse('not_assigned', `Technician ${technicianCode} is not assigned to this request`, {
      technicianCode,
      assigned: Object.keys(state.assignments).sort(),
    });
  }
  return assignment;
}

const released = (state: ServiceRequestState): Assignment[] =>
  Object.values(state.assignments).sort((a, b) => a.technicianCode.localeCompare(b.technicianCode));

const withoutAssignment = (state: ServiceRequestState, technicianCode: string): ServiceRequestState => {
  const assignments = { ...state.assignments };
  delete assignments[technicianCode];
  return {
    ...state,
    assignments,
    startedBy: state.startedBy.filter((code) => code !== technicianCode),
    status: Object.keys(assignments).length === 0 ? 'accepted' : state.status,
  };
};

/**
 * One service request, from opening to closing (and reopening). The transition table in
 * `service-request-states.ts` says which command applies in which state; this decider applies it,
 * checks each command's own rules, and says what happened in events a timeline can read alone.
 */
export const serviceRequestDecider: Decider<ServiceRequestState, ServiceRequestCommand, ServiceRequestEvent> =
  {
    initialState,

    evolve(state, event) {
      const { data } = event;
      switch (event.type) {
        case 'ServiceRequestOpened':
          return {
            ...initialState,
            status: 'open',
            requestId: data.requestId,
            ...(event.data.externalReference !== undefined && {
              externalReference: event.data.externalReference,
            }),
            ...(event.data.assetCode !== undefined && { assetCode: event.data.assetCode }),
            conditionCodes: [...event.data.conditionCodes],
          };
        case 'ServiceRequestAccepted':
          return { ...state, status: 'accepted' };
        case 'ServiceRequestRejected':
          return { ...state, status: 'rejected' };
        case 'ServiceRequestConditionAttached':
          return state.conditionCodes.includes(event.data.conditionCode)
            ? state
            : { ...state, conditionCodes: [...state.conditionCodes, event.data.conditionCode] };
        case 'ServiceRequestConditionDetached':
          return {
            ...state,
            conditionCodes: state.conditionCodes.filter((c) => c !== event.data.conditionCode),
          };
        case 'ServiceRequestRemotelyResolved':
          return { ...state, status: 'resolved-remotely', assignments: {}, startedBy: [], closedAt: data.at };
        case 'ServiceRequestTechniciansAssigned': {
          const assignments = { ...state.assignments };
          for (const assignment of event.data.assignments)
            assignments[assignment.technicianCode] = assignment;
          return { ...state, status: 'assigned', assignments };
        }
        case 'ServiceRequestRescheduled':
          return {
            ...state,
            assignments: { ...state.assignments, [event.data.technicianCode]: event.data.assignment },
          };
        case 'ServiceRequestUnassigned':
          return withoutAssignment(state, event.data.assignment.technicianCode);
        case 'ServiceRequestRenounced':
          return withoutAssignment(state, event.data.technicianCode);
        case 'ServiceRequestSuspended':
          return { ...state, status: 'suspended', suspendedFrom: event.data.from };
        case 'ServiceRequestResumed': {
          const { suspendedFrom: _resumed, ...rest } = state;
          return { ...rest, status: event.data.to };
        }
        case 'ServiceRequestCancelled':
          return { ...state, status: 'cancelled', assignments: {}, startedBy: [] };
        case 'ServiceRequestTechnicianOnTheWay':
          return state.onTheWay.includes(event.data.technicianCode)
            ? state
            : { ...state, onTheWay: [...state.onTheWay, event.data.technicianCode] };
        case 'ServiceRequestWorkStarted':
          return {
            ...state,
            status: 'in-progress',
            startedBy: state.startedBy.includes(event.data.technicianCode)
              ? state.startedBy
              : [...state.startedBy, event.data.technicianCode],
          };
        case 'ServiceRequestNoteAdded':
        case 'ServiceRequestDeviceSignalRecorded':
          return state;
        case 'ServiceRequestFollowUpOpened':
          return {
            ...state,
            followUpRequestIds: [...state.followUpRequestIds, event.data.followUpRequestId],
          };
        case 'ServiceRequestClosed':
          return { ...state, status: 'closed', closedAt: data.at };
        case 'ServiceRequestReopened': {
          const { closedAt: _reopened, ...rest } = state;
          return { ...rest, status: 'accepted', assignments: {}, startedBy: [] };
        }
      }
    },

    decide(command, state) {
      if (command.type === 'open') return decideOpen(command, state);
      if (state.status === 'none' || !state.requestId) {
        refuse('not_found', 'There is no such service request', { command: command.type });
      }
      const status = state.status;
      if (!isAllowed(command.type, status)) {
        const allowed = allowedCommands(status);
        refuse(
          'illegal_transition',
          `A request in state "${status}" cannot ${command.type}; allowed: ${allowed.join(', ') || 'nothing'}`,
          { state: status, command: command.type, allowed },
        );
      }
      instant(command.at, 'at');
      const base = { requestId: state.requestId, at: command.at };

      switch (command.type) {
        case 'accept':
          return [
            {
              type: 'ServiceRequestAccepted',
              data: { ...base, automatic: false, ...(command.note !== undefined && { note: command.note }) },
            },
          ];
        case 'reject':
          return [
            {
              type: 'ServiceRequestRejected',
              data: { ...base, diagnosis: text(command.diagnosis, 'diagnosis') },
            },
          ];
        case 'attachCondition':
          text(command.conditionCode, 'conditionCode');
          return state.conditionCodes.includes(command.conditionCode)
            ? []
            : [
                {
                  type: 'ServiceRequestConditionAttached',
                  data: { ...base, conditionCode: command.conditionCode, foundOnSite: false },
                },
              ];
        case 'detachCondition':
          return state.conditionCodes.includes(command.conditionCode)
            ? [
                {
                  type: 'ServiceRequestConditionDetached',
                  data: { ...base, conditionCode: command.conditionCode },
                },
              ]
            : [];
        case 'recordRemoteCheck':
          return [
            {
              type: 'ServiceRequestRemotelyResolved',
              data: {
                ...base,
                resolution: text(command.resolution, 'resolution'),
                releasedAssignments: released(state),
              },
            },
          ];
        case 'assign': {
          if (!Array.isArray(command.assignments) || command.assignments.length === 0) {
            refuse('no_technicians', 'Assign at least one technician', { field: 'assignments' });
          }
          const assignments = command.assignments.map((planned, index) =>
            slot(planned, `assignments[${index}]`),
          );
          const codes = assignments.map((a) => a.technicianCode);
          const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
          if (repeated !== undefined) {
            refuse('duplicate_technician', `Technician ${repeated} appears twice in one assignment`, {
              technicianCode: repeated,
            });
          }
          const already = codes.find((code) => state.assignments[code]);
          if (already !== undefined) {
            refuse('already_assigned', `Technician ${already} is already assigned; reschedule instead`, {
              technicianCode: already,
            });
          }
          return [
            {
              type: 'ServiceRequestTechniciansAssigned',
              data: { ...base, assignments, synchronized: assignments.length > 1 },
            },
          ];
        }
        case 'reschedule': {
          const previous = assignmentOf(state, command.technicianCode);
          const assignment = slot(
            { ...command, appointmentId: command.appointmentId ?? previous.appointmentId },
            'assignment',
          );
          if (assignment.start === previous.start && assignment.durationMinutes === previous.durationMinutes)
            return [];
          return [
            {
              type: 'ServiceRequestRescheduled',
              data: {
                ...base,
                technicianCode: command.technicianCode,
                previous,
                assignment,
                ...(command.reason !== undefined && { reason: command.reason }),
              },
            },
          ];
        }
        case 'unassign': {
          const assignment = assignmentOf(state, command.technicianCode);
          return [
            {
              type: 'ServiceRequestUnassigned',
              data: {
                ...base,
                assignment,
                backToDispatch: Object.keys(state.assignments).length === 1,
                ...(command.reason !== undefined && { reason: command.reason }),
              },
            },
          ];
        }
        case 'suspend':
          if (command.until !== undefined) instant(command.until, 'until');
          return [
            {
              type: 'ServiceRequestSuspended',
              data: {
                ...base,
                reason: text(command.reason, 'reason'),
                ...(command.reasonCode !== undefined && {
                  reasonCode: text(command.reasonCode, 'reasonCode'),
                }),
                from: status as ServiceRequestStatus,
                ...(command.until !== undefined && { until: command.until }),
              },
            },
          ];
        case 'resume':
          return [
            { type: 'ServiceRequestResumed', data: { ...base, to: state.suspendedFrom ?? 'accepted' } },
          ];
        case 'cancel':
          return [
            {
              type: 'ServiceRequestCancelled',
              data: { ...base, reason: text(command.reason, 'reason'), releasedAssignments: released(state) },
            },
          ];
        case 'renounce': {
          const assignment = assignmentOf(state, command.technicianCode);
          return [
            {
              type: 'ServiceRequestRenounced',
              data: {
                ...base,
                technicianCode: command.technicianCode,
                reasonCode: text(command.reasonCode, 'reasonCode'),
                text: text(command.text, 'text'),
                assignment,
                backToDispatch: Object.keys(state.assignments).length === 1,
              },
            },
          ];
        }
        case 'setOut': {
          assignmentOf(state, command.technicianCode);
          // Set out twice (a phone retrying offline), or already on site: nothing new.
          if (
            state.onTheWay.includes(command.technicianCode) ||
            state.startedBy.includes(command.technicianCode)
          )
            return [];
          if (command.etaMinutes !== undefined) minutes(command.etaMinutes, 'etaMinutes', true);
          return [
            {
              type: 'ServiceRequestTechnicianOnTheWay',
              data: {
                ...base,
                technicianCode: command.technicianCode,
                ...(command.etaMinutes !== undefined && { etaMinutes: command.etaMinutes }),
              },
            },
          ];
        }
        case 'startWork':
          assignmentOf(state, command.technicianCode);
          // The same arrival reported twice (a phone retrying offline) records nothing new.
          if (state.startedBy.includes(command.technicianCode)) return [];
          return [
            { type: 'ServiceRequestWorkStarted', data: { ...base, technicianCode: command.technicianCode } },
          ];
        case 'addConditionFound':
          assignmentOf(state, command.technicianCode);
          text(command.conditionCode, 'conditionCode');
          return state.conditionCodes.includes(command.conditionCode)
            ? []
            : [
                {
                  type: 'ServiceRequestConditionAttached',
                  data: {
                    ...base,
                    conditionCode: command.conditionCode,
                    foundOnSite: true,
                    technicianCode: command.technicianCode,
                  },
                },
              ];
        case 'addNote':
          return [{ type: 'ServiceRequestNoteAdded', data: { ...base, text: text(command.text, 'text') } }];
        case 'recordDeviceSignal': {
          const signal = command.signal;
          text(signal.assetCode, 'signal.assetCode');
          if (state.assetCode !== undefined && state.assetCode !== signal.assetCode) {
            refuse('other_asset', `This request is about ${state.assetCode}, not ${signal.assetCode}`, {
              field: 'signal.assetCode',
            });
          }
          return [
            {
              type: 'ServiceRequestDeviceSignalRecorded',
              data: {
                ...base,
                ...signal,
                afterClosing: status === 'closed' || status === 'resolved-remotely',
              },
            },
          ];
        }
        case 'openFollowUp':
          text(command.followUpRequestId, 'followUpRequestId');
          if (state.followUpRequestIds.includes(command.followUpRequestId)) return [];
          return [
            {
              type: 'ServiceRequestFollowUpOpened',
              data: {
                ...base,
                followUpRequestId: command.followUpRequestId,
                reason: text(command.reason, 'reason'),
              },
            },
          ];
        case 'close': {
          checkActuals(command.actuals);
          const planned = released(state);
          return [
            {
              type: 'ServiceRequestClosed',
              data: {
                ...base,
                estimate: {
                  labourMinutes: planned.reduce((sum, a) => sum + a.durationMinutes, 0),
                  technicianCodes: planned.map((a) => a.technicianCode),
                },
                actuals: command.actuals,
              },
            },
          ];
        }
        case 'reopen': {
          text(command.reason, 'reason');
          if (!Number.isFinite(command.reopenWindowDays) || command.reopenWindowDays < 0) {
            refuse('invalid_window', 'reopenWindowDays must be zero or more', { field: 'reopenWindowDays' });
          }
          const closedAt = state.closedAt ?? command.at;
          const deadline = instant(closedAt, 'closedAt') + command.reopenWindowDays * DAY_MS;
          if (instant(command.at, 'at') > deadline) {
            refuse(
              'reopen_window_passed',
              `The request closed on ${closedAt} can be reopened for ${command.reopenWindowDays} days only`,
              {
                closedAt,
                reopenWindowDays: command.reopenWindowDays,
                deadline: new Date(deadline).toISOString(),
              },
            );
          }
          return [
            {
              type: 'ServiceRequestReopened',
              data: { ...base, reason: command.reason, closedAt, reopenWindowDays: command.reopenWindowDays },
            },
          ];
        }
      }
    },
  };

function decideOpen(
  command: Extract<ServiceRequestCommand, { type: 'open' }>,
  state: ServiceRequestState,
): ServiceRequestEvent[] {
  if (state.status !== 'none') {
    // An external system retrying the same request gets nothing new, not an error.
    if (command.externalReference !== undefined && command.externalReference === state.externalReference)
      return [];
    refuse('already_open', `Service request ${state.requestId} already exists`, {
      requestId: state.requestId,
      state: state.status,
    });
  }
  text(command.requestId, 'requestId');
  instant(command.at, 'at');
  text(command.customerCode, 'customerCode');
  text(command.siteCode, 'siteCode');
  text(command.description, 'description');
  const { type: _type, ...data } = command;
  const opened: ServiceRequestEvent = {
    type: 'ServiceRequestOpened',
    data: { ...data, conditionCodes: [...new Set(command.conditionCodes)] },
  };
  if (command.explicitAcceptance) return [opened];
  return [
    opened,
    {
      type: 'ServiceRequestAccepted',
      data: { requestId: command.requestId, at: command.at, automatic: true },
    },
  ];
}
