import {
  DomainError,
  type PlannedSlot,
  type SchedulePeriod,
  serviceRequestDecider,
} from '@fieldstream/domain';
import { nameBasedUuid } from '../../commands/stream-names';
import { type FieldIssue, FieldValidationError } from '../../errors';
import type { ServiceRequestAction, ServiceRequestCommandResult } from '../service-request-action';
import { activeRecord } from './active-record';
import { type CommandRun, commandResult } from './command-run';
import {
  type Displaced,
  type ScheduleTarget,
  collectDisplaced,
  followUpDisplaced,
  planDisplacements,
  restoreDisplaced,
  targetKey,
} from './displaced-appointments';
import { type LoadedRequest, checkExpectedVersion, runOnRequest } from './request-stream';
import { confirmBooking, onSchedule, periodsOf } from './technician-schedules';

type AssignAction = Extract<ServiceRequestAction, { type: 'assign' }>;

interface Reservation {
  technicianCode: string;
  appointmentId: string;
  period: SchedulePeriod;
}

/**
 * The appointment holding a technician's slot. Derived from the Idempotency-Key when there is one,
 * so a retried assignment reserves the same appointment and the schedule decides nothing new.
 */
function appointmentIdFor(run: CommandRun, technicianCode: string): string {
  const key = run.context.idempotencyKey;
  return key ? nameBasedUuid(`appointment:${run.context.actor.id}:${key}:${technicianCode}`) : run.newId();
}

async function checkTechnicians(run: CommandRun, action: AssignAction): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [index, slot] of action.assignments.entries()) {
    const technician = await activeRecord(run.masterData, 'technician', slot.technicianCode);
    if (!technician || technician['active'] === false) {
      issues.push({
        field: `assignments.${index}.technicianCode`,
        code: technician ? 'technician_inactive' : 'unknown_reference',
        message: technician
          ? `Technician ${slot.technicianCode} is not active`
          : `There is no technician ${slot.technicianCode}`,
      });
    }
  }
  if (issues.length > 0) throw new FieldValidationError('Some technicians cannot be assigned', issues);
}

/** Frees what a failed assignment reserved and puts back what its emergency pushed aside. */
async function compensate(
  run: CommandRun,
  made: readonly Reservation[],
  displaced: Map<string, Displaced>,
  error: unknown,
): Promise<void> {
  const reason = `assignment failed: ${error instanceof Error ? error.message : String(error)}`;
  for (const reservation of [...made].reverse()) {
    try {
      await onSchedule(run, reservation.period, {
        type: 'release',
        technicianCode: reservation.technicianCode,
        appointmentId: reservation.appointmentId,
        reason,
      });
    } catch (undo) {
      if (!(undo instanceof DomainError)) throw undo;
    }
  }
  await restoreDisplaced(run, displaced.values());
}

/**
 * Assigning is two streams: the technicians' time is reserved in their schedules (every week each
 * slot touches), then the assignment is recorded on the request, then the reservations are
 * confirmed. A refusal anywhere releases what was reserved, so no schedule keeps a booking that
 * the request does not hold; what an emergency displaced is then told to its requests.
 */
export async function assignTechnicians(
  run: CommandRun,
  request: LoadedRequest,
  action: AssignAction,
  expectedVersion: number | undefined,
): Promise<ServiceRequestCommandResult> {
  const { requestId } = request;
  const { replayed } = checkExpectedVersion(request, run.context, expectedVersion);
  if (replayed) {
    // The first attempt recorded the assignment; confirming again completes a crashed one.
    for (const slot of action.assignments) {
      const assignment = request.state.assignments[slot.technicianCode];
      if (assignment?.appointmentId === appointmentIdFor(run, slot.technicianCode)) {
        await confirmBooking(run, assignment);
      }
    }
    return commandResult(run, requestId, request.version);
  }

  await checkTechnicians(run, action);
  const slots: PlannedSlot[] = action.assignments.map((slot) => ({
    technicianCode: slot.technicianCode,
    appointmentId: appointmentIdFor(run, slot.technicianCode),
    start: slot.start,
    durationMinutes: slot.durationMinutes,
  }));
  const command = { type: 'assign' as const, at: run.context.at, assignments: slots };
  // The request's own rules first (state, duplicates, already assigned): a refusal there costs
  // no reservation at all.
  serviceRequestDecider.decide(command, request.state);

  const targets: (ScheduleTarget & { appointmentId: string })[] = slots.flatMap((slot) =>
    periodsOf(slot).map((period) => ({
      technicianCode: slot.technicianCode,
      appointmentId: slot.appointmentId as string,
      period,
      start: slot.start,
      durationMinutes: slot.durationMinutes,
    })),
  );
  const plan = await planDisplacements(run, targets, action.displace);
  const made: Reservation[] = [];
  const displaced = new Map<string, Displaced>();
  let version: number;
  try {
    for (const target of targets) {
      const displace = plan.byTarget.get(targetKey(target.technicianCode, target.period));
      const outcome = await onSchedule(run, target.period, {
        type: 'reserve',
        technicianCode: target.technicianCode,
        appointmentId: target.appointmentId,
        requestId,
        start: target.start,
        durationMinutes: target.durationMinutes,
        ...(displace ? { displace } : {}),
      });
      made.push(target);
      collectDisplaced(outcome, target.period, plan, displaced);
    }
    const outcome = await runOnRequest(run, requestId, command, run.context, {
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    version = outcome.version;
  } catch (error) {
    await compensate(run, made, displaced, error);
    throw error;
  }

  for (const target of targets) {
    await onSchedule(run, target.period, {
      type: 'confirm',
      technicianCode: target.technicianCode,
      appointmentId: target.appointmentId,
    });
  }
  await followUpDisplaced(run, requestId, displaced.values());
  return commandResult(run, requestId, version);
}
