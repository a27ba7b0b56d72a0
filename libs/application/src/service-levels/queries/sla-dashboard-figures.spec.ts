import { type RunningSlaRow, atRiskRows, countStandings, dailyFigures } from './sla-dashboard-figures';

let next = 0;
function row(fields: Partial<RunningSlaRow>): RunningSlaRow {
  next++;
  return {
    _id: `r-${String(next).padStart(3, '0')}`,
    reference: `SR-${next}`,
    customerCode: 'ACME',
    siteCode: 'S-1',
    unitCode: 'MI',
    zoneCode: 'Z-MI',
    priority: 'high',
    standing: 'on-track',
    nextDeadline: '2026-03-04T12:00:00.000Z',
    nextDeadlineClock: 'response',
    clocks: [
      { clock: 'response', reachedPercent: null },
      { clock: 'restoration', reachedPercent: null },
    ],
    ...fields,
  };
}

describe('the dashboard figures', () => {
  it('counts open standings in total and per group; a request without the key counts in the total only', () => {
    const rows = [
      row({ standing: 'at-risk' }),
      row({ standing: 'breached', unitCode: 'RM' }),
      row({ standing: 'paused', unitCode: undefined }),
      // A running document never stands so, but a stray one is not counted as open.
      row({ standing: 'met' }),
      row({}),
    ];
    const { totals, groups } = countStandings(rows, [(r) => r.unitCode]);
    expect(totals).toEqual({ 'on-track': 1, 'at-risk': 1, breached: 1, paused: 1 });
    expect(Object.fromEntries(groups[0]!)).toEqual({
      MI: { 'on-track': 1, 'at-risk': 1, breached: 0, paused: 0 },
      RM: { 'on-track': 0, 'at-risk': 0, breached: 1, paused: 0 },
    });
  });

  it('lists the at-risk and breached requests with a deadline, nearest first, ties by id, up to the limit', () => {
    const late = row({ standing: 'breached', nextDeadline: '2026-03-04T08:00:00.000Z' });
    const soon = row({ standing: 'at-risk', nextDeadline: '2026-03-04T09:00:00.000Z' });
    const tie = row({ standing: 'at-risk', nextDeadline: '2026-03-04T09:00:00.000Z' });
    const paused = row({ standing: 'breached', nextDeadline: null, nextDeadlineClock: null });
    const calm = row({ standing: 'on-track', nextDeadline: '2026-03-04T07:00:00.000Z' });
    const rows = [tie, calm, paused, soon, late];
    expect(atRiskRows(rows, 10).map((r) => r._id)).toEqual([late._id, soon._id, tie._id]);
    expect(atRiskRows(rows, 2).map((r) => r._id)).toEqual([late._id, soon._id]);
  });

  it('gives every day of the period, breaches counted and penalties summed per currency to the cent', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    const figures = dailyFigures(days, [
      { day: '2026-03-01', kind: 'breach' },
      { day: '2026-03-01', kind: 'breach' },
      { day: '2026-03-03', kind: 'penalty', penalty: { amount: 0.1, currency: 'EUR', hours: 1 } },
      { day: '2026-03-03', kind: 'penalty', penalty: { amount: 0.2, currency: 'EUR', hours: 1 } },
      { day: '2026-03-03', kind: 'penalty', penalty: { amount: 50, currency: 'CHF', hours: 1 } },
      // Read past the period by a store that widened the filter: not counted.
      { day: '2026-03-04', kind: 'breach' },
    ]);
    expect(figures).toEqual({
      series: [
        { day: '2026-03-01', breaches: 2, penalties: [] },
        { day: '2026-03-02', breaches: 0, penalties: [] },
        {
          day: '2026-03-03',
          breaches: 0,
          penalties: [
            { amount: 50, currency: 'CHF' },
            { amount: 0.3, currency: 'EUR' },
          ],
        },
      ],
      breachesInPeriod: 2,
      penaltiesInPeriod: [
        { amount: 50, currency: 'CHF' },
        { amount: 0.3, currency: 'EUR' },
      ],
    });
  });
});
