const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The visible range widened by a day each side, as UTC ISO strings: whatever time zone the
 * calendar shows, events overlapping its edges are fetched too.
 */
export function paddedRange(start: Date, end: Date): { from: string; to: string } {
  return {
    from: new Date(start.getTime() - DAY_MS).toISOString(),
    to: new Date(end.getTime() + DAY_MS).toISOString(),
  };
}
