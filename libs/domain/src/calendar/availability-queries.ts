import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../kernel/domain-error';
import type { CalendarLayer, UtcInterval } from './calendar-layer';
import { type EpochInterval, firstUncovered, intersectIntervals } from './epoch-intervals';
import { type LabelledInterval, layerOpenIntervals } from './layer-open-intervals';

export const OUTSIDE_WORKING_HOURS = 'Outside working hours';

/** Why [from, to) is not available: the layer, its reason, and the UTC stretch that reason covers. */
export interface BlockedBy {
  readonly layer: string;
  readonly reason: string;
  readonly from: string;
  readonly to: string;
}

export interface AvailabilityAnswer {
  readonly available: boolean;
  readonly blockedBy?: BlockedBy;
}

function epochOf(instant: string): number {
  return Temporal.Instant.from(instant).epochMilliseconds;
}

function isoOf(epochMs: number): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toString();
}

function window(fromUtc: string, toUtc: string): EpochInterval {
  const from = epochOf(fromUtc);
  const to = epochOf(toUtc);
  if (from >= to) {
    throw new DomainError('empty_interval', 'An availability question needs a start before its end', {
      fromUtc,
      toUtc,
    });
  }
  return { from, to };
}

/**
 * Where every layer is open within [fromUtc, toUtc), as merged UTC intervals (touching intervals
 * joined, so a window lies inside one of them exactly when it is available). No layer: no
 * restriction.
 */
export function availableIntervals(
  layers: readonly CalendarLayer[],
  fromUtc: string,
  toUtc: string,
): UtcInterval[] {
  const { from, to } = window(fromUtc, toUtc);
  let open: EpochInterval[] = [{ from, to }];
  for (const layer of layers) open = intersectIntervals(open, layerOpenIntervals(layer, from, to).open);
  return open.map((i) => ({ from: isoOf(i.from), to: isoOf(i.to) }));
}

function containing(intervals: readonly LabelledInterval[], t: number): LabelledInterval | undefined {
  return intervals.find((i) => i.from <= t && t < i.to);
}

/**
 * Whether all of [fromUtc, toUtc) is available. When not, names what blocks its earliest blocked
 * instant (the first layer in the order given on a tie): a closure's reason, else a holiday's name,
 * else 'Outside working hours' with the closed gap, clipped to the question.
 */
export function isAvailable(
  layers: readonly CalendarLayer[],
  fromUtc: string,
  toUtc: string,
): AvailabilityAnswer {
  const { from, to } = window(fromUtc, toUtc);
  let first:
    { t: number; layer: CalendarLayer; open: EpochInterval[]; labelled?: LabelledInterval } | undefined;
  for (const layer of layers) {
    const { open, closures, holidays } = layerOpenIntervals(layer, from, to);
    const t = firstUncovered(open, from, to);
    if (t === undefined || (first && first.t <= t)) continue;
    const labelled = containing(closures, t) ?? containing(holidays, t);
    first = { t, layer, open, ...(labelled ? { labelled } : {}) };
  }
  if (!first) return { available: true };
  const { t, layer, open, labelled } = first;
  const blocked = labelled ?? {
    from: t,
    to: open.find((i) => i.from > t)?.from ?? to,
    reason: OUTSIDE_WORKING_HOURS,
  };
  return {
    available: false,
    blockedBy: {
      layer: layer.name,
      reason: blocked.reason,
      from: isoOf(blocked.from),
      to: isoOf(blocked.to),
    },
  };
}

export interface VisitAvailabilityAnswer extends AvailabilityAnswer {
  readonly technician: AvailabilityAnswer;
  readonly site: AvailabilityAnswer;
}

/**
 * "Is technician T available, and is site S accessible, between A and B?" Each side keeps its own
 * zones (a technician in Rome serving a site in New York); the visit is possible only if both are.
 * The technician is named first when both block: that is the one a dispatcher can change.
 */
export function isTechnicianAvailableAndSiteAccessible(
  technicianLayers: readonly CalendarLayer[],
  siteLayers: readonly CalendarLayer[],
  fromUtc: string,
  toUtc: string,
): VisitAvailabilityAnswer {
  const technician = isAvailable(technicianLayers, fromUtc, toUtc);
  const site = isAvailable(siteLayers, fromUtc, toUtc);
  const blockedBy = technician.blockedBy ?? site.blockedBy;
  return {
    available: technician.available && site.available,
    ...(blockedBy ? { blockedBy } : {}),
    technician,
    site,
  };
}
