import type { MultiPolygon, Polygon } from 'geojson';

/**
 * A territory a team, a price list or an SLA applies to. It is drawn (a polygon in WGS84 lon/lat),
 * listed (postal codes, `201*` meaning every code starting with 201), or both: a drawn shape wins
 * where we know the coordinates of the address, codes cover addresses we could not geocode.
 */
export interface ZoneArea {
  readonly id: string;
  readonly geometry?: Polygon | MultiPolygon;
  readonly postalCodes?: readonly string[];
  /** ISO 3166-1 alpha-2: '20121' is Milan in IT and somewhere else in another country. */
  readonly country?: string;
  /** Neighbours the map does not show (across a lake, a ferry line); taken both ways. */
  readonly explicitNeighbours?: readonly string[];
}

export interface ZoneQuery {
  readonly location?: { readonly lat: number; readonly lon: number };
  readonly postalCode?: string;
  readonly country?: string;
}

export interface ZoneMatch {
  readonly zoneId: string;
  readonly by: 'polygon' | 'postal-code';
}

export interface ZoneProblem {
  /** Path into the zone, e.g. 'geometry.coordinates[0][3]'. */
  readonly field: string;
  readonly message: string;
}
