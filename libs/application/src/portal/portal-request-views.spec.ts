import type { ServiceRequestDocument } from '@fieldstream/projections';
import { firstNameOf } from './first-name';
import { toPortalDetail, toPortalSummary } from './portal-request-views';
import { portalStageOf } from './portal-stage';

const technicians = new Map([['T-MI-1', 'Mario Rossi']]);
const names = {
  sites: new Map([['S-1', 'ACME Milano']]),
  assets: new Map([['SN-1', 'Boiler hall']]),
  technicians,
};

/** A request document as the desk's read model holds it, with everything a customer must not see. */
function documentOf(overrides: Partial<ServiceRequestDocument> = {}): ServiceRequestDocument {
  return {
    _id: 'R1',
    id: 'R1',
    reference: 'SR-R1',
    status: 'assigned',
    source: 'portal',
    priority: 'critical',
    customerCode: 'ACME',
    siteCode: 'S-1',
    assetCode: 'SN-1',
    zoneCode: 'Z-MI',
    unitCode: 'MI',
    description: 'No heat',
    conditionCodes: ['E04', 'FOUND-BY-TECH'],
    assignments: [
      {
        technicianCode: 'T-MI-1',
        appointmentId: 'A-1',
        start: '2026-12-02T08:00:00.000Z',
        end: '2026-12-02T10:00:00.000Z',
        durationMinutes: 120,
      },
    ],
    plannedStart: '2026-12-02T08:00:00.000Z',
    openedAt: '2026-12-01T08:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    version: 3,
    contact: { name: 'Giulia', phone: '+39 02 1' },
    externalReference: 'CRM-1',
    followUpRequestIds: [],
    reopenedCount: 0,
    lastRevision: 2,
    scope: { units: ['MI'], zones: ['Z-MI'], sites: ['S-1'], customers: ['ACME'], technicians: ['T-MI-1'] },
    workedBy: [],
    searchTerms: ['no', 'heat'],
    priorityRank: 0,
    technicianCodes: ['T-MI-1'],
    notesCount: 4,
    ...overrides,
  };
}

describe('the portal’s view of a request', () => {
  it('is built field by field: the next visit with a first name, nothing of the desk’s', () => {
    const summary = toPortalSummary(documentOf(), names);
    expect(summary).toEqual({
      id: 'R1',
      reference: 'SR-R1',
      status: 'assigned',
      stage: 'planned',
      source: 'portal',
      siteCode: 'S-1',
      siteName: 'ACME Milano',
      assetCode: 'SN-1',
      assetName: 'Boiler hall',
      description: 'No heat',
      openedAt: '2026-12-01T08:00:00.000Z',
      updatedAt: '2026-12-01T09:00:00.000Z',
      nextVisit: {
        start: '2026-12-02T08:00:00.000Z',
        end: '2026-12-02T10:00:00.000Z',
        technicianFirstName: 'Mario',
      },
    });
    const detail = toPortalDetail(documentOf(), names, { steps: [], reportedConditions: [], photos: [] });
    expect(Object.keys(detail)).not.toEqual(
      expect.arrayContaining([
        'priority',
        'zoneCode',
        'unitCode',
        'assignments',
        'notesCount',
        'externalReference',
      ]),
    );
    expect(JSON.stringify(detail)).not.toMatch(/Rossi|T-MI-1|Z-MI|CRM-1|A-1|critical/);
    expect(detail).toMatchObject({ contactName: 'Giulia', canComment: true, canAddPhotos: true, version: 3 });
  });

  it('tells the stage in the customer’s terms', () => {
    const departed = [
      { ...documentOf().assignments[0]!, departedAt: '2026-12-02T07:40:00.000Z', etaMinutes: 20 },
    ];
    expect(
      (
        [
          'open',
          'accepted',
          'in-progress',
          'suspended',
          'closed',
          'resolved-remotely',
          'cancelled',
          'rejected',
        ] as const
      ).map((status) => portalStageOf({ status, assignments: [] })),
    ).toEqual([
      'received',
      'scheduling',
      'in-progress',
      'on-hold',
      'completed',
      'resolved-remotely',
      'cancelled',
      'declined',
    ]);
    expect(portalStageOf({ status: 'assigned', assignments: departed })).toBe('on-the-way');
    expect(toPortalSummary(documentOf({ assignments: departed }), names).nextVisit).toMatchObject({
      departedAt: '2026-12-02T07:40:00.000Z',
      etaMinutes: 20,
    });
  });

  it('shows what was done once it is over, and takes no more comments; an old plan is no next visit', () => {
    const closed = documentOf({
      status: 'closed',
      closedAt: '2026-12-02T10:00:00.000Z',
      closure: {
        at: '2026-12-02T10:00:00.000Z',
        estimate: { labourMinutes: 120, technicianCodes: ['T-MI-1'] },
        labourMinutes: 100,
        travelMinutes: 30,
        travelKm: 14,
        materials: [],
        correctiveActions: [],
        resolution: 'Electrode replaced',
      },
    });
    const detail = toPortalDetail(closed, names, { steps: [], reportedConditions: [], photos: [] });
    expect(detail).toMatchObject({
      stage: 'completed',
      outcome: { at: '2026-12-02T10:00:00.000Z', resolution: 'Electrode replaced' },
      canComment: false,
    });
    expect(detail).not.toHaveProperty('nextVisit');
    expect(toPortalSummary(documentOf({ status: 'suspended' }), names)).not.toHaveProperty('nextVisit');
  });

  it('names a technician by the first word of their name only', () => {
    expect([
      firstNameOf('Mario Rossi'),
      firstNameOf('  Anna Maria Bianchi '),
      firstNameOf(''),
      firstNameOf(undefined),
    ]).toEqual(['Mario', 'Anna', undefined, undefined]);
  });
});
