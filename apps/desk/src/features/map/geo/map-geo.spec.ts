import type { MapSite } from '../types/map-site';
import type { MapZone } from '../types/map-zone';
import { dataBounds } from './data-bounds';
import { filterMapData } from './filter-map-data';
import { unitColours } from './unit-colour';

const square = (west: number, south: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

const zones: MapZone[] = [
  { code: 'MI-N', name: 'Milano Nord', unitCode: 'SC-MI', geometry: square(9, 45.4, 0.2) },
  { code: 'MUC', name: 'München', unitCode: 'SC-MUC', geometry: square(11.4, 48, 0.3) },
  { code: 'PC-ONLY', name: 'Postal codes only', unitCode: 'SC-MI' },
];
const sites: MapSite[] = [
  { code: 'S1', name: 'Bank', customerCode: 'ACME', zoneCode: 'MI-N', lat: 45.5, lon: 9.1 },
  { code: 'S2', name: 'Shop', customerCode: 'BETA', zoneCode: 'MUC', lat: 48.1, lon: 11.5 },
  { code: 'S3', name: 'Depot', customerCode: 'ACME', lat: 41.9, lon: 12.5 },
];

describe('map geometry', () => {
  it('bounds every polygon and site, longitude/latitude turned to Leaflet order', () => {
    expect(dataBounds(zones, sites)).toEqual([
      [41.9, 9],
      [48.3, 12.5],
    ]);
  });

  it('has no bounds for nothing', () => {
    expect(dataBounds([zones[2] as MapZone], [])).toBeUndefined();
  });

  it('gives each unit a stable colour whatever the order', () => {
    const one = unitColours(['SC-MUC', 'SC-MI', 'SC-MI']);
    const two = unitColours(['SC-MI', 'SC-MUC']);
    expect(one).toEqual(two);
    expect(one.get('SC-MI')).not.toBe(one.get('SC-MUC'));
  });

  it('filters by unit through the site zone, and by customer code or name', () => {
    const byUnit = filterMapData(zones, sites, { unitCode: 'SC-MI', customer: '' });
    expect(byUnit.zones.map((zone) => zone.code)).toEqual(['MI-N', 'PC-ONLY']);
    expect(byUnit.sites.map((site) => site.code)).toEqual(['S1']);

    const names = new Map([['BETA', 'Beta Banca SpA']]);
    expect(
      filterMapData(zones, sites, { unitCode: null, customer: 'banca' }, names).sites.map((s) => s.code),
    ).toEqual(['S2']);
    expect(
      filterMapData(zones, sites, { unitCode: null, customer: ' acme ' }).sites.map((s) => s.code),
    ).toEqual(['S1', 'S3']);
  });
});
