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

/**
 * A bound `travelMinutes` never exceeds, without the trigonometry, for loops that only need to know
 * that a drive is too short to matter: no great circle is longer than the way along a meridian and
 * then along a parallel (no longer than the equator's arc), and a kilometre more covers the
 * haversine's rounding near the antipodes. The same rounding steps as `travelMinutes`, which never
 * lower a larger distance below a smaller one. Infinity where that reasoning does not hold:
 * coordinates off the globe, a model that is not a positive road factor and speed.
 */
export function travelMinutesAtMost(
  from: GeoPoint | undefined,
  to: GeoPoint | undefined,
  model: TravelModel,
): number {
  if (!from || !to) return 0;
  if (!onGlobe(from) || !onGlobe(to) || !isPositive(model.roadFactor) || !isPositive(model.speedKmh))
    return Number.POSITIVE_INFINITY;
  const arcKm =
    EARTH_RADIUS_KM * (Math.abs(radians(to.lat - from.lat)) + Math.abs(radians(to.lon - from.lon)));
  return drivingMinutes((arcKm * (1 + 1e-9) + 1) * model.roadFactor, model);
}

/**
 * A bound `travelMinutes` never exceeds wherever the ends are: no great circle is longer than half
 * the Earth's circumference (a kilometre more for rounding). Infinity for a model that is not a
 * positive road factor and speed.
 */
export function longestTravelMinutes(model: TravelModel): number {
  if (!isPositive(model.roadFactor) || !isPositive(model.speedKmh)) return Number.POSITIVE_INFINITY;
  return drivingMinutes((Math.PI * EARTH_RADIUS_KM + 1) * model.roadFactor, model);
}

const onGlobe = (point: GeoPoint) => Math.abs(point.lat) <= 90 && Number.isFinite(point.lon);
const isPositive = (n: number) => Number.isFinite(n) && n > 0;

function drivingMinutes(roadKm: number, model: TravelModel): number {
  return Math.ceil((roadKm / model.speedKmh) * 60);
}
