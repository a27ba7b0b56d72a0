import { randomUUID } from 'node:crypto';
import type { Assignment, ServiceRequestCommand } from '@fieldstream/domain';
import type { CommandContext } from '../../commands/command-context';
import { FieldValidationError } from '../../errors';
import type {
  OpenServiceRequestInput,
  ServiceRequestAction,
  ServiceRequestCommandResult,
} from '../service-request-action';
import { activeRecord } from './active-record';
import { assignTechnicians } from './assign-technicians';
import { closeRequest } from './close-request';
import {
  type CommandRun,
  type ServiceRequestCommandsOptions,
  WrittenPositions,
  commandResult,
} from './command-run';
import { openFollowUp } from './open-follow-up';
import { openRequest, openingRequestId, openingSource } from './open-request';
import { requestParameters } from './organisation-parameters';
import { actingTechnician, authorize, mayComment, mayDo, mayOpen } from './request-access';
import {
  type LoadedRequest,
  eventsOfStep,
  loadRequest,
  requestNotFound,
  runOnRequest,
} from './request-stream';
import { rescheduleAppointment } from './reschedule-appointment';
import { resumeRequest } from './resume-request';
import { releaseBooking, suspendBooking } from './technician-schedules';

export type { ServiceRequestCommandsOptions } from './command-run';

/** The actions decided on the request's stream first, with what follows read from its events. */
type RequestFirstAction = Exclude<
  ServiceRequestAction,
  { type: 'assign' | 'reschedule' | 'resume' | 'close' | 'openFollowUp' }
>;

interface ExecuteOptions {
  /** The request version the client last saw (If-Match). */
  expectedVersion?: number;
}

/**
 * The command side of service requests: who may do what, the references checked against master
 * data, and the steps across streams (the technicians' schedules, stock, other requests) that
 * one action of a dispatcher or technician sets off. The request's own rules are its decider's.
 */
export class ServiceRequestCommands {
  constructor(private readonly options: ServiceRequestCommandsOptions) {}

  /** Opens a request; answers `created: false` when a retry found the one it opened before. */
  async open(context: CommandContext, input: OpenServiceRequestInput): Promise<ServiceRequestCommandResult> {
    mayOpen(context.actor);
    const run = this.begin(context);
    const source = openingSource(context.actor, input.source);
    return openRequest(run, input, {
      source,
      requestId: openingRequestId(run, source, input.externalReference),
      checkReach: true,
    });
  }

  /**
   * A customer's comment on one of their own requests, from the portal: a note in their words,
   * which the desk reads in the timeline and the portal shows back to them. Another customer's
   * request answers as a missing one; other roles add notes through `execute`.
   */
  async comment(
    context: CommandContext,
    requestId: string,
    text: string,
  ): Promise<ServiceRequestCommandResult> {
    mayComment(context.actor);
    const run = this.begin(context);
    const request = await loadRequest(run.events, requestId);
    if (request.opened.customerCode !== context.actor.customerCode) throw requestNotFound(requestId);
    const outcome = await runOnRequest(run, requestId, { type: 'addNote', at: context.at, text });
    return commandResult(run, requestId, outcome.version);
  }

  async execute(
    context: CommandContext,
    requestId: string,
    action: ServiceRequestAction,
    options: ExecuteOptions = {},
  ): Promise<ServiceRequestCommandResult> {
    mayDo(context.actor, action.type);
    const run = this.begin(context);
    const request = await loadRequest(run.events, requestId);
    await authorize(run.reads, context.actor, request, action.type);
    const { expectedVersion } = options;
    switch (action.type) {
      case 'assign':
        return assignTechnicians(run, request, action, expectedVersion);
      case 'reschedule':
        return rescheduleAppointment(run, request, action, expectedVersion);
      case 'resume':
        return resumeRequest(run, request, expectedVersion);
      case 'close':
        return closeRequest(run, request, action, expectedVersion);
      case 'openFollowUp':
        return openFollowUp(run, request, action, expectedVersion);
      default:
        return this.onRequestFirst(run, request, action, expectedVersion);
    }
  }

  private begin(context: CommandContext): CommandRun {
    const { events, reads, masterData } = this.options;
    return {
      events,
      reads,
      masterData,
      newId: this.options.newId ?? randomUUID,
      context,
      written: new WrittenPositions(),
    };
  }

