import type { CalendarLayer, SlaPolicy } from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { calendarLayerOf } from '../availability/calendar-layers';

/** How long a calendar read is reused: a follower handles many requests under one contract. */
const CACHE_MS = 10_000;

/**
 * The layers SLA clocks count in: the contract's service calendar with its hours and holidays
 * read in the site's zone ("08:00–18:00" means the site's 08:00). A calendar that is missing or
 * retired leaves no layer, so the clock counts all the time rather than never.
 */
export class ServiceCalendars {
  private readonly cache = new Map<string, { layers: CalendarLayer[]; readAt: number }>();

  constructor(
    private readonly reads: ReadStore,
    private readonly now: () => number = Date.now,
  ) {}

  async layersFor(
    policy: Pick<SlaPolicy, 'serviceCalendarCode' | 'timeZone' | 'contractName'>,
  ): Promise<CalendarLayer[]> {
    const key = `${policy.serviceCalendarCode}@${policy.timeZone}`;
    const cached = this.cache.get(key);
    const now = this.now();
    if (cached && now - cached.readAt < CACHE_MS) return cached.layers;
    const calendar = await this.reads
      .collection<MasterDataDocument>(masterDataCollection('calendar'))
      .get(policy.serviceCalendarCode);
    const layers =
      calendar && calendar.status === 'active'
        ? [
            {
              ...calendarLayerOf(`${policy.contractName} service hours`, calendar.record),
              timeZone: policy.timeZone,
            },
          ]
        : [];
    this.cache.set(key, { layers, readAt: now });
    return layers;
  }
}
