import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { bookingInterval } from './schedule-period';
import type { TechnicianScheduleEvent } from './technician-schedule-events';

export type AppointmentStatus = 'reserved' | 'confirmed' | 'suspended';

export interface ScheduledAppointment {
  appointmentId: string;
  requestId: string;
  /** ISO 8601 instants in UTC; the interval is half-open [start, end). */
  start: string;
  end: string;
  status: AppointmentStatus;
  /** What `resume` returns a suspended appointment to. */
  resumeTo?: 'reserved' | 'confirmed';
}

export interface TechnicianScheduleState {
  appointments: Record<string, ScheduledAppointment>;
  /** Released or removed ids, so a repeated release (a retried compensation) decides nothing. */
  ended: Record<string, true>;
}

/** An emergency booking names each appointment it pushes aside and what happens to it. */
export interface DisplaceInstruction {
  appointmentId: string;
  action: 'suspend' | 'remove';
}

interface Target {
  technicianCode: string;
  appointmentId: string;
}

export type TechnicianScheduleCommand =
  | (Target & {
      type: 'reserve';
      requestId: string;
      start: string;
      durationMinutes: number;
      displace?: DisplaceInstruction[];
    })
  | (Target & { type: 'confirm' })
  | (Target & { type: 'release'; reason: string })
  | (Target & { type: 'move'; start: string; durationMinutes: number; displace?: DisplaceInstruction[] })
  | (Target & { type: 'suspend'; reason: string })
  | (Target & { type: 'resume' });

interface Interval {
  start: string;
  end: string;
}

/** Half-open intervals: one ending when the other starts do not overlap. ISO UTC text sorts as time. */
const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/**
 * The appointments holding time in `interval`, other than `appointmentId` itself: what a booking
 * there would have to displace (also read by the impact preview of an emergency).
 */
export function conflictsWith(
  state: TechnicianScheduleState,
  appointmentId: string | undefined,
  interval: Interval,
): ScheduledAppointment[] {
  return Object.values(state.appointments).filter(
    (other) =>
      other.appointmentId !== appointmentId && other.status !== 'suspended' && overlaps(other, interval),
  );
}

function conflictError(technicianCode: string, conflicts: ScheduledAppointment[]): DomainError {
  const names = conflicts.map(
    (c) => `appointment ${c.appointmentId} of request ${c.requestId} (${c.start} – ${c.end})`,
  );
  return new DomainError(
    'schedule_conflict',
    `Technician ${technicianCode} is already booked: ${names.join('; ')}`,
    {
      technicianCode,
      conflicts: conflicts.map(({ appointmentId, requestId, start, end }) => ({
        appointmentId,
        requestId,
        start,
        end,
      })),
    },
  );
}

function existing(state: TechnicianScheduleState, command: Target): ScheduledAppointment {
  const appointment = state.appointments[command.appointmentId];
  if (!appointment) {
    const ended = state.ended[command.appointmentId];
    throw new DomainError(
      'unknown_appointment',
      ended
        ? `Appointment ${command.appointmentId} was released from ${command.technicianCode}'s schedule`
        : `Technician ${command.technicianCode} has no appointment ${command.appointmentId}`,
      { appointmentId: command.appointmentId, technicianCode: command.technicianCode },
    );
  }
  return appointment;
}

/**
 * Books `interval` for `appointmentId`: every appointment in the way must be named in `displace`
 * (the emergency case), and the events then say which were suspended or removed and by which
 * request, so the application can notify theirs. Anything else in the way refuses the whole
 * command, naming what is there.
 */
function displacements(
  state: TechnicianScheduleState,
  command: Target & { displace?: DisplaceInstruction[] },
  requestId: string,
  interval: Interval,
): TechnicianScheduleEvent[] {
  const displace = command.displace ?? [];
  const named = new Map<string, DisplaceInstruction>();
  for (const instruction of displace) {
    if (instruction.appointmentId === command.appointmentId) {
      throw new DomainError('invalid_displace', 'An appointment cannot displace itself', {
        field: 'displace',
        appointmentId: instruction.appointmentId,
      });
    }
    if (instruction.action !== 'suspend' && instruction.action !== 'remove') {
      throw new DomainError('invalid_displace', 'displace.action must be suspend or remove', {
        field: 'displace',
        action: instruction.action,
      });
    }
    existing(state, { technicianCode: command.technicianCode, appointmentId: instruction.appointmentId });
    named.set(instruction.appointmentId, instruction);
  }
  const unnamed = conflictsWith(state, command.appointmentId, interval).filter(
    (c) => !named.has(c.appointmentId),
  );
  if (unnamed.length > 0) throw conflictError(command.technicianCode, unnamed);

  const by = { byAppointmentId: command.appointmentId, byRequestId: requestId };
  const events: TechnicianScheduleEvent[] = [];
  for (const instruction of named.values()) {
    const other = state.appointments[instruction.appointmentId] as ScheduledAppointment;
    const ref = {
      technicianCode: command.technicianCode,
      appointmentId: other.appointmentId,
      requestId: other.requestId,
    };
    if (instruction.action === 'remove') {
      events.push({
        type: 'AppointmentRemoved',
        data: { ...ref, start: other.start, end: other.end, reason: 'emergency', ...by },
      });
    } else if (other.status !== 'suspended') {
      events.push({ type: 'AppointmentSuspended', data: { ...ref, reason: 'emergency', ...by } });
    }
  }
  return events;
}