  /**
   * Actions decided on the request alone, whose consequences elsewhere (freeing or holding the
   * technicians' time) follow from what the request recorded.
   */
  private async onRequestFirst(
    run: CommandRun,
    request: LoadedRequest,
    action: RequestFirstAction,
    expectedVersion: number | undefined,
  ): Promise<ServiceRequestCommandResult> {
    const command = await this.commandFor(run, action);
    const outcome = await runOnRequest(run, request.requestId, command, run.context, {
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    const events = await eventsOfStep(run, request.requestId, outcome);
    for (const event of events) {
      const released = async (assignments: readonly Assignment[], reason: string) => {
        for (const assignment of assignments) await releaseBooking(run, assignment, reason);
      };
      switch (event.type) {
        case 'ServiceRequestCancelled':
          await released(event.data.releasedAssignments, `cancelled: ${event.data.reason}`);
          break;
        case 'ServiceRequestRemotelyResolved':
          await released(event.data.releasedAssignments, 'resolved remotely');
          break;
        case 'ServiceRequestUnassigned':
          await released([event.data.assignment], event.data.reason ?? 'unassigned');
          break;
        case 'ServiceRequestRenounced':
          await released([event.data.assignment], `renounced: ${event.data.reasonCode}`);
          break;
        case 'ServiceRequestSuspended':
          // A suspended request's appointments hold no time until it resumes.
          for (const assignment of Object.values(outcome.state.assignments)) {
            await suspendBooking(run, assignment, `request suspended: ${event.data.reason}`);
          }
          break;
        default:
          break;
      }
    }
    return commandResult(run, request.requestId, outcome.version);
  }

  /** The decider command for an action, once its references and the acting technician are checked. */
  private async commandFor(run: CommandRun, action: RequestFirstAction): Promise<ServiceRequestCommand> {
    const { at, actor } = run.context;
    switch (action.type) {
      case 'accept':
        return { type: 'accept', at, ...(action.note ? { note: action.note } : {}) };
      case 'reject':
        return { type: 'reject', at, diagnosis: action.diagnosis };
      case 'attachCondition':
        await this.requireCondition(run, action.conditionCode);
        return { type: 'attachCondition', at, conditionCode: action.conditionCode };
      case 'detachCondition':
        return { type: 'detachCondition', at, conditionCode: action.conditionCode };
      case 'recordRemoteCheck':
        return { type: 'recordRemoteCheck', at, resolution: action.resolution };
      case 'unassign':
        return {
          type: 'unassign',
          at,
          technicianCode: action.technicianCode,
          ...(action.reason ? { reason: action.reason } : {}),
        };
      case 'suspend': {
        if (action.reasonCode !== undefined) {
          const { suspensionReasonCodes } = await requestParameters(run.masterData);
          if (!suspensionReasonCodes.includes(action.reasonCode)) {
            throw new FieldValidationError('Not a suspension reason of the organisation', [
              {
                field: 'reasonCode',
                code: 'unknown_reason',
                message: `${action.reasonCode} is not one of ${suspensionReasonCodes.join(', ')}`,
              },
            ]);
          }
        }
        return {
          type: 'suspend',
          at,
          reason: action.reason,
          ...(action.reasonCode ? { reasonCode: action.reasonCode } : {}),
          ...(action.until ? { until: action.until } : {}),
        };
      }
      case 'cancel':
        return { type: 'cancel', at, reason: action.reason };
      case 'renounce': {
        const technicianCode = actingTechnician(actor, action.technicianCode);
        const { renounceReasonCodes } = await requestParameters(run.masterData);
        if (!renounceReasonCodes.includes(action.reasonCode)) {
          throw new FieldValidationError('Not a renounce reason of the organisation', [
            {
              field: 'reasonCode',
              code: 'unknown_reason',
              message: `${action.reasonCode} is not one of ${renounceReasonCodes.join(', ')}`,
            },
          ]);
        }
        return { type: 'renounce', at, technicianCode, reasonCode: action.reasonCode, text: action.text };
      }
      case 'setOut':
        return {
          type: 'setOut',
          at,
          technicianCode: actingTechnician(actor, action.technicianCode),
          ...(action.etaMinutes !== undefined && { etaMinutes: action.etaMinutes }),
        };
      case 'startWork':
        return { type: 'startWork', at, technicianCode: actingTechnician(actor, action.technicianCode) };
      case 'addConditionFound': {
        const technicianCode = actingTechnician(actor, action.technicianCode);
        await this.requireCondition(run, action.conditionCode);
        return { type: 'addConditionFound', at, technicianCode, conditionCode: action.conditionCode };
      }
      case 'addNote':
        return { type: 'addNote', at, text: action.text };
      case 'reopen': {
        const { reopenWindowDays } = await requestParameters(run.masterData);
        return { type: 'reopen', at, reason: action.reason, reopenWindowDays };
      }
    }
  }

  private async requireCondition(run: CommandRun, conditionCode: string): Promise<void> {
    if (!(await activeRecord(run.masterData, 'condition', conditionCode))) {
      throw new FieldValidationError(`There is no condition ${conditionCode}`, [
        {
          field: 'conditionCode',
          code: 'unknown_reference',
          message: `There is no condition ${conditionCode}`,
        },
      ]);
    }
  }
}
