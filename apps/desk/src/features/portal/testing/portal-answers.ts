import type {
  PortalAssetDetail,
  PortalAssets,
  PortalContracts,
  PortalRequestDetail,
  PortalRequestSummary,
} from '@fieldstream/api-contract';

/** A request of ACME's as the portal lists it, planned with Mario tomorrow morning. */
export function summaryOf(id: string, overrides: Partial<PortalRequestSummary> = {}): PortalRequestSummary {
  return {
    id,
    reference: `SR-${id.slice(0, 8).toUpperCase()}`,
    status: 'assigned',
    stage: 'planned',
    source: 'portal',
    siteCode: 'S-ACME-1',
    siteName: 'ACME Milano',
    assetCode: 'SN-ACME-1',
    assetName: 'Boiler hall A',
    description: 'The boiler does not start; E04 on the display.',
    openedAt: '2026-11-26T08:00:00.000Z',
    updatedAt: '2026-11-26T09:00:00.000Z',
    nextVisit: {
      start: '2026-12-02T08:00:00.000Z',
      end: '2026-12-02T10:00:00.000Z',
      technicianFirstName: 'Mario',
    },
    ...overrides,
  };
}

export function detailOf(id: string, overrides: Partial<PortalRequestDetail> = {}): PortalRequestDetail {
  const summary = summaryOf(id);
  return {
    ...summary,
    visits: summary.nextVisit ? [summary.nextVisit] : [],
    reportedConditions: [{ code: 'E04', name: 'Ignition failure (E04)' }],
    contactName: 'Giulia Verdi',
    steps: [
      { at: '2026-11-26T08:00:00.000Z', kind: 'opened', source: 'portal', by: 'Giulia Verdi' },
      { at: '2026-11-26T08:30:00.000Z', kind: 'accepted' },
      {
        at: '2026-11-26T09:00:00.000Z',
        kind: 'planned',
        technicianFirstName: 'Mario',
        window: { start: '2026-12-02T08:00:00.000Z', end: '2026-12-02T10:00:00.000Z' },
      },
    ],
    photos: [],
    canComment: true,
    canAddPhotos: true,
    version: 4,
    ...overrides,
  };
}

export const ASSETS: PortalAssets = {
  sites: [
    {
      code: 'S-ACME-1',
      name: 'ACME Milano',
      address: 'Via Torino 1, 20123 Milano',
      timeZone: 'Europe/Rome',
      assets: [
        {
          code: 'SN-ACME-1',
          name: 'Boiler hall A',
          modelCode: 'BOILER-X',
          modelName: 'Boiler X 24kW',
          siteCode: 'S-ACME-1',
          openRequests: 1,
          lastVisitAt: '2026-10-07T07:16:00.000Z',
        },
        {
          code: 'SN-ACME-2',
          modelCode: 'BOILER-X',
          modelName: 'Boiler X 24kW',
          siteCode: 'S-ACME-1',
          openRequests: 0,
        },
      ],
    },
    { code: 'S-ACME-2', name: 'ACME Monza', timeZone: 'Europe/Rome', assets: [] },
  ],
};

export const ASSET: PortalAssetDetail = {
  asset: { ...ASSETS.sites[0]!.assets[0]!, installedOn: '2024-03-01' },
  site: {
    code: 'S-ACME-1',
    name: 'ACME Milano',
    address: 'Via Torino 1, 20123 Milano',
    timeZone: 'Europe/Rome',
  },
  history: [
    {
      ...summaryOf('cccccccc-0000-4000-8000-000000000003', {
        status: 'closed',
        stage: 'completed',
        closedAt: '2026-10-07T09:00:00.000Z',
        nextVisit: undefined,
      }),
      visits: [
        {
          start: '2026-10-07T07:00:00.000Z',
          end: '2026-10-07T09:00:00.000Z',
          technicianFirstName: 'Chiara',
          arrivedAt: '2026-10-07T07:16:00.000Z',
        },
      ],
      outcome: { at: '2026-10-07T09:00:00.000Z', resolution: 'Pump replaced, tested for an hour.' },
    },
  ],
};

export const CONTRACTS: PortalContracts = {
  contracts: [
    {
      code: 'C-ACME',
      name: 'ACME gold',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      standing: 'in-force',
      coverage: {
        allSites: true,
        sites: [],
        allAssets: false,
        assets: [{ code: 'SN-ACME-1', name: 'Boiler hall A' }],
      },
      includesLabour: true,
      includesMaterials: false,
      serviceHours: {
        timeZone: 'Europe/Rome',
        roundTheClock: false,
        weekly: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({
          day: day as 'mon',
          hours: [{ from: '08:00', to: '18:00' }],
        })),
        publicHolidays: 'IT',
      },
      serviceLevels: [
        { priority: 'critical', responseMinutes: 120, restorationMinutes: 480 },
        { priority: 'normal', responseMinutes: 480, restorationMinutes: 2880 },
      ],
      responseEndsOn: 'on-site',
      penaltyPerHour: 50,
      currency: 'EUR',
    },
    {
      code: 'C-OLD',
      name: 'ACME silver 2025',
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      standing: 'expired',
      coverage: { allSites: true, sites: [], allAssets: true, assets: [] },
      includesLabour: true,
      includesMaterials: true,
      serviceHours: { timeZone: 'Europe/Rome', roundTheClock: true, weekly: [] },
      serviceLevels: [{ priority: 'normal', responseMinutes: 60, restorationMinutes: 240 }],
      responseEndsOn: 'on-the-way',
      currency: 'EUR',
    },
  ],
};
