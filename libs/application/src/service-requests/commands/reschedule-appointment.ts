import { DomainError, type SchedulePeriod, serviceRequestDecider } from '@fieldstream/domain';
import type { ServiceRequestAction, ServiceRequestCommandResult } from '../service-request-action';
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
import { onSchedule, periodsOf, releaseInPeriod, scheduleState } from './technician-schedules';

type RescheduleAction = Extract<ServiceRequestAction, { type: 'reschedule' }>;

/** Undo steps run in reverse when a later step is refused; an undo that cannot apply is moot. */
async function undoAll(steps: (() => Promise<unknown>)[]): Promise<void> {
  for (const step of [...steps].reverse()) {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
}

/**
 * Moves a technician's booking, keeping its appointment id. Where the week stays the same the
 * appointment is moved; a week it arrives in is reserved, a week it leaves is released ("moved").
 * A booking suspended by an emergency holds no time, so once moved it is resumed, and refused if
 * its new slot is taken. Any refusal (the schedule's or the request's) undoes the schedule steps.
 */
export async function rescheduleAppointment(
  run: CommandRun,
  request: LoadedRequest,
  action: RescheduleAction,
  expectedVersion: number | undefined,
): Promise<ServiceRequestCommandResult> {
  const { requestId } = request;
  const { technicianCode, start, durationMinutes } = action;
  if (checkExpectedVersion(request, run.context, expectedVersion).replayed) {
    return commandResult(run, requestId, request.version);
  }
  const command = {
    type: 'reschedule' as const,
    at: run.context.at,
    technicianCode,
    start,
    durationMinutes,
    ...(action.reason ? { reason: action.reason } : {}),
  };
  // Not assigned, wrong state, same slot: the request says so before any schedule is touched.
  if (serviceRequestDecider.decide(command, request.state).length === 0) {
    return commandResult(run, requestId, request.version);
  }
  const previous = request.state.assignments[technicianCode]!;
  const appointmentId = previous.appointmentId ?? run.newId();
  const oldPeriods: SchedulePeriod[] = previous.appointmentId ? periodsOf(previous) : [];
  const targets: ScheduleTarget[] = periodsOf(action).map((period) => ({
    technicianCode,
    period,
    start,
    durationMinutes,
  }));
  const plan = await planDisplacements(run, targets, action.displace);
  const undo: (() => Promise<unknown>)[] = [];
  const added: SchedulePeriod[] = [];
  const displaced = new Map<string, Displaced>();
  const target = { technicianCode, appointmentId };
  let version: number;
  try {
    for (const { period } of targets) {
      const displace = plan.byTarget.get(targetKey(technicianCode, period));
      const held = oldPeriods.includes(period)
        ? (await scheduleState(run, technicianCode, period)).appointments[appointmentId]
        : undefined;
      if (held) {
        const moved = await onSchedule(run, period, {
          type: 'move',
          ...target,
          start,
          durationMinutes,
          ...(displace ? { displace } : {}),
        });
        undo.push(() =>
          onSchedule(run, period, {
            type: 'move',
            ...target,
            start: previous.start,
            durationMinutes: previous.durationMinutes,
          }),
        );
        collectDisplaced(moved, period, plan, displaced);
        if (held.status === 'suspended') {
          await onSchedule(run, period, { type: 'resume', ...target });
          undo.push(() =>
            onSchedule(run, period, { type: 'suspend', ...target, reason: 'reschedule undone' }),
          );
        }
      } else {
        const reserved = await onSchedule(run, period, {
          type: 'reserve',
          ...target,
          requestId,
          start,
          durationMinutes,
          ...(displace ? { displace } : {}),
        });
        undo.push(() => onSchedule(run, period, { type: 'release', ...target, reason: 'reschedule failed' }));
        added.push(period);
        collectDisplaced(reserved, period, plan, displaced);
      }
    }
    const outcome = await runOnRequest(run, requestId, { ...command, appointmentId }, run.context, {
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    version = outcome.version;
  } catch (error) {
    await undoAll(undo);
    await restoreDisplaced(run, displaced.values());
    throw error;
  }

  const left = oldPeriods.filter((period) => !targets.some((t) => t.period === period));
  for (const period of left) await releaseInPeriod(run, period, { ...target, reason: 'moved' });
  for (const period of added) await onSchedule(run, period, { type: 'confirm', ...target });
  await followUpDisplaced(run, requestId, displaced.values());
  return commandResult(run, requestId, version);
}
