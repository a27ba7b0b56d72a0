import fc from 'fast-check';
import { type EpochInterval, intersectIntervals, mergeIntervals } from '../calendar/epoch-intervals';
import { intersectMerged } from './merged-intervals';

const intervals: fc.Arbitrary<EpochInterval[]> = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: -5, max: 30 })).map(([from, length]) => ({
    from,
    to: from + length,
  })),
  { maxLength: 12 },
);

describe('intersecting merged intervals', () => {
  it('gives what intersectIntervals gives, merged or not', () => {
    fc.assert(
      fc.property(intervals, intervals, fc.boolean(), (a, b, merge) => {
        const [x, y] = merge ? [mergeIntervals(a), mergeIntervals(b)] : [a, b];
        expect(intersectMerged(x, y)).toEqual(intersectIntervals(x, y));
      }),
      { numRuns: 3_000 },
    );
  });
});
