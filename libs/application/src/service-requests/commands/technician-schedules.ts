import {
  DomainError,
  type SchedulePeriod,
  type TechnicianScheduleCommand,
  type TechnicianScheduleEvent,
  type TechnicianScheduleState,
  schedulePeriodsOf,
  technicianScheduleDecider,
} from '@fieldstream/domain';
import { type CommandOutcome, executeCommand, loadStream } from '../../commands/execute-command';
import { technicianScheduleStreamName } from '../../commands/stream-names';
import { type CommandRun, scheduleContext } from './command-run';

/** A booking as the request knows it: who, which appointment, when. */
export interface Booking {
  technicianCode: string;
  appointmentId?: string;
  start: string;
  durationMinutes: number;
}

export type ScheduleOutcome = CommandOutcome<TechnicianScheduleEvent, TechnicianScheduleState>;

/** Many dispatchers may book one technician at once: let the losers re-decide a few more times. */
const SCHEDULE_ATTEMPTS = 10;

/** Every ISO week (UTC) a booking touches: the schedule streams it is written to. */
export function periodsOf(booking: { start: string; durationMinutes: number }): SchedulePeriod[] {
  return schedulePeriodsOf(booking.start, booking.durationMinutes);
}

export async function scheduleState(
  run: CommandRun,
  technicianCode: string,
  period: SchedulePeriod,
): Promise<TechnicianScheduleState> {
  const { state } = await loadStream(
    run.events,
    technicianScheduleStreamName(technicianCode, period),
    technicianScheduleDecider,
  );
  return state;
}

/** Decides one command on one technician's schedule for one week, noting the position written. */
export async function onSchedule(
  run: CommandRun,
  period: SchedulePeriod,
  command: TechnicianScheduleCommand,
): Promise<ScheduleOutcome> {
  const outcome = await executeCommand(
    run.events,
    technicianScheduleStreamName(command.technicianCode, period),
    technicianScheduleDecider,
    command,
    scheduleContext(run.context),
    { maxAttempts: SCHEDULE_ATTEMPTS },
  );
  run.written.note(outcome, 'schedule');
  return outcome;
}

const isUnknownAppointment = (error: unknown) =>
  error instanceof DomainError && error.code === 'unknown_appointment';

/**
 * Runs a follow-up command on every week of a booking. An appointment a week never held (a
 * booking from before schedules, a reservation that failed half-way) is nothing to undo there.
 */
async function inEveryPeriod(
  run: CommandRun,
  booking: Booking,
  command: (appointmentId: string) => TechnicianScheduleCommand,
): Promise<void> {
  const appointmentId = booking.appointmentId;
  if (!appointmentId) return;
  for (const period of periodsOf(booking)) {
    try {
      await onSchedule(run, period, command(appointmentId));
    } catch (error) {
      if (!isUnknownAppointment(error)) throw error;
    }
  }
}

/** Frees an appointment in one week; one the week never held (or already freed) is nothing to do. */
export async function releaseInPeriod(
  run: CommandRun,
  period: SchedulePeriod,
  release: { technicianCode: string; appointmentId: string; reason: string },
): Promise<void> {
  try {
    await onSchedule(run, period, { type: 'release', ...release });
  } catch (error) {
    if (!isUnknownAppointment(error)) throw error;
  }
}

/** Frees a booking's time in every week it touches; releasing twice is harmless. */
export function releaseBooking(run: CommandRun, booking: Booking, reason: string): Promise<void> {
  const { technicianCode } = booking;
  return inEveryPeriod(run, booking, (appointmentId) => ({
    type: 'release',
    technicianCode,
    appointmentId,
    reason,
  }));
}

export function suspendBooking(run: CommandRun, booking: Booking, reason: string): Promise<void> {
  const { technicianCode } = booking;
  return inEveryPeriod(run, booking, (appointmentId) => ({
    type: 'suspend',
    technicianCode,
    appointmentId,
    reason,
  }));
}

export function confirmBooking(run: CommandRun, booking: Booking): Promise<void> {
  const { technicianCode } = booking;
  return inEveryPeriod(run, booking, (appointmentId) => ({ type: 'confirm', technicianCode, appointmentId }));
}

/**
 * Resumes a booking in every week it touches. When a week refuses (its slot was taken while it
 * was suspended), the weeks already resumed are suspended again and the refusal is thrown, so a
 * booking is either holding its time everywhere or nowhere.
 */
export async function resumeBooking(run: CommandRun, booking: Booking): Promise<void> {
  const { technicianCode, appointmentId } = booking;
  if (!appointmentId) return;
  const resumed: SchedulePeriod[] = [];
  for (const period of periodsOf(booking)) {
    try {
      const outcome = await onSchedule(run, period, { type: 'resume', technicianCode, appointmentId });
      if (outcome.events.length > 0) resumed.push(period);
    } catch (error) {
      if (isUnknownAppointment(error)) continue;
      for (const done of resumed) {
        await onSchedule(run, done, {
          type: 'suspend',
          technicianCode,
          appointmentId,
          reason: 'resume refused in another week',
        });
      }
      throw error;
    }
  }
}
