import type { EpochInterval } from '../calendar/epoch-intervals';
import {
  type GeoPoint,
  type TravelModel,
  estimateTravel,
  longestTravelMinutes,
  travelMinutes,
  travelMinutesAtMost,
} from './travel-estimate';

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
    while (k < forbidden.length && forbidden[k + 1]! <= earliest) k += 2;
    for (let j = k; j < forbidden.length && forbidden[j]! < window.latest; j += 2) {
      // Both ends of a forbidden stretch stay allowed (it is open).
      if (forbidden[j]! >= earliest) allowed.push({ earliest, latest: forbidden[j]! });
      earliest = Math.max(earliest, forbidden[j + 1]!);
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
  if (count <= 0) return starts;
  // The windows are the open stretches' starts clipped to [notBefore, notAfter]; the first's
  // earliest and the last's latest bound the forbidden stretches worth cutting, as in startWindows.
  const first = firstWindowStart(question, duration);
  const last = lastWindowEnd(question, duration);
  if (first === undefined || last === undefined) return starts;
  const forbidden = mergedForbidden(forbiddenStartsWithin(question, duration, first, last));
  let k = 0;
  for (const stretch of question.open) {
    let earliest = Math.max(stretch.from, question.notBefore);
    const latest = Math.min(stretch.to - duration, question.notAfter);
    if (earliest > latest) continue;
    while (k < forbidden.length && forbidden[k + 1]! <= earliest) k += 2;
    for (let j = k; j < forbidden.length && forbidden[j]! < latest; j += 2) {
      if (forbidden[j]! >= earliest && offerStart(starts, earliest, forbidden[j]!, grid) >= count)
        return starts;
      earliest = Math.max(earliest, forbidden[j + 1]!);
      if (earliest > latest) break;
    }
    if (earliest <= latest && offerStart(starts, earliest, latest, grid) >= count) return starts;
  }
  return starts;
}

/** Adds the window's first start on the grid, if it has one; how many starts there are now. */
function offerStart(starts: number[], earliest: number, latest: number, grid: number): number {
  const start = Math.ceil(earliest / grid) * grid;
  if (start <= latest) starts.push(start);
  return starts.length;
}

/**
 * The earliest start of the first window and the latest of the last, both undefined without any:
 * the first looked for from the front, the last from the back, a fortnight of stretches between.
 */
function firstWindowStart(question: SlotQuestion, duration: number): number | undefined {
  for (const stretch of question.open) {
    const earliest = Math.max(stretch.from, question.notBefore);
    if (earliest <= Math.min(stretch.to - duration, question.notAfter)) return earliest;
  }
  return undefined;
}

function lastWindowEnd(question: SlotQuestion, duration: number): number | undefined {
  for (let i = question.open.length - 1; i >= 0; i--) {
    const stretch = question.open[i]!;
    const latest = Math.min(stretch.to - duration, question.notAfter);
    if (Math.max(stretch.from, question.notBefore) <= latest) return latest;
  }
  return undefined;
}

/**
 * Forbidden stretches as flat pairs [from₀, to₀, from₁, to₁, …]: a technician has a handful per
 * question and a proposal asks about hundreds of technicians; numbers in one array cost the garbage
 * collector nothing each, where an object per stretch costs the object and a box per epoch-ms.
 */
type FlatStretches = number[];

/**
 * Overlapping open stretches joined, in place; two that only touch stay apart, since the instant
 * between them belongs to neither.
 */
function mergedForbidden(stretches: FlatStretches): FlatStretches {
  let kept = 0;
  for (let i = 0; i < stretches.length; i += 2) {
    if (kept > 0 && stretches[i]! < stretches[kept - 1]!) {
      stretches[kept - 1] = Math.max(stretches[kept - 1]!, stretches[i + 1]!);
    } else {
      stretches[kept] = stretches[i]!;
      stretches[kept + 1] = stretches[i + 1]!;
      kept += 2;
    }
  }
  stretches.length = kept;
  return stretches;
}

/** The open stretches of starts each booking rules out, with the drives around it. */
export function forbiddenStarts(question: SlotQuestion, durationMs: number): EpochInterval[] {
  const flat = forbiddenStartsWithin(
    question,
    durationMs,
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
  );
  const stretches: EpochInterval[] = [];
  for (let i = 0; i < flat.length; i += 2) stretches.push({ from: flat[i]!, to: flat[i + 1]! });
  return stretches;
}

/**
 * Those of `forbiddenStarts` that reach into (after, before), sorted by start (those starting
 * together in the bookings' order): an agenda runs weeks past the horizon searched, and only the
 * stretches that can cut a window are kept.
 */
function forbiddenStartsWithin(
  question: SlotQuestion,
  durationMs: number,
  after: number,
  before: number,
): FlatStretches {
  const forbidden: FlatStretches = [];
  // Bookings weeks past the horizon are left out on their times alone, the longest drive there is
  // (half way round the Earth) being too short to matter; the others on the longest drive from
  // where they are, without the trigonometry; what is left on the drive itself.
  const longest = longestTravelMinutes(question.travel) * MINUTE;
  for (const booking of question.bookings) {
    if (outOfReach(booking, longest, durationMs, after, before)) continue;
    const atMost = travelMinutesAtMost(booking.location, question.site, question.travel) * MINUTE;
    if (outOfReach(booking, atMost, durationMs, after, before)) continue;
    // One drive for both ways: the haversine is symmetric to the bit (swapping the ends only flips
    // the signs of the differences, whose sines are squared, and the order of two cosines multiplied).
    const drive = travelMinutes(booking.location, question.site, question.travel) * MINUTE;
    const from = booking.from - drive - durationMs;
    const to = booking.to + drive;
    if (from < before && to > after) insertByStart(forbidden, from, to);
  }
  return forbidden;
}

/**
 * Inserts the stretch after every one starting no later: sorted and stable, and with agendas
 * sorted (as they come) each goes straight to the end.
 */
function insertByStart(stretches: FlatStretches, from: number, to: number): void {
  let i = stretches.length;
  stretches.push(from, to);
  for (; i > 0 && stretches[i - 2]! > from; i -= 2) {
    stretches[i] = stretches[i - 2]!;
    stretches[i + 1] = stretches[i - 1]!;
  }
  stretches[i] = from;
  stretches[i + 1] = to;
}

/** Whether the booking's forbidden stretch misses (after, before) even with a drive of `driveMs` each way. */
function outOfReach(
  booking: Booking,
  driveMs: number,
  durationMs: number,
  after: number,
  before: number,
): boolean {
  return booking.from - driveMs - durationMs >= before || booking.to + driveMs <= after;
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
