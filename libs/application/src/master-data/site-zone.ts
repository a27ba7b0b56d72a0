import { type ZoneArea, resolveZone } from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { FieldIssue } from '../errors';

/** The active zones as territory, plus zones an import is about to write. */
export async function zoneAreas(reads: ReadStore, pending: readonly ZoneArea[] = []): Promise<ZoneArea[]> {
  const documents = await reads
    .collection<MasterDataDocument>(masterDataCollection('zone'))
    .find({ status: 'active' }, { projection: { _id: 1, record: 1 } });
  const pendingIds = new Set(pending.map((zone) => zone.id));
  return [
    ...documents
      .filter((document) => !pendingIds.has(document._id))
      .map((document) => zoneAreaOf(document._id, document.record)),
    ...pending,
  ];
}

export function zoneAreaOf(code: string, record: Record<string, unknown>): ZoneArea {
  return {
    id: code,
    ...(record['geometry'] ? { geometry: record['geometry'] as ZoneArea['geometry'] } : {}),
    postalCodes: (record['postalCodes'] as string[] | undefined) ?? [],
    ...(typeof record['country'] === 'string' ? { country: record['country'] } : {}),
    explicitNeighbours: (record['neighbourCodes'] as string[] | undefined) ?? [],
  };
}

/**
 * A site left without a zone gets the one its coordinates fall in (or, failing that, its postal
 * code's); a site no zone covers is refused, since nobody could be dispatched to it.
 */
export function withResolvedZone(
  site: Record<string, unknown>,
  zones: readonly ZoneArea[],
): { record: Record<string, unknown>; issues: FieldIssue[] } {
  if (typeof site['zoneCode'] === 'string') return { record: site, issues: [] };
  const address = (site['address'] ?? {}) as { postalCode?: string; country?: string };
  const match = resolveZone(zones, {
    ...(site['location'] ? { location: site['location'] as { lat: number; lon: number } } : {}),
    ...(address.postalCode ? { postalCode: address.postalCode } : {}),
    ...(address.country ? { country: address.country } : {}),
  });
  if (!match) {
    return {
      record: site,
      issues: [
        {
          field: 'zoneCode',
          code: 'no_zone',
          message: 'No zone covers this location or postal code; name the zone, or add one that covers it',
        },
      ],
    };
  }
  return { record: { ...site, zoneCode: match.zoneId }, issues: [] };
}
