import {
  type AppointmentStatus,
  DomainError,
  type DisplaceInstruction,
  type SchedulePeriod,
  bookingInterval,
  serviceRequestReference,
} from '@fieldstream/domain';
import { technicianScheduleStreamName } from '../../commands/stream-names';
import { FieldValidationError, NotFoundError } from '../../errors';
import { type CommandRun, stepContext } from './command-run';
import { loadRequest, runOnRequest } from './request-stream';
import {
  type ScheduleOutcome,
  onSchedule,
  periodsOf,
  releaseBooking,
  scheduleState,
  suspendBooking,
} from './technician-schedules';

/** One week of one technician's schedule that a booking is written to. */
export interface ScheduleTarget {
  technicianCode: string;
  period: SchedulePeriod;
  start: string;
  durationMinutes: number;
}

/** An appointment an emergency pushed aside, with what it was, to tell its request and to undo. */
export interface Displaced {
  technicianCode: string;
  appointmentId: string;
  requestId: string;
  action: 'suspend' | 'remove';
  start: string;
  end: string;
  status: AppointmentStatus;
  byAppointmentId: string;
  /** The weeks whose stream already recorded the displacement. */
  periods: Set<SchedulePeriod>;
}

export interface DisplacementPlan {
  /** The instructions for each target's stream, by `technicianCode|period`. */
  byTarget: Map<string, DisplaceInstruction[]>;
  /** What each named appointment was before the emergency. */
  known: Map<string, Omit<Displaced, 'action' | 'byAppointmentId' | 'periods'>>;
}

export const targetKey = (technicianCode: string, period: string) => `${technicianCode}|${period}`;

/**
 * Sends each displace instruction to the schedule streams where the named appointment stands in
 * the new booking's way (the decider refuses an instruction naming an appointment its stream
 * does not hold). An instruction that stands nowhere in the way is refused naming the field, so
 * an emergency never removes a booking by a typo.
 */
export async function planDisplacements(
  run: CommandRun,
  targets: readonly ScheduleTarget[],
  displace: readonly DisplaceInstruction[],
): Promise<DisplacementPlan> {
  const plan: DisplacementPlan = { byTarget: new Map(), known: new Map() };
  if (displace.length === 0) return plan;
  const routed = new Set<number>();
  for (const target of targets) {
    const state = await scheduleState(run, target.technicianCode, target.period);
    const interval = bookingInterval(target.start, target.durationMinutes);
    const here: DisplaceInstruction[] = [];
    displace.forEach((instruction, index) => {
      const other = state.appointments[instruction.appointmentId];
      if (!other || !(other.start < interval.end && interval.start < other.end)) return;
      routed.add(index);
      here.push(instruction);
      plan.known.set(other.appointmentId, {
        technicianCode: target.technicianCode,
        appointmentId: other.appointmentId,
        requestId: other.requestId,
        start: other.start,
        end: other.end,
        status: other.status,
      });
    });
    if (here.length > 0) plan.byTarget.set(targetKey(target.technicianCode, target.period), here);
  }
  const issues = displace.flatMap((instruction, index) =>
    routed.has(index)
      ? []
      : [
          {
            field: `displace.${index}.appointmentId`,
            code: 'not_in_the_way',
            message: `Appointment ${instruction.appointmentId} does not stand in the way of this booking`,
          },
        ],
  );
  if (issues.length > 0) {
    throw new FieldValidationError('Only appointments in the way can be displaced; see errors', issues);
  }
  return plan;
}

/** Gathers what a reserve or move displaced, per appointment, across the weeks it was written to. */
export function collectDisplaced(
  outcome: ScheduleOutcome,
  period: SchedulePeriod,
  plan: DisplacementPlan,
  into: Map<string, Displaced>,
): void {
  for (const event of outcome.events) {
    if (event.type !== 'AppointmentRemoved' && event.type !== 'AppointmentSuspended') continue;
    const { appointmentId } = event.data;
    const known = plan.known.get(appointmentId);
    if (!known) continue;
    const entry = into.get(appointmentId) ?? {
      ...known,
      action: event.type === 'AppointmentRemoved' ? ('remove' as const) : ('suspend' as const),
      byAppointmentId: event.data.byAppointmentId ?? '',
      periods: new Set<SchedulePeriod>(),
    };
    entry.periods.add(period);
    into.set(appointmentId, entry);
  }
}

