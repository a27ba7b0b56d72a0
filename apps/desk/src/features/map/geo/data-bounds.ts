import type { Geometry, Position } from 'geojson';
import type { MapSite } from '../types/map-site';
import type { MapZone } from '../types/map-zone';

/** Leaflet's LatLngBoundsExpression: [[south, west], [north, east]]. */
export type Bounds = [[number, number], [number, number]];

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

/** The box around every zone and site, or undefined when there is nothing to show. */
export function dataBounds(zones: readonly MapZone[], sites: readonly MapSite[]): Bounds | undefined {
  const points: [number, number][] = [
    ...zones
      .flatMap((zone) => (zone.geometry ? positions(zone.geometry) : []))
      .map(([lon = 0, lat = 0]): [number, number] => [lat, lon]),
    ...sites.map((site): [number, number] => [site.lat, site.lon]),
  ];
  if (points.length === 0) return undefined;
  let [south, west] = points[0] as [number, number];
  let [north, east] = [south, west];
  for (const [lat, lon] of points) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lon);
    east = Math.max(east, lon);
  }
  return [
    [south, west],
    [north, east],
  ];
}
