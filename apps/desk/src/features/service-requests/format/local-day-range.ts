/** The local (browser) day containing `instant`, as UTC instants [start of day, start of next day). */
export function localDayRange(instant: string): { from: string; to: string } {
  const start = new Date(instant);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  // setDate, not +24 h: a day with a DST change is 23 or 25 hours long.
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}
