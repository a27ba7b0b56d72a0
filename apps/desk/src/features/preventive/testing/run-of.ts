import type { PreventiveRun } from '@fieldstream/api-contract';

/** A run's report as the API answers it: one yearly boiler visit opened on its day, nothing else. */
export function runOf(at: string, over: Partial<PreventiveRun> = {}): PreventiveRun {
  return {
    at,
    plans: 2,
    assets: 5,
    opened: [
      {
        planCode: 'PM-BOILER-YEARLY',
        assetCode: 'SN-ACME-1',
        occurrence: '2026-12-15',
        dueOn: '2026-12-15',
        requestId: 'bbbbbbbb-0000-4000-8000-000000000002',
      },
    ],
    alreadyOpen: 0,
    unplaceable: [],
    problems: [],
    ...over,
  };
}
