import type { MultiPolygon, Polygon } from 'geojson';
import type { ZoneProblem } from './zone-area';
import { ringArea } from './zone-measures';

/**
 * Rings smaller than this (m²) are treated as having no area: a ring of three repeated points, or
 * points on one line, gives a few square millimetres of rounding, not zero.
 */
const MIN_RING_AREA_M2 = 1;

function isPosition(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function ringProblems(ring: unknown, field: string): ZoneProblem[] {
  if (!Array.isArray(ring)) return [{ field, message: 'A ring is a list of positions' }];
  const problems: ZoneProblem[] = [];
  ring.forEach((position, i) => {
    const at = `${field}[${i}]`;
    if (!isPosition(position)) {
      problems.push({ field: at, message: 'A position is [longitude, latitude] in numbers' });
      return;
    }
    const [lon, lat] = position as [number, number];
    if (lon < -180 || lon > 180)
      problems.push({ field: at, message: `Longitude ${lon} is outside [-180, 180]` });
    if (lat < -90 || lat > 90) problems.push({ field: at, message: `Latitude ${lat} is outside [-90, 90]` });
  });
  if (ring.length < 4) {
    problems.push({
      field,
      message: `A ring needs at least 4 positions (the first repeated last); it has ${ring.length}`,
    });
  }
  if (problems.length) return problems;
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.push({ field, message: 'A ring must be closed: its last position repeats its first' });
  } else if (Math.abs(ringArea(ring as number[][])) < MIN_RING_AREA_M2) {
    problems.push({ field, message: 'A ring must enclose an area (its points are repeated or on one line)' });
  }
  return problems;
}

function polygonProblems(rings: unknown, field: string): ZoneProblem[] {
  if (!Array.isArray(rings) || rings.length === 0) {
    return [{ field, message: 'A polygon is a non-empty list of rings (outer first, then holes)' }];
  }
  return rings.flatMap((ring, i) => ringProblems(ring, `${field}[${i}]`));
}

/**
 * What is wrong with a zone's shape, each problem naming where ('geometry.coordinates[0][3]').
 * Empty when the shape is usable. Self-intersections are not looked for: containment stays
 * defined for them, only the area (used to prefer the smaller zone) becomes approximate.
 */
export function validateZoneGeometry(geometry: unknown, field = 'geometry'): ZoneProblem[] {
  if (typeof geometry !== 'object' || geometry === null) {
    return [{ field, message: 'A zone geometry is a GeoJSON Polygon or MultiPolygon object' }];
  }
  const { type, coordinates } = geometry as Partial<Polygon | MultiPolygon> & { type?: unknown };
  if (type === 'Polygon') return polygonProblems(coordinates, `${field}.coordinates`);
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      return [{ field: `${field}.coordinates`, message: 'A MultiPolygon is a non-empty list of polygons' }];
    }
    return coordinates.flatMap((polygon, i) => polygonProblems(polygon, `${field}.coordinates[${i}]`));
  }
  return [
    { field: `${field}.type`, message: `Expected "Polygon" or "MultiPolygon", got ${JSON.stringify(type)}` },
  ];
}
