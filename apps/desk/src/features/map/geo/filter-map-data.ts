import type { MapSite } from '../types/map-site';
import type { MapZone } from '../types/map-zone';

export interface MapFilter {
  unitCode: string | null;
  /** Matched as a case-insensitive substring of the customer's code or name. */
  customer: string;
}

/**
 * Zones of the chosen unit, and the sites in them whose customer matches. A site's unit is its
 * zone's unit: sites carry no unit of their own.
 */
export function filterMapData(
  zones: readonly MapZone[],
  sites: readonly MapSite[],
  filter: MapFilter,
  customerNames: ReadonlyMap<string, string> = new Map(),
): { zones: MapZone[]; sites: MapSite[] } {
  const shownZones = filter.unitCode ? zones.filter((zone) => zone.unitCode === filter.unitCode) : [...zones];
  const zoneCodes = new Set(shownZones.map((zone) => zone.code));
  const needle = filter.customer.trim().toLowerCase();
  const shownSites = sites.filter((site) => {
    if (filter.unitCode && !(site.zoneCode && zoneCodes.has(site.zoneCode))) return false;
    if (!needle) return true;
    const name = customerNames.get(site.customerCode) ?? '';
    return site.customerCode.toLowerCase().includes(needle) || name.toLowerCase().includes(needle);
  });
  return { zones: shownZones, sites: shownSites };
}
