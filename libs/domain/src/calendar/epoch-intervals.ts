/**
 * Interval arithmetic on half-open [from, to) epoch-millisecond pairs. Numbers rather than Temporal
 * objects because composition does many comparisons and numbers compare with `<`.
 */
export interface EpochInterval {
  readonly from: number;
  readonly to: number;
}

/** Sorts and merges overlapping or touching intervals, dropping empty ones. */
export function mergeIntervals(intervals: readonly EpochInterval[]): EpochInterval[] {
  const sorted = intervals.filter((i) => i.from < i.to).sort((a, b) => a.from - b.from);
  const merged: EpochInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.from <= last.to) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, interval.to) };
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

/** The parts of `intervals` that lie inside `within`: one sweep over both, merged and sorted. */
export function intersectIntervals(
  intervals: readonly EpochInterval[],
  within: readonly EpochInterval[],
): EpochInterval[] {
  const a = mergeIntervals(intervals);
  const b = mergeIntervals(within);
  const result: EpochInterval[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const from = Math.max(a[i]!.from, b[j]!.from);
    const to = Math.min(a[i]!.to, b[j]!.to);
    if (from < to) result.push({ from, to });
    if (a[i]!.to < b[j]!.to) i++;
    else j++;
  }
  return result;
}

/** The parts of `intervals` outside every interval of `removed`. */
export function subtractIntervals(
  intervals: readonly EpochInterval[],
  removed: readonly EpochInterval[],
): EpochInterval[] {
  let remaining = mergeIntervals(intervals);
  for (const cut of mergeIntervals(removed)) {
    remaining = remaining.flatMap((i) => {
      if (cut.to <= i.from || cut.from >= i.to) return [i];
      const parts: EpochInterval[] = [];
      if (i.from < cut.from) parts.push({ from: i.from, to: cut.from });
      if (cut.to < i.to) parts.push({ from: cut.to, to: i.to });
      return parts;
    });
  }
  return remaining;
}

/**
 * The earliest instant of [from, to) not covered by the merged, sorted `covered`, or undefined
 * when [from, to) lies inside one of them.
 */
export function firstUncovered(
  covered: readonly EpochInterval[],
  from: number,
  to: number,
): number | undefined {
  let t = from;
  for (const interval of covered) {
    if (interval.to <= t) continue;
    if (interval.from > t) break;
    t = interval.to;
  }
  return t < to ? t : undefined;
}
