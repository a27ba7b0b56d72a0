/** A point on the map, WGS 84 degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/**
 * How travel is estimated without a routing engine: the great-circle distance stretched by a road
 * factor (roads are not straight: 1.3 is typical for mixed urban and regional driving) and driven
 * at an average speed. A routing engine in production answers the same question behind a port.
 */
export interface TravelModel {
  readonly roadFactor: number;
  readonly speedKmh: number;
}

export const DEFAULT_TRAVEL_MODEL: TravelModel = { roadFactor: 1.3, speedKmh: 40 };

export interface TravelEstimate {
  readonly km: number;
  readonly minutes: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km (haversine; the mean Earth radius). */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Road distance and driving time between two points, in whole minutes rounded up (a plan never
 * leaves less time than the estimate). Unknown ends: no estimate, and no travel is assumed.
 */
export function estimateTravel(
  from: GeoPoint | undefined,
  to: GeoPoint | undefined,
  model: TravelModel,
): TravelEstimate | undefined {
  if (!from || !to) return undefined;
  const km = greatCircleKm(from, to) * model.roadFactor;
  return { km: Math.round(km * 10) / 10, minutes: drivingMinutes(km, model) };
}

/**
 * The minutes of `estimateTravel`, 0 where it has no estimate (no travel is assumed): without an
 * object per call, for the loops over every booking of every candidate.
 */
export function travelMinutes(
  from: GeoPoint | undefined,
  to: GeoPoint | undefined,
  model: TravelModel,
): number {
  if (!from || !to) return 0;
  return drivingMinutes(greatCircleKm(from, to) * model.roadFactor, model);
}

function drivingMinutes(roadKm: number, model: TravelModel): number {
  return Math.ceil((roadKm / model.speedKmh) * 60);
}
