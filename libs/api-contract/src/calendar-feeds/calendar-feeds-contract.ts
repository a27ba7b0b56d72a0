import { z } from 'zod';

/**
 * Private calendar feeds: a technician's or a team's appointments as an iCalendar URL that phone
 * calendars subscribe to. The URL carries the secret (calendar apps cannot send headers), so it is
 * shown once, when the feed is made or regenerated, and only its hash is kept. Instants are ISO
 * strings in UTC.
 */

const code = z.string().trim().min(1).max(64);

export const calendarFeedScopeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('technician'), code }).strict(),
    z.object({ kind: z.literal('unit'), code }).strict(),
  ],
  { error: 'A scope is { kind: "technician" | "unit", code }' },
);
export type CalendarFeedScopeBody = z.infer<typeof calendarFeedScopeSchema>;

/** `POST /api/me/calendar-feeds`. */
export const createCalendarFeedBodySchema = z
  .object({
    /** What the phone lists the calendar as. */
    name: z.string().trim().min(1, 'Give the feed a name').max(100),
    /** A technician's appointments (a technician: their own), or a unit's (desk and managers). */
    scope: calendarFeedScopeSchema,
  })
  .strict();
export type CreateCalendarFeedBody = z.input<typeof createCalendarFeedBodySchema>;

export const calendarFeedSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.object({
    kind: z.enum(['technician', 'unit']),
    code: z.string(),
    /** The technician's or unit's name, when known. */
    name: z.string().optional(),
  }),
  ownerId: z.string(),
  ownerName: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: z.string(),
  /** When the current URL was made: at creation, or at the last regeneration. */
  urlIssuedAt: z.string(),
  /** When a calendar app last fetched it (recorded at most hourly), and which app said it was. */
  lastFetchedAt: z.string().nullable(),
  lastFetchedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type CalendarFeedView = z.infer<typeof calendarFeedSchema>;

/** What creation and regeneration answer, once: the URL with its secret. */
export const calendarFeedWithUrlSchema = calendarFeedSchema.extend({
  /** `https://…/api/calendar-feeds/<token>.ics`: for Google Calendar ("From URL") and Outlook. */
  url: z.string(),
  /** The same as `webcal://…`: a click opens the subscription in Apple Calendar and Outlook. */
  webcalUrl: z.string(),
});
export type CalendarFeedWithUrl = z.infer<typeof calendarFeedWithUrlSchema>;

/** `GET /api/me/calendar-feeds` and, for administrators and auditors, `GET /api/calendar-feeds`. */
export const calendarFeedListSchema = z.object({
  feeds: z.array(calendarFeedSchema),
  /** Active feeds one user may hold. */
  maxFeeds: z.number().int(),
  /** The days before and after today that a feed covers. */
  window: z.object({ pastDays: z.number().int(), futureDays: z.number().int() }),
});
export type CalendarFeedList = z.infer<typeof calendarFeedListSchema>;

/** `GET /api/calendar-feeds?ownerId=`: every active feed, or one user's. */
export const calendarFeedAdminQuerySchema = z
  .object({ ownerId: z.string().trim().min(1).max(100).optional() })
  .strict();

/** Where calendar feeds live, relative to `/api` (Nest's path syntax). */
export const calendarFeedPaths = {
  mine: '/me/calendar-feeds',
  mineOne: '/me/calendar-feeds/:feedId',
  regenerate: '/me/calendar-feeds/:feedId/regenerate',
  all: '/calendar-feeds',
  one: '/calendar-feeds/:feedId',
  /** Public: the token is the credential. */
  ics: '/calendar-feeds/:token.ics',
} as const;
