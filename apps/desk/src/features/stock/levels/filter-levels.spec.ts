import { stockLevelOf } from '../testing/stock-level-of';
import { filterLevels, isShortage } from './filter-levels';

const levels = [
  stockLevelOf('W1', 'A', 5),
  stockLevelOf('W1', 'B', 2, 2),
  stockLevelOf('VAN', 'A', 0),
  stockLevelOf('VAN', 'B', 3),
];

describe('filterLevels', () => {
  it('keeps everything with no filter', () => {
    expect(filterLevels(levels, { warehouseCode: null, itemCode: null, onlyShortages: false })).toEqual(
      levels,
    );
  });

  it('filters by warehouse, item and shortage together', () => {
    const ids = (filter: Parameters<typeof filterLevels>[1]) =>
      filterLevels(levels, filter).map((l) => l._id);
    expect(ids({ warehouseCode: 'W1', itemCode: null, onlyShortages: false })).toEqual(['W1|A', 'W1|B']);
    expect(ids({ warehouseCode: null, itemCode: 'A', onlyShortages: false })).toEqual(['W1|A', 'VAN|A']);
    expect(ids({ warehouseCode: null, itemCode: null, onlyShortages: true })).toEqual(['W1|B', 'VAN|A']);
    expect(ids({ warehouseCode: 'VAN', itemCode: 'B', onlyShortages: true })).toEqual([]);
  });

  it('counts fully reserved stock as a shortage', () => {
    expect(isShortage(stockLevelOf('W', 'X', 4, 4))).toBe(true);
    expect(isShortage(stockLevelOf('W', 'X', 4, 3))).toBe(false);
  });
});
