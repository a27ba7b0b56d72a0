import { exportPeriod, isWithin, localDayOf } from './export-period';

describe('export periods, in the organisation’s time zone', () => {
  const rome = 'Europe/Rome';

  it('starts each day at midnight in Rome, not in UTC, summer time included', () => {
    // Rome is UTC+1 in winter: 1 December starts at 23:00 UTC the day before.
    expect(exportPeriod(rome, '2026-12-01', '2026-12-02')).toEqual({
      timeZone: rome,
      from: '2026-12-01',
      to: '2026-12-02',
      fromMs: Date.parse('2026-11-30T23:00:00Z'),
      toMs: Date.parse('2026-12-01T23:00:00Z'),
    });
    // 29 March 2026 has 23 hours: clocks go from 02:00 to 03:00.
    const dstDay = exportPeriod(rome, '2026-03-29', '2026-03-30');
    expect((dstDay.toMs! - dstDay.fromMs!) / 3_600_000).toBe(23);
  });

  it('includes the first instant of `from` and excludes the first instant of `to`', () => {
    const december = exportPeriod(rome, '2026-12-01', '2026-12-02');
    expect(isWithin(december, '2026-11-30T22:59:59.999Z')).toBe(false);
    expect(isWithin(december, '2026-11-30T23:00:00.000Z')).toBe(true);
    expect(isWithin(december, '2026-12-01T22:59:59.999Z')).toBe(true);
    expect(isWithin(december, '2026-12-01T23:00:00.000Z')).toBe(false);
    // Open ends.
    expect(isWithin(exportPeriod(rome, undefined, '2026-12-02'), '2000-01-01T00:00:00Z')).toBe(true);
    expect(isWithin(exportPeriod(rome), '2000-01-01T00:00:00Z')).toBe(true);
  });

  it('tells the closing day as Rome reads it', () => {
    expect(localDayOf('2026-11-30T23:30:00Z', rome)).toBe('2026-12-01');
    expect(localDayOf('2026-11-30T22:30:00Z', rome)).toBe('2026-11-30');
    expect(localDayOf('2026-11-30T23:30:00Z', 'UTC')).toBe('2026-11-30');
  });
});