/**
 * One technician's schedule for one period (an ISO week in UTC, see `schedulePeriodsOf`): the
 * stream that owns the technician's time. Appointments that hold time never overlap; a booking in
 * the way is refused unless the same command suspends or removes it. Cross-stream work (the
 * request and the schedule) reserves here first and compensates with `release`.
 */
export const technicianScheduleDecider: Decider<
  TechnicianScheduleState,
  TechnicianScheduleCommand,
  TechnicianScheduleEvent
> = {
  initialState: { appointments: {}, ended: {} },

  evolve(state, event) {
    const { appointmentId } = event.data;
    const appointments = { ...state.appointments };
    const current = appointments[appointmentId];
    switch (event.type) {
      case 'AppointmentReserved': {
        const { requestId, start, end } = event.data;
        appointments[appointmentId] = { appointmentId, requestId, start, end, status: 'reserved' };
        const { [appointmentId]: _reused, ...ended } = state.ended;
        return { appointments, ended };
      }
      case 'AppointmentReleased':
      case 'AppointmentRemoved': {
        delete appointments[appointmentId];
        return { appointments, ended: { ...state.ended, [appointmentId]: true } };
      }
      default:
        break;
    }
    if (!current) return state;
    switch (event.type) {
      case 'AppointmentConfirmed':
        appointments[appointmentId] =
          current.status === 'suspended'
            ? { ...current, resumeTo: 'confirmed' }
            : { ...current, status: 'confirmed' };
        break;
      case 'AppointmentMoved':
        appointments[appointmentId] = { ...current, start: event.data.start, end: event.data.end };
        break;
      case 'AppointmentSuspended':
        if (current.status !== 'suspended')
          appointments[appointmentId] = { ...current, status: 'suspended', resumeTo: current.status };
        break;
      case 'AppointmentResumed': {
        const { resumeTo, ...rest } = current;
        appointments[appointmentId] = { ...rest, status: resumeTo ?? 'reserved' };
        break;
      }
    }
    return { ...state, appointments };
  },

  decide(command, state) {
    const { technicianCode, appointmentId } = command;
    switch (command.type) {
      case 'reserve': {
        const interval = bookingInterval(command.start, command.durationMinutes);
        const current = state.appointments[appointmentId];
        if (current) {
          // A retried reservation decides nothing; a different one under the same id is a mistake.
          if (
            current.requestId === command.requestId &&
            current.start === interval.start &&
            current.end === interval.end
          )
            return [];
          throw new DomainError(
            'appointment_exists',
            `Appointment ${appointmentId} is already booked for request ${current.requestId} (${current.start} – ${current.end}); move it instead`,
            { appointmentId, requestId: current.requestId, start: current.start, end: current.end },
          );
        }
        const ref = { technicianCode, appointmentId, requestId: command.requestId };
        return [
          ...displacements(state, command, command.requestId, interval),
          { type: 'AppointmentReserved', data: { ...ref, ...interval } },
        ];
      }
      case 'confirm': {
        const current = existing(state, command);
        if (current.status === 'confirmed' || current.resumeTo === 'confirmed') return [];
        return [
          {
            type: 'AppointmentConfirmed',
            data: { technicianCode, appointmentId, requestId: current.requestId },
          },
        ];
      }
      case 'release': {
        // Releasing twice is the normal shape of a retried compensation.
        if (state.ended[appointmentId]) return [];
        const current = existing(state, command);
        return [
          {
            type: 'AppointmentReleased',
            data: {
              technicianCode,
              appointmentId,
              requestId: current.requestId,
              start: current.start,
              end: current.end,
              reason: command.reason,
            },
          },
        ];
      }
      case 'move': {
        const current = existing(state, command);
        const interval = bookingInterval(command.start, command.durationMinutes);
        if (current.start === interval.start && current.end === interval.end) return [];
        // A suspended appointment holds no time, so it may be rescheduled anywhere; `resume` checks.
        const displaced =
          current.status === 'suspended' ? [] : displacements(state, command, current.requestId, interval);
        return [
          ...displaced,
          {
            type: 'AppointmentMoved',
            data: {
              technicianCode,
              appointmentId,
              requestId: current.requestId,
              fromStart: current.start,
              fromEnd: current.end,
              ...interval,
            },
          },
        ];
      }
      case 'suspend': {
        const current = existing(state, command);
        if (current.status === 'suspended') return [];
        return [
          {
            type: 'AppointmentSuspended',
            data: { technicianCode, appointmentId, requestId: current.requestId, reason: command.reason },
          },
        ];
      }
      case 'resume': {
        const current = existing(state, command);
        if (current.status !== 'suspended') return [];
        // Its slot may have been taken while it was suspended (that is what an emergency does).
        const conflicts = conflictsWith(state, appointmentId, current);
        if (conflicts.length > 0) throw conflictError(technicianCode, conflicts);
        return [
          {
            type: 'AppointmentResumed',
            data: { technicianCode, appointmentId, requestId: current.requestId },
          },
        ];
      }
    }
  },
};
