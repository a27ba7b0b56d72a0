import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import { technicianScheduleDecider } from './technician-schedule.decider';
import type { TechnicianScheduleEvent } from './technician-schedule-events';

const spec = deciderSpecification(technicianScheduleDecider);
const T = 'TECH-1';

const reserve = (appointmentId: string, requestId: string, start: string, durationMinutes: number) => ({
  type: 'reserve' as const,
  technicianCode: T,
  appointmentId,
  requestId,
  start,
  durationMinutes,
});
const reserved = (
  appointmentId: string,
  requestId: string,
  start: string,
  end: string,
): TechnicianScheduleEvent => ({
  type: 'AppointmentReserved',
  data: { technicianCode: T, appointmentId, requestId, start, end },
});

// A-1 serves request R-1 on Thursday 26 November 2026 from 09:00 to 11:00 UTC.
const a1 = reserved('A-1', 'R-1', '2026-11-26T09:00:00.000Z', '2026-11-26T11:00:00.000Z');
const ref1 = { technicianCode: T, appointmentId: 'A-1', requestId: 'R-1' };
const isConflictWithA1 = (e: DomainError) =>
  e.code === 'schedule_conflict' &&
  e.message.includes('A-1') &&
  e.message.includes('R-1') &&
  e.message.includes('2026-11-26T09:00:00.000Z') &&
  JSON.stringify(e.details['conflicts']) ===
    JSON.stringify([
      {
        appointmentId: 'A-1',
        requestId: 'R-1',
        start: '2026-11-26T09:00:00.000Z',
        end: '2026-11-26T11:00:00.000Z',
      },
    ]);

