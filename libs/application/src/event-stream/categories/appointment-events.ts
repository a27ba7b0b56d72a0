import type { TechnicianScheduleEvent } from '@fieldstream/domain';
import { z } from 'zod';
import { publishedTypes } from '../published-event-type';
import { code, instant } from './payload-fields';

const appointment = {
  technicianCode: code,
  appointmentId: z.string(),
  requestId: z.string().meta({ description: 'The request the appointment serves.' }),
};
const slot = { start: instant, end: instant };
const displacement = {
  byAppointmentId: z.string().meta({ description: 'The emergency booking that displaced it.' }),
  byRequestId: z.string(),
};

const REF = {
  technicianCode: 'T-MI-1',
  appointmentId: '0d6c1e9a-2b3f-4c5d-8e7f-9a0b1c2d3e4f',
  requestId: 'f1d2c3b4-a5e6-4f70-8a91-b2c3d4e5f607',
};
const SLOT = { start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T11:00:00.000Z' };
const BY = {
  byAppointmentId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  byRequestId: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
};

/**
 * Technicians' schedules, one stream per technician and ISO week (`technician-schedule-<uuid>`):
 * the bookings behind each request's planned slots. Times are UTC; intervals are [start, end).
 */
export const APPOINTMENT_EVENTS = publishedTypes<TechnicianScheduleEvent>(
  'appointments',
  {
    streamPrefix: 'technician-schedule-',
    streamId: 'uuid',
    entity: 'appointment',
    typePrefix: 'Appointment',
  },
  {
    AppointmentReserved: {
      summary: "A slot was reserved in a technician's schedule for a request (not yet confirmed).",
      payload: z.object({ ...appointment, ...slot }),
      example: { ...REF, ...SLOT },
    },
    AppointmentConfirmed: {
      summary: 'The reservation was confirmed: the request was assigned.',
      payload: z.object(appointment),
      example: REF,
    },
    AppointmentReleased: {
      summary: 'The slot was given back (the assignment did not happen, or was undone).',
      payload: z.object({ ...appointment, ...slot, reason: z.string() }),
      example: { ...REF, ...SLOT, reason: 'Unassigned' },
    },
    AppointmentMoved: {
      summary: 'The appointment moved to another slot.',
      payload: z.object({ ...appointment, fromStart: instant, fromEnd: instant, ...slot }),
      example: {
        ...REF,
        fromStart: SLOT.start,
        fromEnd: SLOT.end,
        start: '2026-12-02T09:00:00.000Z',
        end: '2026-12-02T11:00:00.000Z',
      },
    },
    AppointmentSuspended: {
      summary: 'The appointment is on hold (its request suspended, or displaced by an emergency).',
      payload: z.object({
        ...appointment,
        reason: z.string(),
        byAppointmentId: displacement.byAppointmentId.optional(),
        byRequestId: displacement.byRequestId.optional(),
      }),
      example: { ...REF, reason: 'Displaced by an emergency', ...BY },
    },
    AppointmentResumed: {
      summary: 'A suspended appointment holds its slot again.',
      payload: z.object(appointment),
      example: REF,
    },
    AppointmentRemoved: {
      summary: 'The appointment was removed to make room for an emergency booking.',
      payload: z.object({ ...appointment, ...slot, reason: z.string(), ...displacement }),
      example: { ...REF, ...SLOT, reason: 'Emergency at the same hour', ...BY },
    },
  },
);
