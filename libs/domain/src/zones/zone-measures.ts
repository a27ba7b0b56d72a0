import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Semi-major axis of WGS84, the radius turf's area uses too: areas comparable with turf's. */
const EARTH_RADIUS_M = 6378137;

const rad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Signed area of a ring on the sphere, in m² (Chamberlain & Duquette, as in @turf/area, which we
 * do not depend on for one formula). The sign follows the winding; callers take the magnitude.
 */
export function ringArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lower = ring[i] as Position;
    const middle = ring[(i + 1) % n] as Position;
    const upper = ring[(i + 2) % n] as Position;
    total += (rad(upper[0] as number) - rad(lower[0] as number)) * Math.sin(rad(middle[1] as number));
  }
  return (total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2;
}

function polygonArea(rings: readonly (readonly Position[])[]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return Math.max(
    0,
    Math.abs(ringArea(outer)) - holes.reduce((sum, hole) => sum + Math.abs(ringArea(hole)), 0),
  );
}

/** Area in m², holes excluded. */
export function geometryArea(geometry: Polygon | MultiPolygon): number {
  return geometry.type === 'Polygon'
    ? polygonArea(geometry.coordinates)
    : geometry.coordinates.reduce((sum, polygon) => sum + polygonArea(polygon), 0);
}

export interface BoundingBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

export function boundingBox(geometry: Polygon | MultiPolygon): BoundingBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    // The outer ring bounds its holes.
    for (const [lon, lat] of polygon[0] ?? []) {
      west = Math.min(west, lon as number);
      east = Math.max(east, lon as number);
      south = Math.min(south, lat as number);
      north = Math.max(north, lat as number);
    }
  }
  return { west, south, east, north };
}

/** Touching boxes overlap: zones sharing only a border are neighbours. */
export function boxesOverlap(a: BoundingBox, b: BoundingBox): boolean {
  return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}