const durationOf = (displaced: { start: string; end: string }) =>
  Math.round((Date.parse(displaced.end) - Date.parse(displaced.start)) / 60_000);

/**
 * Puts displaced appointments back as they were when the emergency itself is undone: a removed
 * one is reserved again under its own id (a released id may be), a suspended one resumed. Best
 * effort: the emergency's failure is what the caller reports.
 */
export async function restoreDisplaced(run: CommandRun, displaced: Iterable<Displaced>): Promise<void> {
  for (const item of displaced) {
    const { technicianCode, appointmentId } = item;
    for (const period of item.periods) {
      try {
        if (item.action === 'remove') {
          await onSchedule(run, period, {
            type: 'reserve',
            technicianCode,
            appointmentId,
            requestId: item.requestId,
            start: item.start,
            durationMinutes: durationOf(item),
          });
          if (item.status === 'confirmed') {
            await onSchedule(run, period, { type: 'confirm', technicianCode, appointmentId });
          }
          if (item.status === 'suspended') {
            await onSchedule(run, period, {
              type: 'suspend',
              technicianCode,
              appointmentId,
              reason: 'restored as it was',
            });
          }
        } else {
          await onSchedule(run, period, { type: 'resume', technicianCode, appointmentId });
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
  }
}

/** The displacement event itself, so what follows from it names it as its cause. */
async function displacementEventId(run: CommandRun, item: Displaced): Promise<string | undefined> {
  const [period] = item.periods;
  if (!period) return undefined;
  const recent = await run.events.readStream(technicianScheduleStreamName(item.technicianCode, period), {
    direction: 'backwards',
    maxCount: 50,
  });
  return recent.find(
    (event) =>
      (event.type === 'AppointmentRemoved' || event.type === 'AppointmentSuspended') &&
      event.data['appointmentId'] === item.appointmentId &&
      event.data['byAppointmentId'] === item.byAppointmentId,
  )?.id;
}

/**
 * What follows an emergency for each request it pushed aside. The displacement is carried to the
 * weeks of the other booking the emergency did not touch; a removed booking's request loses that
 * technician ("Displaced by emergency SR-…", back to dispatch when none remains); a suspended
 * one keeps its assignment and gets a note saying why its appointment is on hold. Every event
 * shares the command's correlation id and names the displacement as its cause.
 */
export async function followUpDisplaced(
  run: CommandRun,
  emergencyRequestId: string,
  displaced: Iterable<Displaced>,
): Promise<void> {
  const reference = serviceRequestReference(emergencyRequestId);
  for (const item of displaced) {
    const booking = {
      technicianCode: item.technicianCode,
      appointmentId: item.appointmentId,
      start: item.start,
      durationMinutes: durationOf(item),
    };
    const untouched = periodsOf(booking).filter((period) => !item.periods.has(period));
    if (untouched.length > 0) {
      if (item.action === 'remove') await releaseBooking(run, booking, `removed by emergency ${reference}`);
      else await suspendBooking(run, booking, 'emergency');
    }
    const cause = await displacementEventId(run, item);
    const base = stepContext(run.context, `displaced:${item.appointmentId}`);
    const context = {
      ...base,
      ...(cause ? { causationId: cause } : {}),
      extra: { ...base.extra, displacedByRequestId: emergencyRequestId },
    };
    try {
      const other = await loadRequest(run.events, item.requestId);
      const assignment = other.state.assignments[item.technicianCode];
      const unassignable =
        item.action === 'remove' &&
        other.state.status === 'assigned' &&
        assignment?.appointmentId === item.appointmentId;
      if (unassignable) {
        await runOnRequest(
          run,
          item.requestId,
          {
            type: 'unassign',
            at: run.context.at,
            technicianCode: item.technicianCode,
            reason: `Displaced by emergency ${reference}`,
          },
          context,
        );
      } else {
        const what = item.action === 'remove' ? 'was removed' : 'is suspended';
        const keeps = item.action === 'remove' ? '' : '; the assignment stays';
        await runOnRequest(
          run,
          item.requestId,
          {
            type: 'addNote',
            at: run.context.at,
            text: `The appointment of ${item.technicianCode} (${item.start} – ${item.end}) ${what} for emergency ${reference}${keeps}.`,
          },
          context,
        );
      }
    } catch (error) {
      // The emergency stands; a request that cannot take the notice (gone, refusing) is no reason
      // to fail it.
      if (!(error instanceof DomainError) && !(error instanceof NotFoundError)) throw error;
    }
  }
}
