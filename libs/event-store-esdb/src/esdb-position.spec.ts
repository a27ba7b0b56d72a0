import { PositionIndex } from './esdb-position-index';
import { fromPortPosition, startAround, toPortPosition } from './esdb-position';

// Three appends as EventStoreDB lays them out: a single event at 100, a three-event append whose
// events share commit 200 and sit at 200, 260, 330, and a single event at 400.
const single = { commit: 100n, prepare: 100n };
const first = { commit: 200n, prepare: 200n };
const second = { commit: 200n, prepare: 260n };
const third = { commit: 200n, prepare: 330n };
const later = { commit: 400n, prepare: 400n };

describe('EventStoreDB positions as one number', () => {
  it('uses the prepare position, unique per event even inside one append', () => {
    expect([single, first, second, third, later].map(toPortPosition)).toEqual([100, 200, 260, 330, 400]);
  });

  it('refuses positions a JavaScript number cannot hold exactly', () => {
    expect(() => toPortPosition({ commit: 0n, prepare: 2n ** 53n + 1n })).toThrow(RangeError);
    expect(() => fromPortPosition(-1)).toThrow(/non-negative integer/);
    expect(() => fromPortPosition(1.5)).toThrow(/non-negative integer/);
    expect(fromPortPosition(260)).toBe(260n);
  });

  describe('choosing where to start a read from a backward probe', () => {
    it('starts at the probed record when it is at or before the wanted position', () => {
      expect(startAround(100n, single, true)).toBe(single);
      expect(startAround(150n, single, true)).toBe(single);
    });

    it('starts at the first event of an append that spans the wanted position', () => {
      // Probing {260, 260} finds the append's last event (commit 200 < 260): the rest of the append
      // (330) comes after 260 and must not be skipped, so start at the append's first event.
      expect(startAround(260n, third, true)).toEqual(first);
    });

    it('starts backwards reads at the wanted position itself, once the probe showed it valid', () => {
      // Reading backwards from {260, 260} meets 330, 260 and 200 (commit 200 < 260): all of the append.
      expect(startAround(260n, third, false)).toEqual({ commit: 260n, prepare: 260n });
      expect(startAround(150n, single, false)).toEqual({ commit: 150n, prepare: 150n });
    });

    it('starts at the beginning when nothing lies at or before the position', () => {
      expect(startAround(50n, undefined, true)).toBe('start');
    });
  });
});

describe('PositionIndex', () => {
  it('answers exact, floor and ceiling lookups whatever the order positions were seen in', () => {
    const index = new PositionIndex();
    for (const position of [third, single, later, first, second, second]) index.remember(position);
    expect(index.size).toBe(5);
    expect(index.exact(260n)).toEqual(second);
    expect(index.exact(259n)).toBeUndefined();
    expect(index.floor(259n)).toEqual(first);
    expect(index.floor(260n)).toEqual(second);
    expect(index.floor(99n)).toBeUndefined();
    expect(index.ceiling(261n)).toEqual(third);
    expect(index.ceiling(401n)).toBeUndefined();
  });

  it('forgets the lowest positions first when full', () => {
    const index = new PositionIndex(3);
    for (const position of [single, first, second, third]) index.remember(position);
    expect(index.size).toBe(3);
    expect(index.exact(100n)).toBeUndefined();
    expect(index.floor(150n)).toBeUndefined();
    expect(index.exact(330n)).toEqual(third);
  });
});
