import type { CalendarLayer } from '../calendar/calendar-layer';
import { type EpochInterval, intersectIntervals } from '../calendar/epoch-intervals';
import { layerOpenIntervals } from '../calendar/layer-open-intervals';
import type { ProposalJob, ProposalSettings } from './propose-technicians';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The calendars of one proposal question, over its horizon. */
export interface JobCalendar {
  /** The last instant a visit may start. */
  readonly horizonEnd: number;
  /** Where every given layer is open, from the earliest start to a visit's length past the horizon. */
  openWhereAll(layers: readonly CalendarLayer[]): EpochInterval[];
  /** The site's access windows; undefined when the site sets none. */
  readonly siteOpen: EpochInterval[] | undefined;
}

/**
 * Open stretches are read a visit's length past the horizon, so that a start near its end can
 * finish; each layer's are worked out once per question, since the technicians of a unit share
 * its hours and holidays and those are the costly part (time zones, holidays).
 */
export function jobCalendar(job: ProposalJob, settings: Pick<ProposalSettings, 'horizonDays'>): JobCalendar {
  const horizonEnd = job.notBefore + settings.horizonDays * DAY;
  const whole: EpochInterval = { from: job.notBefore, to: horizonEnd + job.durationMinutes * MINUTE };
  const known = new Map<CalendarLayer, EpochInterval[]>();
  const openOf = (layer: CalendarLayer) => {
    let open = known.get(layer);
    if (!open) known.set(layer, (open = layerOpenIntervals(layer, whole.from, whole.to).open));
    return open;
  };
  const openWhereAll = (layers: readonly CalendarLayer[]) =>
    layers.reduce<EpochInterval[]>((open, layer) => intersectIntervals(open, openOf(layer)), [whole]);
  const siteOpen = job.site.accessLayers.length === 0 ? undefined : openWhereAll(job.site.accessLayers);
  return { horizonEnd, openWhereAll, siteOpen };
}
