import type { Polygon } from 'geojson';
import type { ZoneArea } from './zone-area';

/** A closed lon/lat rectangle, counter-clockwise as RFC 7946 asks for outer rings. */
export function box(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

// Simplified but real-looking territories around Milan and Munich.
export const lombardy: ZoneArea = {
  id: 'it-lombardy',
  country: 'IT',
  geometry: box(8.5, 44.7, 11.4, 46.6),
  postalCodes: ['2*'],
};
export const milan: ZoneArea = {
  id: 'it-milan',
  country: 'IT',
  geometry: box(9.04, 45.39, 9.28, 45.54),
  postalCodes: ['201*'],
};
/** Shares Milan's northern edge between 9.22° and 9.28° E. */
export const monza: ZoneArea = {
  id: 'it-monza',
  country: 'IT',
  geometry: box(9.22, 45.54, 9.33, 45.64),
  postalCodes: ['20900'],
};
export const bergamo: ZoneArea = {
  id: 'it-bergamo',
  country: 'IT',
  geometry: box(9.6, 45.65, 9.75, 45.74),
  postalCodes: ['241*'],
};
export const bavaria: ZoneArea = {
  id: 'de-bavaria',
  country: 'DE',
  geometry: box(8.97, 47.27, 13.84, 50.56),
  postalCodes: ['8*', '9*'],
  explicitNeighbours: ['it-lombardy'],
};
export const munich: ZoneArea = {
  id: 'de-munich',
  country: 'DE',
  geometry: box(11.36, 48.06, 11.72, 48.25),
  postalCodes: ['80*', '81*'],
};
/** A list-only zone: Milan's airport codes, no shape. */
export const linate: ZoneArea = { id: 'it-linate', country: 'IT', postalCodes: ['20054', '20090'] };

export const allZones: ZoneArea[] = [lombardy, milan, monza, bergamo, bavaria, munich, linate];
