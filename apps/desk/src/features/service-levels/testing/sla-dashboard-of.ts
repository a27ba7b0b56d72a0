import type { SlaAtRiskEntry, SlaDashboard, SlaStandingCounts } from '@fieldstream/api-contract';

const counts = (over: Partial<SlaStandingCounts> = {}): SlaStandingCounts => ({
  'on-track': 0,
  'at-risk': 0,
  breached: 0,
  paused: 0,
  ...over,
});

/** One request of the at-risk list as the API would send it, with what a test cares about over it. */
export function atRiskEntryOf(requestId: string, over: Partial<SlaAtRiskEntry> = {}): SlaAtRiskEntry {
  return {
    requestId,
    reference: `SR-${requestId.slice(0, 8).toUpperCase()}`,
    customerCode: 'ACME',
    customerName: 'Acme Spa',
    siteCode: 'S-ACME-1',
    siteName: 'Acme Milano',
    unitCode: 'MI',
    zoneCode: 'Z-MI',
    priority: 'high',
    standing: 'at-risk',
    clock: 'response',
    deadline: '2026-11-27T10:00:00.000Z',
    reachedPercent: 75,
    ...over,
  };
}

/** A dashboard answer: three days of November, two centres, the at-risk list given. */
export function slaDashboardOf(over: Partial<SlaDashboard> = {}): SlaDashboard {
  return {
    generatedAt: '2026-11-27T09:00:00.000Z',
    period: { from: '2026-11-25', to: '2026-11-27' },
    totals: counts({ 'on-track': 12, 'at-risk': 3, breached: 2, paused: 1 }),
    byUnit: [
      { code: 'MI', name: 'Milano', counts: counts({ 'on-track': 9, 'at-risk': 2, breached: 2 }) },
      { code: 'TO', name: 'Torino', counts: counts({ 'on-track': 3, 'at-risk': 1, paused: 1 }) },
    ],
    byZone: [
      { code: 'Z-MI', name: 'Milano città', counts: counts({ 'on-track': 9, 'at-risk': 2, breached: 2 }) },
    ],
    byPriority: [
      { code: 'high', name: 'high', counts: counts({ 'on-track': 4, 'at-risk': 3, breached: 2 }) },
      { code: 'normal', name: 'normal', counts: counts({ 'on-track': 8, paused: 1 }) },
    ],
    atRisk: [],
    series: [
      { day: '2026-11-25', breaches: 1, penalties: [] },
      { day: '2026-11-26', breaches: 0, penalties: [{ amount: 80, currency: 'EUR' }] },
      { day: '2026-11-27', breaches: 2, penalties: [{ amount: 40, currency: 'EUR' }] },
    ],
    breachesInPeriod: 3,
    penaltiesInPeriod: [{ amount: 120, currency: 'EUR' }],
    ...over,
  };
}
