import { FieldValidationError } from '../../errors';
import { dashboardPeriod, daysOf } from './sla-dashboard-period';

const NOW = new Date('2026-03-04T23:59:59.999Z');

function refusal(asked: { from?: string; to?: string }) {
  try {
    dashboardPeriod(asked, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldValidationError);
    return (error as FieldValidationError).issues.map(({ field, code }) => ({ field, code }));
  }
  throw new Error('not refused');
}

describe('the dashboard period', () => {
  it('is by default the 30 days up to today (UTC), both included', () => {
    const period = dashboardPeriod({}, NOW);
    expect(period).toEqual({ from: '2026-02-03', to: '2026-03-04' });
    expect(daysOf(period)).toHaveLength(30);
    // Just after midnight UTC it is already the next day, whatever the zone of the server.
    expect(dashboardPeriod({}, new Date('2026-03-05T00:00:00.000Z')).to).toBe('2026-03-05');
  });

  it('completes a period given by one end: 30 days back from the end, or up to today', () => {
    expect(dashboardPeriod({ to: '2026-01-10' }, NOW)).toEqual({ from: '2025-12-12', to: '2026-01-10' });
    expect(dashboardPeriod({ from: '2026-03-01' }, NOW)).toEqual({ from: '2026-03-01', to: '2026-03-04' });
    expect(dashboardPeriod({ from: '2026-03-04' }, NOW)).toEqual({ from: '2026-03-04', to: '2026-03-04' });
  });

  it('keeps both ends when both are given, a single day included', () => {
    expect(dashboardPeriod({ from: '2027-01-01', to: '2027-01-01' }, NOW)).toEqual({
      from: '2027-01-01',
      to: '2027-01-01',
    });
    expect(daysOf({ from: '2028-02-27', to: '2028-03-01' })).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
  });

  it('refuses a start after today when the end is left to default, naming the start', () => {
    expect(refusal({ from: '2026-03-05' })).toEqual([{ field: 'from', code: 'invalid_period' }]);
    expect(refusal({ from: '2025-03-01' })).toEqual([{ field: 'from', code: 'invalid_period' }]);
  });

  it('holds completed periods to the contract: at most 366 days from start to end', () => {
    expect(dashboardPeriod({ from: '2025-03-03' }, NOW)).toEqual({ from: '2025-03-03', to: '2026-03-04' });
    expect(refusal({ from: '2026-03-04', to: '2026-03-03' })).toEqual([
      { field: 'to', code: 'invalid_period' },
    ]);
  });
});
