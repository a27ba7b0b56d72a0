import type { CalendarLayer } from './calendar-layer';
import { type EpochInterval, intersectIntervals } from './epoch-intervals';
import { layerOpenIntervals } from './layer-open-intervals';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The instant `minutes` of service time after `fromMs`: time counts only where every layer is
 * open (a contract's service calendar: "restore within 8 service hours" opened Friday at 16:00 with
 * 08:00–18:00 hours is due Monday at 14:00). No layer: plain clock time. Undefined when the
 * calendars do not open for that long within `searchDays` (a calendar that never opens).
 */
export function afterServiceMinutes(
  layers: readonly CalendarLayer[],
  fromMs: number,
  minutes: number,
  searchDays = 92,
): number | undefined {
  if (layers.length === 0) return fromMs + minutes * MINUTE;
  const window: EpochInterval = { from: fromMs, to: fromMs + searchDays * DAY };
  const open = layers.reduce<EpochInterval[]>(
    (stretches, layer) =>
      intersectIntervals(stretches, layerOpenIntervals(layer, window.from, window.to).open),
    [window],
  );
  let left = minutes * MINUTE;
  for (const stretch of open) {
    const length = stretch.to - stretch.from;
    if (left <= length) return stretch.from + left;
    left -= length;
  }
  return undefined;
}
