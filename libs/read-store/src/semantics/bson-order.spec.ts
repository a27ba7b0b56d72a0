import { compareStrings, compareValues, valuesEqual } from './bson-order';

describe('BSON order', () => {
  it('compares strings by code point', () => {
    expect(compareStrings('\uFFFD', '\u{1F600}')).toBeLessThan(0);
    expect('\uFFFD' < '\u{1F600}').toBe(false); // what JavaScript would have said
    expect(compareStrings('ab', 'abc')).toBeLessThan(0);
    expect(compareStrings('B', 'a')).toBeLessThan(0);
  });

  it('orders brackets null < number < string < object < array < boolean', () => {
    const ordered = [null, -3, 2.5, '', 'a', {}, { a: 1 }, [], [1], false, true];
    for (let i = 0; i + 1 < ordered.length; i++)
      expect(compareValues(ordered[i], ordered[i + 1])).toBeLessThanOrEqual(0);
    expect(compareValues(undefined, null)).toBe(0);
  });

  it('compares documents pair by pair: value type, then name, then value', () => {
    expect(compareValues({ z: null }, { a: 0 })).toBeLessThan(0);
    expect(compareValues({ a: 1 }, { b: 1 })).toBeLessThan(0);
    expect(compareValues({ a: 1 }, { a: 1, b: 0 })).toBeLessThan(0);
  });

  it('treats field order as significant for equality, number forms not', () => {
    expect(valuesEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(valuesEqual({ a: 1.0 }, { a: 1 })).toBe(true);
    expect(valuesEqual(1, true)).toBe(false);
    expect(valuesEqual([1, [2]], [1, [2]])).toBe(true);
  });
});
