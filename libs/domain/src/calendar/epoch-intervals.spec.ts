import { firstUncovered, intersectIntervals, mergeIntervals, subtractIntervals } from './epoch-intervals';

describe('epoch intervals', () => {
  it('merges overlapping and touching intervals and drops empty ones', () => {
    expect(
      mergeIntervals([
        { from: 5, to: 7 },
        { from: 0, to: 2 },
        { from: 2, to: 3 },
        { from: 6, to: 9 },
        { from: 4, to: 4 },
      ]),
    ).toEqual([
      { from: 0, to: 3 },
      { from: 5, to: 9 },
    ]);
  });

  it('intersects', () => {
    expect(
      intersectIntervals(
        [
          { from: 0, to: 4 },
          { from: 6, to: 10 },
        ],
        [{ from: 3, to: 7 }],
      ),
    ).toEqual([
      { from: 3, to: 4 },
      { from: 6, to: 7 },
    ]);
  });

  it('subtracts, splitting an interval in two', () => {
    expect(subtractIntervals([{ from: 0, to: 10 }], [{ from: 3, to: 5 }])).toEqual([
      { from: 0, to: 3 },
      { from: 5, to: 10 },
    ]);
  });

  it('finds the first uncovered instant, if any', () => {
    const covered = [
      { from: 0, to: 3 },
      { from: 5, to: 9 },
    ];
    expect(firstUncovered(covered, 1, 3)).toBeUndefined();
    expect(firstUncovered(covered, 1, 6)).toBe(3);
    expect(firstUncovered(covered, 4, 6)).toBe(4);
    expect(firstUncovered(covered, 6, 10)).toBe(9);
  });
});
