/**
 * The week the board opens on, on the browser's clock: Monday 00:00 to the next Monday (the
 * timeline's `firstDay` is Monday). Known before the calendar is drawn, so the board's data is
 * asked for while FullCalendar's code still loads; the calendar's own range then confirms it.
 */
export function currentWeek(now: Date): { from: string; to: string } {
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
  const next = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7);
  return { from: monday.toISOString(), to: next.toISOString() };
}
