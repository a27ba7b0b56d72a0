import type { EpochInterval } from '../calendar/epoch-intervals';
import { type GeoPoint, type TravelModel, estimateTravel, travelMinutes } from './travel-estimate';

const MINUTE = 60_000;

/** Time a technician already gave away: an appointment (or any busy stretch) and where it is. */
export interface Booking {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly location?: GeoPoint;
  /** What a dispatcher reads ("SR-1A2B3C4D · ACME"). */
  readonly label: string;
  readonly requestId?: string;
}

/** Where a visit may start: every instant from `earliest` to `latest`, both included. */
export interface StartWindow {
  readonly earliest: number;
  readonly latest: number;
}

export interface SlotQuestion {
  /** Where the technician is working and the site is accessible, merged and sorted. */
  readonly open: readonly EpochInterval[];
  readonly bookings: readonly Booking[];
  readonly durationMinutes: number;
  readonly site?: GeoPoint;
  readonly travel: TravelModel;
  /** No start before this (now, or what the dispatcher asked). */
  readonly notBefore: number;
  /** No start after this (the horizon searched). */
  readonly notAfter: number;
}

/**
 * Every instant a visit of `durationMinutes` may start at: inside one open stretch from start to
 * end (work is not split over a night or a closure), and clear of every booking including the
 * drive from it and back to it.
 *
 * A booking b forbids the starts s with s < b.to + drive(b → site) and
 * s + duration + drive(site → b) > b.from: the open stretch
 * (b.from − drive(site → b) − duration, b.to + drive(b → site)). Its ends stay allowed (a visit may
 * end exactly when the drive to the next one must begin). Linear in open stretches plus bookings
 * once sorted: the open stretches give the windows, the forbidden stretches are cut out of them in
 * one sweep.
 */
export function startWindows(question: SlotQuestion): StartWindow[] {
  const duration = question.durationMinutes * MINUTE;
  const windows: StartWindow[] = [];
  for (const stretch of question.open) {
    const earliest = Math.max(stretch.from, question.notBefore);
    const latest = Math.min(stretch.to - duration, question.notAfter);
    if (earliest <= latest) windows.push({ earliest, latest });
  }
  if (windows.length === 0) return windows;
  const forbidden = mergedForbidden(
    forbiddenStartsWithin(question, duration, windows[0]!.earliest, windows[windows.length - 1]!.latest),
  );
  // One sweep: both lists are sorted, the windows disjoint, the forbidden stretches merged.
  const allowed: StartWindow[] = [];
  let k = 0;
  for (const window of windows) {
    let earliest = window.earliest;
    while (k < forbidden.length && forbidden[k]!.to <= earliest) k++;
    for (let j = k; j < forbidden.length && forbidden[j]!.from < window.latest; j++) {
      const cut = forbidden[j]!;
      // Both ends of a forbidden stretch stay allowed (it is open).
      if (cut.from >= earliest) allowed.push({ earliest, latest: cut.from });
      earliest = Math.max(earliest, cut.to);
      if (earliest > window.latest) break;
    }
    if (earliest <= window.latest) allowed.push({ earliest, latest: window.latest });
  }
  return allowed;
}

/**
 * `gridStarts(startWindows(question), gridMinutes)`, cut short after the first `count`: the same
 * sweep, without building the windows (a fortnight of them per technician) only to keep a few.
 * A proposal offers the earliest start and a few later ones; a counterfactual needs one.
 */