describe('technician schedule decider', () => {
  describe('reserve', () => {
    it('books a free slot, storing the interval in UTC', () => {
      spec
        .given([])
        .when(reserve('A-1', 'R-1', '2026-11-26T10:00:00+01:00', 120))
        .then([a1]);
    });

    it('treats touching bookings as free: one ending when the next starts does not overlap', () => {
      spec
        .given([a1])
        .when(reserve('A-2', 'R-2', '2026-11-26T11:00:00Z', 60))
        .then([reserved('A-2', 'R-2', '2026-11-26T11:00:00.000Z', '2026-11-26T12:00:00.000Z')]);
      spec
        .given([a1])
        .when(reserve('A-0', 'R-0', '2026-11-26T08:00:00Z', 60))
        .then([reserved('A-0', 'R-0', '2026-11-26T08:00:00.000Z', '2026-11-26T09:00:00.000Z')]);
    });

    it('refuses an overlapping booking, naming the other appointment, its request and its times', () => {
      spec
        .given([a1])
        .when(reserve('A-2', 'R-2', '2026-11-26T10:59:00Z', 60))
        .thenThrows(DomainError, isConflictWithA1);
      spec
        .given([a1])
        .when(reserve('A-2', 'R-2', '2026-11-26T08:00:00Z', 240))
        .thenThrows(DomainError, isConflictWithA1);
    });

    it('decides nothing for a retried reservation, and refuses another booking under the same id', () => {
      spec
        .given([a1])
        .when(reserve('A-1', 'R-1', '2026-11-26T09:00:00Z', 120))
        .thenNothingHappens();
      spec
        .given([a1])
        .when(reserve('A-1', 'R-1', '2026-11-26T14:00:00Z', 60))
        .thenThrows(DomainError, (e) => e.code === 'appointment_exists');
    });

    it('refuses bad input naming the field', () => {
      spec
        .given([])
        .when(reserve('A-1', 'R-1', '2026-11-26 09:00', 60))
        .thenThrows(DomainError, (e) => e.code === 'invalid_start' && e.details['field'] === 'start');
      spec
        .given([])
        .when(reserve('A-1', 'R-1', '2026-11-26T09:00:00Z', -5))
        .thenThrows(DomainError, (e) => e.details['field'] === 'durationMinutes');
    });

    it('does not count a suspended appointment as busy', () => {
      const suspended: TechnicianScheduleEvent = {
        type: 'AppointmentSuspended',
        data: { ...ref1, reason: 'Parts' },
      };
      spec
        .given([a1, suspended])
        .when(reserve('A-2', 'R-2', '2026-11-26T09:00:00Z', 60))
        .then([reserved('A-2', 'R-2', '2026-11-26T09:00:00.000Z', '2026-11-26T10:00:00.000Z')]);
    });
  });

  describe('emergencies', () => {
    const emergency = (action: 'suspend' | 'remove') => ({
      ...reserve('E-9', 'R-9', '2026-11-26T10:00:00Z', 60),
      displace: [{ appointmentId: 'A-1', action }],
    });
    const e9 = reserved('E-9', 'R-9', '2026-11-26T10:00:00.000Z', '2026-11-26T11:00:00.000Z');
    const by = { byAppointmentId: 'E-9', byRequestId: 'R-9' };

    it('suspends the appointment in the way, saying by which request', () => {
      spec
        .given([a1])
        .when(emergency('suspend'))
        .then([{ type: 'AppointmentSuspended', data: { ...ref1, reason: 'emergency', ...by } }, e9]);
    });

    it('removes the appointment in the way, with its times so its request can be told', () => {
      spec
        .given([a1])
        .when(emergency('remove'))
        .then([
          {
            type: 'AppointmentRemoved',
            data: {
              ...ref1,
              start: '2026-11-26T09:00:00.000Z',
              end: '2026-11-26T11:00:00.000Z',
              reason: 'emergency',
              ...by,
            },
          },
          e9,
        ]);
    });

    it('still refuses when another appointment in the way is not named', () => {
      const a2 = reserved('A-2', 'R-2', '2026-11-26T11:00:00.000Z', '2026-11-26T12:00:00.000Z');
      spec
        .given([a1, a2])
        .when({ ...emergency('suspend'), durationMinutes: 90 })
        .thenThrows(
          DomainError,
          (e) =>
            e.code === 'schedule_conflict' &&
            e.message.includes('A-2') &&
            (e.details['conflicts'] as { appointmentId: string }[]).map((c) => c.appointmentId).join() ===
              'A-2',
        );
    });

    it('refuses to displace an unknown appointment or itself', () => {
      spec
        .given([])
        .when(emergency('remove'))
        .thenThrows(DomainError, (e) => e.code === 'unknown_appointment');
      spec
        .given([a1])
        .when({ ...emergency('suspend'), displace: [{ appointmentId: 'E-9', action: 'suspend' as const }] })
        .thenThrows(DomainError, (e) => e.code === 'invalid_displace');
    });

    it('a displaced-and-suspended appointment cannot resume while its slot is taken', () => {
      const suspended: TechnicianScheduleEvent = {
        type: 'AppointmentSuspended',
        data: { ...ref1, reason: 'emergency', ...by },
      };
      spec
        .given([a1, suspended, e9])
        .when({ type: 'resume', technicianCode: T, appointmentId: 'A-1' })
        .thenThrows(DomainError, (e) => e.code === 'schedule_conflict' && e.message.includes('E-9'));
    });
  });

  describe('confirm', () => {
    it('confirms a reservation once', () => {
      const confirm = { type: 'confirm' as const, technicianCode: T, appointmentId: 'A-1' };
      const confirmed: TechnicianScheduleEvent = { type: 'AppointmentConfirmed', data: ref1 };
      spec.given([a1]).when(confirm).then([confirmed]);
      spec.given([a1, confirmed]).when(confirm).thenNothingHappens();
    });

    it('refuses an unknown appointment, and a released one', () => {
      const confirm = { type: 'confirm' as const, technicianCode: T, appointmentId: 'A-1' };
      spec
        .given([])
        .when(confirm)
        .thenThrows(DomainError, (e) => e.code === 'unknown_appointment');
      const released: TechnicianScheduleEvent = {
        type: 'AppointmentReleased',
        data: {
          ...ref1,
          start: '2026-11-26T09:00:00.000Z',
          end: '2026-11-26T11:00:00.000Z',
          reason: 'Unassigned',
        },
      };
      spec
        .given([a1, released])
        .when(confirm)
        .thenThrows(DomainError, (e) => e.code === 'unknown_appointment');
    });
  });

  describe('release', () => {
    const release = {
      type: 'release' as const,
      technicianCode: T,
      appointmentId: 'A-1',
      reason: 'request not assigned',
    };
    const released: TechnicianScheduleEvent = {
      type: 'AppointmentReleased',
      data: {
        ...ref1,
        start: '2026-11-26T09:00:00.000Z',
        end: '2026-11-26T11:00:00.000Z',
        reason: 'request not assigned',
      },
    };

    it('compensates a reservation whose request step failed, freeing the slot', () => {
      spec.given([a1]).when(release).then([released]);
      spec
        .given([a1, released])
        .when(reserve('A-2', 'R-2', '2026-11-26T09:00:00Z', 120))
        .then([reserved('A-2', 'R-2', '2026-11-26T09:00:00.000Z', '2026-11-26T11:00:00.000Z')]);
    });

    it('decides nothing when released again, and refuses an appointment never booked', () => {
      spec.given([a1, released]).when(release).thenNothingHappens();
      spec
        .given([])
        .when(release)
        .thenThrows(DomainError, (e) => e.code === 'unknown_appointment');
    });
  });

  describe('move', () => {
    const a2 = reserved('A-2', 'R-2', '2026-11-26T13:00:00.000Z', '2026-11-26T14:00:00.000Z');
    const move = (start: string, durationMinutes: number) => ({
      type: 'move' as const,
      technicianCode: T,
      appointmentId: 'A-2',
      start,
      durationMinutes,
    });

    it('reschedules to a free slot, keeping where it was', () => {
      spec
        .given([a1, a2])
        .when(move('2026-11-26T11:00:00Z', 90))
        .then([
          {
            type: 'AppointmentMoved',
            data: {
              technicianCode: T,
              appointmentId: 'A-2',
              requestId: 'R-2',
              fromStart: '2026-11-26T13:00:00.000Z',
              fromEnd: '2026-11-26T14:00:00.000Z',
              start: '2026-11-26T11:00:00.000Z',
              end: '2026-11-26T12:30:00.000Z',
            },
          },
        ]);
    });

    it('refuses a busy slot, naming the other appointment, and may overlap its own old time', () => {
      spec.given([a1, a2]).when(move('2026-11-26T10:00:00Z', 60)).thenThrows(DomainError, isConflictWithA1);
      spec
        .given([a1, a2])
        .when(move('2026-11-26T13:30:00Z', 60))
        .then([
          {
            type: 'AppointmentMoved',
            data: {
              technicianCode: T,
              appointmentId: 'A-2',
              requestId: 'R-2',
              fromStart: '2026-11-26T13:00:00.000Z',
              fromEnd: '2026-11-26T14:00:00.000Z',
              start: '2026-11-26T13:30:00.000Z',
              end: '2026-11-26T14:30:00.000Z',
            },
          },
        ]);
    });

    it('decides nothing when the time does not change, and refuses an unknown appointment', () => {
      spec.given([a1, a2]).when(move('2026-11-26T14:00:00+01:00', 60)).thenNothingHappens();
      spec
        .given([a1])
        .when(move('2026-11-26T15:00:00Z', 60))
        .thenThrows(DomainError, (e) => e.code === 'unknown_appointment');
    });
  });

  describe('suspend and resume', () => {
    const suspend = {
      type: 'suspend' as const,
      technicianCode: T,
      appointmentId: 'A-1',
      reason: 'Waiting for parts',
    };
    const resume = { type: 'resume' as const, technicianCode: T, appointmentId: 'A-1' };
    const confirmed: TechnicianScheduleEvent = { type: 'AppointmentConfirmed', data: ref1 };
    const suspended: TechnicianScheduleEvent = {
      type: 'AppointmentSuspended',
      data: { ...ref1, reason: 'Waiting for parts' },
    };

    it('suspends once and resumes once, back to what it was', () => {
      spec.given([a1, confirmed]).when(suspend).then([suspended]);
      spec.given([a1, confirmed, suspended]).when(suspend).thenNothingHappens();
      spec
        .given([a1, confirmed, suspended])
        .when(resume)
        .then([{ type: 'AppointmentResumed', data: ref1 }]);
      spec.given([a1]).when(resume).thenNothingHappens();
      const state = [
        a1,
        confirmed,
        suspended,
        { type: 'AppointmentResumed', data: ref1 } as TechnicianScheduleEvent,
      ].reduce(technicianScheduleDecider.evolve, technicianScheduleDecider.initialState);
      expect(state.appointments['A-1']?.status).toBe('confirmed');
    });

    it('refuses an unknown appointment', () => {
      spec
        .given([])
        .when(suspend)
        .thenThrows(DomainError, (e) => e.code === 'unknown_appointment');
      spec
        .given([])
        .when(resume)
        .thenThrows(DomainError, (e) => e.code === 'unknown_appointment');
    });
  });
});
