import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { DomainError } from '../kernel/domain-error';
import type { ZoneArea, ZoneMatch, ZoneQuery } from './zone-area';
import { geometryArea } from './zone-measures';

/** Postal codes compare without spaces or case: 'sw1a 1aa' and 'SW1A1AA' are one code. */
function normalisePostalCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Zones drawn around the point. A point on a border belongs to every zone the border bounds (the
 * boundary counts as inside), and the rule below then picks one: the smallest zone, as a city
 * zone inside its region should win, and on equal areas the smaller id, so that the answer never
 * depends on the order zones were listed in.
 */
function byPolygon(zones: readonly ZoneArea[], lat: number, lon: number): string | undefined {
  const containing = zones
    .filter((z) => z.geometry && booleanPointInPolygon([lon, lat], z.geometry))
    .map((z) => ({ id: z.id, area: geometryArea(z.geometry as NonNullable<ZoneArea['geometry']>) }));
  containing.sort((a, b) => a.area - b.area || byId(a, b));
  return containing[0]?.id;
}

/** The exact code wins over any prefix, a longer prefix over a shorter one, then the smaller id. */
function byPostalCode(zones: readonly ZoneArea[], postalCode: string, country?: string): string | undefined {
  const code = normalisePostalCode(postalCode);
  if (!code) return undefined;
  let best: { id: string; score: number } | undefined;
  for (const zone of zones) {
    if (country && zone.country && zone.country.toUpperCase() !== country.toUpperCase()) continue;
    for (const pattern of zone.postalCodes ?? []) {
      const normalised = normalisePostalCode(pattern);
      const prefix = normalised.endsWith('*') ? normalised.slice(0, -1) : undefined;
      // An exact match scores above every prefix, however long.
      const score =
        prefix === undefined
          ? normalised === code
            ? Infinity
            : -1
          : code.startsWith(prefix)
            ? prefix.length
            : -1;
      if (score < 0) continue;
      if (!best || score > best.score || (score === best.score && zone.id < best.id))
        best = { id: zone.id, score };
    }
  }
  return best?.id;
}

/**
 * Which zone serves an address: by its coordinates when a drawn zone contains them, else by its
 * postal code (the country must agree when both the zone and the question name one), else none.
 */
export function resolveZone(zones: readonly ZoneArea[], query: ZoneQuery): ZoneMatch | null {
  const { location } = query;
  if (location) {
    const { lat, lon } = location;
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      throw new DomainError(
        'invalid_location',
        'A location is a latitude in [-90, 90] and a longitude in [-180, 180]',
        {
          field: 'location',
          lat,
          lon,
        },
      );
    }
    const zoneId = byPolygon(zones, lat, lon);
    if (zoneId !== undefined) return { zoneId, by: 'polygon' };
  }
  if (query.postalCode !== undefined) {
    const zoneId = byPostalCode(zones, query.postalCode, query.country);
    if (zoneId !== undefined) return { zoneId, by: 'postal-code' };
  }
  return null;
}
