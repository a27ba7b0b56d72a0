import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { timeZone } from '../master-data/fields';
import { NOTIFICATION_TOPICS, type NotificationTopic, URGENT_TOPICS } from './notification-topics';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day, HH:MM');

/**
 * A user's own say on what reaches them outside the application. The inbox always receives
 * everything a rule sends them; these switch the other channels and hold them back at night.
 */
export const notificationPreferencesSchema = z
  .object({
    email: z.boolean().default(true),
    sms: z.boolean().default(false),
    push: z.boolean().default(true),
    /** Outside channels wait until `to` when a notification falls between `from` and `to`. */
    quietHours: z
      .object({ from: clock, to: clock })
      .strict()
      .refine((hours) => hours.from !== hours.to, { message: 'Quiet hours start and end at different times' })
      .optional(),
    timeZone: timeZone.default('Europe/Rome'),
    /** Topics the user wants only in the inbox. */
    mutedTopics: z.array(z.enum(NOTIFICATION_TOPICS)).max(NOTIFICATION_TOPICS.length).default([]),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = notificationPreferencesSchema.parse(
  {},
);

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When an outside channel may deliver a notification raised at `at`: at once, or at the end of
 * the recipient's quiet hours (read in their zone; hours may span midnight, 22:00–07:00). Urgent
 * topics (a breach, an escalation) never wait.
 */
export function deliverableFrom(
  preferences: Pick<NotificationPreferences, 'quietHours' | 'timeZone'>,
  topic: NotificationTopic,
  at: number,
): number {
  const quiet = preferences.quietHours;
  if (!quiet || URGENT_TOPICS.has(topic)) return at;
  const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(preferences.timeZone);
  const now = local.hour * 60 + local.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const inside = from < to ? now >= from && now < to : now >= from || now < to;
  if (!inside) return at;
  // The end is today at `to`, or tomorrow when the quiet hours began yesterday... or began today.
  const endDay = from < to || now < to ? local.toPlainDate() : local.toPlainDate().add({ days: 1 });
  const endLocal = endDay.toPlainDateTime(Temporal.PlainTime.from(quiet.to));
  const end = endLocal.toZonedDateTime(preferences.timeZone).toInstant().epochMilliseconds;
  // The night the clocks go back, a `to` such as 02:30 happens twice: once raised in the second
  // pass, the first one lies behind `at`, and the quiet hours end at the second.
  return end > at
    ? end
    : endLocal.toZonedDateTime(preferences.timeZone, { disambiguation: 'later' }).toInstant()
        .epochMilliseconds;
}
