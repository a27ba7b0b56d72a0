import { apiRequest } from '../../../shared/api/api-request';
import type { MapSite } from '../types/map-site';
import type { MapZone } from '../types/map-zone';

interface Listed {
  code: string;
  record: Record<string, unknown>;
}

function list(plural: string, token: string | undefined, signal?: AbortSignal): Promise<{ items: Listed[] }> {
  return apiRequest(`/api/master-data/${plural}?limit=1000`, {
    ...(token ? { token } : {}),
    ...(signal ? { signal } : {}),
  });
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Zones and sites in one go: the map is useless with only one of them. */
export async function fetchMapData(
  token: string | undefined,
  signal?: AbortSignal,
): Promise<{ zones: MapZone[]; sites: MapSite[]; customerNames: Map<string, string> }> {
  const [zones, sites, customers] = await Promise.all([
    list('zones', token, signal),
    list('sites', token, signal),
    // Names only help the search and the details; a role that cannot list customers still gets the map.
    list('customers', token, signal).catch(() => ({ items: [] as Listed[] })),
  ]);
  return {
    customerNames: new Map(
      customers.items.map(({ code, record }) => [code, asString(record['name']) ?? code]),
    ),
    zones: zones.items.map(({ code, record }) => ({
      code,
      name: asString(record['name']) ?? code,
      unitCode: asString(record['unitCode']) ?? '',
      ...(record['geometry'] ? { geometry: record['geometry'] as MapZone['geometry'] & object } : {}),
    })),
    sites: sites.items.flatMap(({ code, record }) => {
      const location = record['location'] as { lat?: unknown; lon?: unknown } | undefined;
      if (typeof location?.lat !== 'number' || typeof location.lon !== 'number') return [];
      const zoneCode = asString(record['zoneCode']);
      const city = asString((record['address'] as Record<string, unknown> | undefined)?.['city']);
      return [
        {
          code,
          name: asString(record['name']) ?? code,
          customerCode: asString(record['customerCode']) ?? '',
          ...(zoneCode ? { zoneCode } : {}),
          ...(city ? { city } : {}),
          lat: location.lat,
          lon: location.lon,
        },
      ];
    }),
  };
}
