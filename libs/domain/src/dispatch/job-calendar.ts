import type { CalendarLayer } from '../calendar/calendar-layer';
import type { EpochInterval } from '../calendar/epoch-intervals';
import { layerOpenIntervals } from '../calendar/layer-open-intervals';
import { localEpochDay } from '../calendar/zone-offsets';
import { intersectMerged } from './merged-intervals';
import type { ProposalJob, ProposalSettings } from './propose-technicians';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The calendars of one proposal question, over its horizon. */
export interface JobCalendar {
  /** The last instant a visit may start. */
  readonly horizonEnd: number;
  /**
   * Where every given layer is open, from the earliest start to a visit's length past the horizon.
   * Read-only: technicians whose other layers leave their unit's hours as they are share its array.
   */
  openWhereAll(layers: readonly CalendarLayer[]): readonly EpochInterval[];
  /** The site's access windows; undefined when the site sets none. */
  readonly siteOpen: readonly EpochInterval[] | undefined;
}

/**
 * Open stretches are read a visit's length past the horizon, so that a start near its end can
 * finish; each layer's are worked out once per question, since the technicians of a unit share
 * its hours and holidays and those are the costly part (time zones, holidays).
 */
export function jobCalendar(job: ProposalJob, settings: Pick<ProposalSettings, 'horizonDays'>): JobCalendar {
  const horizonEnd = job.notBefore + settings.horizonDays * DAY;
  const whole: EpochInterval = { from: job.notBefore, to: horizonEnd + job.durationMinutes * MINUTE };
  const wholeOnly: readonly EpochInterval[] = [whole];
  const known = new Map<CalendarLayer, EpochInterval[]>();
  const openOf = (layer: CalendarLayer) => {
    let open = known.get(layer);
    if (!open) known.set(layer, (open = layerOpenIntervals(layer, whole.from, whole.to).open));
    return open;
  };
  // A layer's stretches are already clipped to the whole window, merged and sorted: the first one
  // narrowing it is the answer so far as it is, and one open over the whole window (a technician's
  // calendar without leave) narrows nothing. The same stretches as intersecting them all, without
  // a new array per technician.
  const openWhereAll = (layers: readonly CalendarLayer[]) => {
    let open = wholeOnly;
    for (const layer of layers) {
      if (whole.from < whole.to && restrictsNothing(layer, whole)) continue;
      const layerOpen = openOf(layer);
      if (layerOpen.length === 1 && layerOpen[0]!.from === whole.from && layerOpen[0]!.to === whole.to)
        continue;
      open = open === wholeOnly ? layerOpen : intersectMerged(open, layerOpen);
    }
    return open;
  };
  const siteOpen = job.site.accessLayers.length === 0 ? undefined : openWhereAll(job.site.accessLayers);
  return { horizonEnd, openWhereAll, siteOpen };
}

/**
 * A layer open throughout (a technician's own calendar without leave: most of them) is open over
 * the whole window, as layerOpenIntervals would say: known without working it out for every
 * technician. Its zone is read as layerOpenIntervals reads it first, so that one Temporal does not
 * know is refused all the same.
 */
function restrictsNothing(layer: CalendarLayer, whole: EpochInterval): boolean {
  if (layer.weeklyHours || layer.holidays || (layer.exceptions && layer.exceptions.length > 0)) return false;
  localEpochDay(layer.timeZone, whole.from);
  localEpochDay(layer.timeZone, whole.to);
  return true;
}
