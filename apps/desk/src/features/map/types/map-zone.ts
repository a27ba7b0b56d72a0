import type { Geometry } from 'geojson';

/** What the map needs of a zone record. */
export interface MapZone {
  code: string;
  name: string;
  unitCode: string;
  geometry?: Geometry;
}
