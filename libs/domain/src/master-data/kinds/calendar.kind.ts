import { z } from 'zod';
import { countryCode, name, timeZone } from '../fields';
import { defineKind } from '../master-data-kind';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day, HH:MM');
const interval = z.object({ from: clock, to: clock }).strict();
const day = z.array(interval).max(8);
const dateOrDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d)?$/,
    'A date YYYY-MM-DD or a local date-time YYYY-MM-DDTHH:MM',
  );

export const calendarExceptionSchema = z
  .object({
    kind: z.enum(['closed', 'open']),
    from: dateOrDateTime,
    to: dateOrDateTime,
    reason: z.string().trim().min(1, 'Say why (leave, sickness, site closed...)').max(200),
  })
  .strict()
  .superRefine((exception, ctx) => {
    if (exception.from.length !== exception.to.length) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Both ends are dates, or both are date-times' });
    } else if (
      exception.to < exception.from ||
      (exception.from.length > 10 && exception.to === exception.from)
    ) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end comes after the start' });
    }
  });

/**
 * One calendar layer (see the domain's CalendarLayer): a country's or unit's working hours, a
 * technician's personal calendar with leave, a site's access windows, a contract's service hours.
 */
export const calendarSchema = z
  .object({
    name,
    purpose: z.enum(['working-hours', 'technician', 'site-access', 'service-hours']),
    timeZone,
    weeklyHours: z
      .object({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })
      .partial()
      .strict()
      .optional(),
    holidays: z
      .object({
        country: countryCode,
        subdivision: z
          .string()
          .regex(/^[A-Z0-9]{1,3}$/)
          .optional(),
      })
      .strict()
      .optional(),
    exceptions: z.array(calendarExceptionSchema).max(2000).default([]),
  })
  .strict();
export type Calendar = z.infer<typeof calendarSchema>;

export const calendarKind = defineKind({
  name: 'calendar',
  plural: 'calendars',
  schema: calendarSchema,
  references: () => [],
  scope: () => ({}),
  searchFields: ['name'],
  columns: ['name', 'purpose', 'timeZone'],
});
