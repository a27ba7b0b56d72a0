import type { Contract } from '@fieldstream/domain';
import { type CandidateContract, coveringContract } from './contract-coverage';

const contract = (
  code: string,
  overrides: Partial<Contract> = {},
  status: 'active' | 'retired' = 'active',
): CandidateContract => ({
  code,
  status,
  record: {
    name: code,
    customerCode: 'ACME',
    siteCodes: [],
    assetCodes: [],
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    serviceCalendarCode: 'CAL',
    serviceLevels: [{ priority: 'high', responseMinutes: 60, restorationMinutes: 240 }],
    includesLabour: true,
    includesMaterials: false,
    penaltyPerHour: 0,
    currency: 'EUR',
    slaThresholds: [50, 75, 90, 100],
    slaAtRiskPercent: 75,
    slaPausingReasonCodes: ['waiting-customer'],
    responseEndsOn: 'on-site',
    ...overrides,
  },
});
const request = { customerCode: 'ACME', siteCode: 'S1', assetCode: 'A1', day: '2026-06-15' };

describe('coveringContract', () => {
  it('takes the customer’s general contract when nothing more precise exists', () => {
    expect(
      coveringContract([contract('GENERAL'), contract('OTHER', { customerCode: 'BETA' })], request)?.code,
    ).toBe('GENERAL');
  });

  it('prefers a contract naming the asset over one naming the site over a general one', () => {
    const all = [
      contract('GENERAL'),
      contract('SITE', { siteCodes: ['S1'] }),
      contract('ASSET', { assetCodes: ['A1'] }),
    ];
    expect(coveringContract(all, request)?.code).toBe('ASSET');
    expect(coveringContract(all.slice(0, 2), request)?.code).toBe('SITE');
  });

  it('leaves out contracts for other sites or assets, out of force, or retired', () => {
    expect(
      coveringContract(
        [
          contract('ELSEWHERE', { siteCodes: ['S2'] }),
          contract('OTHER-ASSET', { assetCodes: ['A2'] }),
          contract('EXPIRED', { validFrom: '2025-01-01', validTo: '2026-06-14' }),
          contract('LATER', { validFrom: '2026-06-16' }),
          contract('RETIRED', {}, 'retired'),
        ],
        request,
      ),
    ).toBeUndefined();
    // A contract that lists assets covers only those, even on a request without an asset.
    const { assetCode: _none, ...withoutAsset } = request;
    expect(coveringContract([contract('ASSETS', { assetCodes: ['A1'] })], withoutAsset)).toBeUndefined();
  });

  it('counts the first and last day of validity in, and breaks ties by the longest running then by code', () => {
    expect(coveringContract([contract('EDGE', { validTo: '2026-06-15' })], request)?.code).toBe('EDGE');
    expect(
      coveringContract(
        [contract('B', { validTo: '2027-12-31' }), contract('A'), contract('C', { validTo: '2027-12-31' })],
        request,
      )?.code,
    ).toBe('B');
  });
});
