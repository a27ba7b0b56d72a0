import fc from 'fast-check';
import {
  DEFAULT_TRAVEL_MODEL,
  type GeoPoint,
  type TravelModel,
  longestTravelMinutes,
  travelMinutes,
  travelMinutesAtMost,
} from './travel-estimate';

const onGlobe: fc.Arbitrary<GeoPoint> = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -540, max: 540, noNaN: true }),
});
/** Near each other, as a technician's appointments are: where rounding matters most. */
const nearby: fc.Arbitrary<[GeoPoint, GeoPoint]> = fc
  .tuple(
    onGlobe,
    fc.double({ min: -0.01, max: 0.01, noNaN: true }),
    fc.double({ min: -0.01, max: 0.01, noNaN: true }),
  )
  .map(([a, dLat, dLon]) => [a, { lat: Math.max(-90, Math.min(90, a.lat + dLat)), lon: a.lon + dLon }]);
/** Nearly opposite: where the haversine's rounding is largest. */
const antipodal: fc.Arbitrary<[GeoPoint, GeoPoint]> = fc
  .tuple(onGlobe, fc.double({ min: -1e-6, max: 1e-6, noNaN: true }))
  .map(([a, d]) => [a, { lat: Math.max(-90, Math.min(90, -a.lat + d)), lon: a.lon + 180 + d }]);
const pairs = fc.oneof(fc.tuple(onGlobe, onGlobe), nearby, antipodal);
const model: fc.Arbitrary<TravelModel> = fc.oneof(
  fc.constant(DEFAULT_TRAVEL_MODEL),
  fc.record({
    roadFactor: fc.double({ min: 1, max: 3, noNaN: true }),
    speedKmh: fc.double({ min: 5, max: 130, noNaN: true }),
  }),
);

describe('travel minutes', () => {
  it('are the same both ways, to the bit', () => {
    fc.assert(
      fc.property(pairs, model, ([a, b], m) => {
        expect(travelMinutes(a, b, m)).toBe(travelMinutes(b, a, m));
      }),
      { numRuns: 5_000 },
    );
  });

  it('never exceed travelMinutesAtMost, nor longestTravelMinutes', () => {
    fc.assert(
      fc.property(pairs, model, ([a, b], m) => {
        const minutes = travelMinutes(a, b, m);
        expect(minutes).toBeLessThanOrEqual(travelMinutesAtMost(a, b, m));
        expect(minutes).toBeLessThanOrEqual(longestTravelMinutes(m));
      }),
      { numRuns: 5_000 },
    );
  });

  it('have no bound off the globe or with a model that is not a positive speed and road factor', () => {
    const milan = { lat: 45.46, lon: 9.19 };
    expect(travelMinutesAtMost({ lat: 95, lon: 9 }, milan, DEFAULT_TRAVEL_MODEL)).toBe(Infinity);
    expect(travelMinutesAtMost({ lat: 45, lon: Number.NaN }, milan, DEFAULT_TRAVEL_MODEL)).toBe(Infinity);
    expect(travelMinutesAtMost(milan, milan, { roadFactor: 1.3, speedKmh: 0 })).toBe(Infinity);
    expect(longestTravelMinutes({ roadFactor: -1, speedKmh: 40 })).toBe(Infinity);
    expect(travelMinutesAtMost(undefined, milan, DEFAULT_TRAVEL_MODEL)).toBe(0);
  });
});
