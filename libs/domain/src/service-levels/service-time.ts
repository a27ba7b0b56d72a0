import type { CalendarLayer } from '../calendar/calendar-layer';
import { type EpochInterval, intersectIntervals, subtractIntervals } from '../calendar/epoch-intervals';
import { layerOpenIntervals } from '../calendar/layer-open-intervals';

const DAY = 86_400_000;
/** Calendars are expanded in windows of this many days while an instant is searched for. */
const WINDOW_DAYS = 92;

/** A stretch during which an SLA clock stood still; `to` absent while it still stands. */
export type ClockPause = {
  readonly from: number;
  readonly to?: number;
};

function pausesAsIntervals(pauses: readonly ClockPause[]): EpochInterval[] {
  return pauses.map((pause) => ({ from: pause.from, to: pause.to ?? Number.POSITIVE_INFINITY }));
}

/**
 * The stretches of [from, to) in which an SLA clock runs: where every layer of the service
 * calendar is open (no layer: all the time) and the clock is not paused.
 */
export function serviceStretches(
  layers: readonly CalendarLayer[],
  from: number,
  to: number,
  pauses: readonly ClockPause[] = [],
): EpochInterval[] {
  if (!(from < to)) return [];
  const open = layers.reduce<EpochInterval[]>(
    (stretches, layer) => intersectIntervals(stretches, layerOpenIntervals(layer, from, to).open),
    [{ from, to }],
  );
  return pauses.length === 0 ? open : subtractIntervals(open, pausesAsIntervals(pauses));
}

/** Milliseconds of service time in [from, to). */
export function serviceMsBetween(
  layers: readonly CalendarLayer[],
  from: number,
  to: number,
  pauses: readonly ClockPause[] = [],
): number {
  return serviceStretches(layers, from, to, pauses).reduce((sum, s) => sum + (s.to - s.from), 0);
}

/**
 * The instant at which `ms` of service time have run since `from`. Undefined when the clock is
 * paused for good before then (a pause with no end) or the calendar stays shut for `horizonDays`.
 * An amount of 0 is reached at `from` itself, open or not: nothing needs to run.
 */
export function instantAfterServiceMs(
  layers: readonly CalendarLayer[],
  from: number,
  ms: number,
  pauses: readonly ClockPause[] = [],
  horizonDays = 400,
): number | undefined {
  if (ms <= 0) return from;
  const standsFrom = Math.min(
    ...pauses.filter((pause) => pause.to === undefined).map((pause) => pause.from),
    Number.POSITIVE_INFINITY,
  );
  let left = ms;
  const end = from + horizonDays * DAY;
  for (let windowFrom = from; windowFrom < end && windowFrom < standsFrom; windowFrom += WINDOW_DAYS * DAY) {
    const windowTo = Math.min(windowFrom + WINDOW_DAYS * DAY, end);
    for (const stretch of serviceStretches(layers, windowFrom, windowTo, pauses)) {
      const length = stretch.to - stretch.from;
      if (left <= length) return stretch.from + left;
      left -= length;
    }
  }
  return undefined;
}
