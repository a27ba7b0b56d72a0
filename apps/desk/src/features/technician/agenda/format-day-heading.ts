/** A `YYYY-MM-DD` day as a heading in the user's language: "Friday 27 November". */
export function formatDayHeading(day: string, language: string): string {
  // Noon UTC of that calendar day, formatted in UTC: the same day whatever the device's zone.
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${day}T12:00:00Z`));
}
