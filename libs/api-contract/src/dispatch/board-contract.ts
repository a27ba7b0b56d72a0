import { z } from 'zod';
import {
  serviceRequestPrioritySchema,
  serviceRequestStatusSchema,
} from '../service-requests/service-request-bodies';
import { appointmentStatusSchema } from '../service-requests/service-request-answers';

/**
 * The dispatch board: technicians as rows, their appointments on a time axis, for the window on
 * screen only (`GET /api/dispatch/board`). One answer for every row, so a board of 300 technicians
 * costs one request, not 300 agendas. Instants are ISO strings in UTC.
 */

const isoInstant = z.iso.datetime({ offset: true });
const code = z.string().trim().min(1).max(64);

/** The longest window one board answer covers: a fortnight, more than any board shows at once. */
export const BOARD_MAX_DAYS = 14;
/** Rows one answer holds at most; the answer says when a filter cut it short. */
export const BOARD_MAX_TECHNICIANS = 1000;

export const boardQuerySchema = z
  .object({
    from: isoInstant,
    to: isoInstant,
    /** The service centre (unit): its technicians and those of the units below it. */
    unitCode: code.optional(),
    /** Technicians whose unit serves the zone (the zone's unit and the units below it). */
    zoneCode: code.optional(),
    /** Technicians holding the skill (through a role or personally, any level). */
    skillCode: code.optional(),
  })
  .strict()
  .refine((query) => Date.parse(query.to) > Date.parse(query.from), {
    message: '`to` must be after `from`',
    path: ['to'],
  })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= BOARD_MAX_DAYS * 86_400_000, {
    message: `A board covers at most ${BOARD_MAX_DAYS} days`,
    path: ['to'],
  });
export type BoardQuery = z.input<typeof boardQuerySchema>;

export const boardTechnicianSchema = z.object({
  code: z.string(),
  name: z.string(),
  unitCode: z.string().optional(),
  unitName: z.string().optional(),
  /** The technician's IANA time zone (their calendar's, else their unit's). */
  timeZone: z.string(),
  /** Skill codes held (through roles or personally), for the row's tooltip and filters. */
  skillCodes: z.array(z.string()),
  active: z.boolean(),
});
export type BoardTechnician = z.infer<typeof boardTechnicianSchema>;

export const boardAppointmentSchema = z.object({
  appointmentId: z.string(),
  technicianCode: z.string(),
  requestId: z.string(),
  start: z.string(),
  end: z.string(),
  status: appointmentStatusSchema,
  /** The request's words, when the reader may see the request (else only the busy time shows). */
  request: z
    .object({
      reference: z.string(),
      status: serviceRequestStatusSchema,
      priority: serviceRequestPrioritySchema,
      /** The request's revision, for the `If-Match` of a drag that moves it. */
      version: z.number().int(),
      customerName: z.string().optional(),
      siteName: z.string().optional(),
      /** Other technicians on the same request (a synchronized intervention). */
      crew: z.array(z.string()),
    })
    .optional(),
});
export type BoardAppointment = z.infer<typeof boardAppointmentSchema>;

export const boardAnswerSchema = z.object({
  from: z.string(),
  to: z.string(),
  technicians: z.array(boardTechnicianSchema),
  appointments: z.array(boardAppointmentSchema),
  /** True when more technicians matched than one answer holds: narrow the filter. */
  truncated: z.boolean(),
});
export type BoardAnswer = z.infer<typeof boardAnswerSchema>;

export const boardPaths = { board: '/dispatch/board' } as const;
