import { type Principal, neighbourZones, resolveZone } from '@fieldstream/domain';
import { FieldValidationError } from '../errors';
import type { MasterDataService } from '../master-data/master-data.service';
import { zoneAreaOf } from '../master-data/site-zone';

/**
 * The territory as dispatch reads it: which zone an address or a point falls in, and which zones
 * border a zone (drawn neighbours, whose polygons touch, plus those named by hand) for fallback.
 */
export class TerritoryService {
  constructor(private readonly masterData: MasterDataService) {}

  async neighbours(
    principal: Principal,
    code: string,
  ): Promise<{ zone: string; neighbours: string[]; explicit: string[] }> {
    const zone = await this.masterData.get(principal, 'zones', code);
    const areas = await this.areas(principal);
    return {
      zone: zone.code,
      neighbours: neighbourZones(areas, zone.code),
      explicit: (zone.record['neighbourCodes'] as string[] | undefined) ?? [],
    };
  }

  async resolve(
    principal: Principal,
    query: { lat?: number; lon?: number; postalCode?: string; country?: string },
  ): Promise<{ zoneCode: string; by: 'polygon' | 'postal-code' } | null> {
    const hasPoint = query.lat !== undefined && query.lon !== undefined;
    if (!hasPoint && !query.postalCode) {
      throw new FieldValidationError('Give a point (lat and lon) or a postal code', [
        { field: 'lat', code: 'required', message: 'Give a point (lat and lon) or a postal code' },
      ]);
    }
    const match = resolveZone(await this.areas(principal), {
      ...(hasPoint ? { location: { lat: query.lat!, lon: query.lon! } } : {}),
      ...(query.postalCode ? { postalCode: query.postalCode } : {}),
      ...(query.country ? { country: query.country } : {}),
    });
    return match ? { zoneCode: match.zoneId, by: match.by } : null;
  }

  /** Every active zone the principal may read (a centre's desk: its own; admins: all). */
  private async areas(principal: Principal) {
    const zones = await this.masterData.list(principal, 'zones', { limit: 1000 });
    return zones.items.map((zone) => zoneAreaOf(zone.code, zone.record));
  }
}
