import { type CalendarLayer, type ClosedDay, layerOpenIntervals } from '@fieldstream/domain';
import { Temporal } from 'temporal-polyfill';

const WORKING_DAYS: CalendarLayer['weeklyHours'] = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [{ from: '00:00', to: '00:00' }]]),
);

/**
 * Whether a site can be visited on a day, read in its own zone: closed when one of its layers has
 * no open time that day — its access calendar (closures, opening days) or, without one, working
 * days (Monday to Friday); and the public holidays of its country. The reason is what a planner
 * reads in the run's report ("Immacolata Concezione", "Site closed: inventory").
 */
export function siteClosedDay(site: {
  name: string;
  timeZone: string;
  country: string;
  accessCalendar?: CalendarLayer;
}): ClosedDay {
  const layers: CalendarLayer[] = [
    site.accessCalendar ?? { name: 'Working days', timeZone: site.timeZone, weeklyHours: WORKING_DAYS },
    { name: 'Public holidays', timeZone: site.timeZone, holidays: { country: site.country } },
  ];
  const cache = new Map<string, string | undefined>();
  return (day) => {
    if (cache.has(day)) return cache.get(day);
    const date = Temporal.PlainDate.from(day);
    const from = date.toZonedDateTime({ timeZone: site.timeZone }).epochMilliseconds;
    const to = date.add({ days: 1 }).toZonedDateTime({ timeZone: site.timeZone }).epochMilliseconds;
    let reason: string | undefined;
    for (const layer of layers) {
      const intervals = layerOpenIntervals(layer, from, to);
      if (intervals.open.length > 0) continue;
      // The layer lists every closure it has, and the holidays of the days either side: name one of this day.
      const ofTheDay = (closed: { from: number; to: number }) => closed.from < to && closed.to > from;
      reason =
        intervals.closures.find(ofTheDay)?.reason ??
        intervals.holidays.find(ofTheDay)?.reason ??
        (layer.name === 'Working days' ? 'Not a working day' : `${layer.name}: closed`);
      break;
    }
    cache.set(day, reason);
    return reason;
  };
}