export function earliestGridStarts(question: SlotQuestion, gridMinutes: number, count: number): number[] {
  const duration = question.durationMinutes * MINUTE;
  const grid = gridMinutes * MINUTE;
  const starts: number[] = [];
  // The windows are the open stretches' starts clipped to [notBefore, notAfter]; the first's
  // earliest and the last's latest bound the forbidden stretches worth cutting, as in startWindows.
  let first: number | undefined;
  let last: number | undefined;
  for (const stretch of question.open) {
    const earliest = Math.max(stretch.from, question.notBefore);
    const latest = Math.min(stretch.to - duration, question.notAfter);
    if (earliest > latest) continue;
    first ??= earliest;
    last = latest;
  }
  if (first === undefined || last === undefined || count <= 0) return starts;
  const forbidden = mergedForbidden(forbiddenStartsWithin(question, duration, first, last));
  const offer = (earliest: number, latest: number) => {
    const start = Math.ceil(earliest / grid) * grid;
    if (start <= latest) starts.push(start);
    return starts.length >= count;
  };
  let k = 0;
  for (const stretch of question.open) {
    let earliest = Math.max(stretch.from, question.notBefore);
    const latest = Math.min(stretch.to - duration, question.notAfter);
    if (earliest > latest) continue;
    while (k < forbidden.length && forbidden[k]!.to <= earliest) k++;
    for (let j = k; j < forbidden.length && forbidden[j]!.from < latest; j++) {
      const cut = forbidden[j]!;
      if (cut.from >= earliest && offer(earliest, cut.from)) return starts;
      earliest = Math.max(earliest, cut.to);
      if (earliest > latest) break;
    }
    if (earliest <= latest && offer(earliest, latest)) return starts;
  }
  return starts;
}

/**
 * Overlapping open stretches joined; two that only touch stay apart, since the instant between
 * them belongs to neither.
 */
function mergedForbidden(stretches: EpochInterval[]): EpochInterval[] {
  const merged: EpochInterval[] = [];
  for (const stretch of stretches) {
    const last = merged[merged.length - 1];
    if (last && stretch.from < last.to)
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, stretch.to) };
    else merged.push(stretch);
  }
  return merged;
}

/** The open stretches of starts each booking rules out, with the drives around it. */
export function forbiddenStarts(question: SlotQuestion, durationMs: number): EpochInterval[] {
  return forbiddenStartsWithin(question, durationMs, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
}

/**
 * Those of `forbiddenStarts` that reach into (after, before), sorted by start: an agenda runs
 * weeks past the horizon searched, and only the stretches that can cut a window are kept.
 */
function forbiddenStartsWithin(
  question: SlotQuestion,
  durationMs: number,
  after: number,
  before: number,
): EpochInterval[] {
  const forbidden: EpochInterval[] = [];
  for (const booking of question.bookings) {
    const there = travelMinutes(booking.location, question.site, question.travel);
    const back = travelMinutes(question.site, booking.location, question.travel);
    const from = booking.from - back * MINUTE - durationMs;
    const to = booking.to + there * MINUTE;
    if (from < before && to > after) forbidden.push({ from, to });
  }
  return forbidden.sort((a, b) => a.from - b.from);
}

/**
 * The first start on the grid (every `gridMinutes` since the epoch: quarter hours are quarter
 * hours in every zone whose offset is a multiple of 15 minutes, which is all of them) within each
 * window, in order; windows narrower than a grid step offer none.
 */
export function gridStarts(windows: readonly StartWindow[], gridMinutes: number): number[] {
  const grid = gridMinutes * MINUTE;
  const starts: number[] = [];
  for (const window of windows) {
    const start = Math.ceil(window.earliest / grid) * grid;
    if (start <= window.latest) starts.push(start);
  }
  return starts;
}

/**
 * The reference answer, by brute force: every grid step from `notBefore` on, checked against every
 * open stretch and every booking. What the property tests hold `startWindows` to, and the naive
 * baseline the proposal benchmark compares with.
 */
export function naiveEarliestStart(question: SlotQuestion, gridMinutes: number): number | undefined {
  const duration = question.durationMinutes * MINUTE;
  const grid = gridMinutes * MINUTE;
  for (let start = Math.ceil(question.notBefore / grid) * grid; start <= question.notAfter; start += grid) {
    if (visitFits(question, start, duration)) return start;
  }
  return undefined;
}

/** Whether a visit starting at `start` lies inside one open stretch and clear of every booking. */
export function visitFits(question: SlotQuestion, start: number, durationMs: number): boolean {
  const end = start + durationMs;
  if (!question.open.some((stretch) => stretch.from <= start && end <= stretch.to)) return false;
  return question.bookings.every((booking) => {
    const there = estimateTravel(booking.location, question.site, question.travel)?.minutes ?? 0;
    const back = estimateTravel(question.site, booking.location, question.travel)?.minutes ?? 0;
    return end + back * MINUTE <= booking.from || booking.to + there * MINUTE <= start;
  });
}
