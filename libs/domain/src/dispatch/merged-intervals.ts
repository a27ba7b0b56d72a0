import { type EpochInterval, intersectIntervals } from '../calendar/epoch-intervals';

/**
 * `intersectIntervals`, without merging again what already is: a layer's open stretches and their
 * intersections come merged and sorted, and merging them anew copies both lists (and sorts them)
 * for every technician whose leave narrows their unit's hours. Anything else goes the long way.
 */
export function intersectMerged(
  intervals: readonly EpochInterval[],
  within: readonly EpochInterval[],
): EpochInterval[] {
  if (!isMerged(intervals) || !isMerged(within)) return intersectIntervals(intervals, within);
  const result: EpochInterval[] = [];
  for (let i = 0, j = 0; i < intervals.length && j < within.length;) {
    const a = intervals[i]!;
    const b = within[j]!;
    const from = Math.max(a.from, b.from);
    const to = Math.min(a.to, b.to);
    if (from < to) result.push({ from, to });
    if (a.to < b.to) i++;
    else j++;
  }
  return result;
}

/** Sorted, none empty, none overlapping or touching: what mergeIntervals gives, and leaves as it is. */
function isMerged(intervals: readonly EpochInterval[]): boolean {
  for (let i = 0; i < intervals.length; i++) {
    const interval = intervals[i]!;
    if (!(interval.from < interval.to)) return false;
    if (i > 0 && !(intervals[i - 1]!.to < interval.from)) return false;
  }
  return true;
}
