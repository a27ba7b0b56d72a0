import { issueApiKey } from '../event-stream/testing/event-stream-calls';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { closeThroughApi, receiveStock } from './testing/closed-interventions';

jest.setTimeout(60_000);

type Actor =
  | 'admin'
  | 'dispatcherMi'
  | 'manager'
  | 'technicianMi'
  | 'customerAcme'
  | 'auditor'
  | 'integrator'
  | 'device';

/**
 * Who may export, written out by hand rather than derived from the policy code, so that a change
 * of policy has to be made twice: once in the code, once here, on purpose. Recording a run moves
 * what a consumer is offered next, so auditors, who only look, may not.
 */
const EXPECTED: Record<Actor, { read: number; record: number }> = {
  admin: { read: 200, record: 201 },
  dispatcherMi: { read: 403, record: 403 },
  manager: { read: 403, record: 403 },
  technicianMi: { read: 403, record: 403 },
  customerAcme: { read: 403, record: 403 },
  auditor: { read: 200, record: 403 },
  integrator: { read: 200, record: 201 },
  device: { read: 403, record: 403 },
};

const READS = [
  '/api/exports/interventions',
  '/api/exports/interventions?format=csv&lines=materials',
  '/api/exports/interventions/runs?consumer=office',
  '/api/exports/interventions/runs/office-1',
];

describe('who may export closed interventions', () => {
  const suite = withOrganisationApi();
  const tokens = {} as Record<Actor, string>;

  beforeAll(async () => {
    const { api, admin } = suite;
    Object.assign(tokens, suite.tokens, {
      admin,
      integrator: await issueApiKey(api, admin, { name: 'ERP', role: 'integrator' }),
      device: await issueApiKey(api, admin, { name: 'Gateway', role: 'device', assetCodes: ['SN-ACME-1'] }),
    });
    await receiveStock(api, admin, 'VAN-T-MI-1', 'FILTER', 5);
    await closeThroughApi(
      api,
      { desk: suite.tokens.dispatcherMi, technician: suite.tokens.technicianMi, technicianCode: 'T-MI-1' },
      {
        labourMinutes: 30,
        travelMinutes: 10,
        travelKm: 3,
        materials: [{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' }],
        resolution: 'Filter replaced.',
      },
    );
    const office = await api.call('POST', '/api/exports/interventions/runs', admin, { consumer: 'office' });
    expect(office.status).toBe(201);
  });

  it.each(Object.keys(EXPECTED) as Actor[])('answers %s as the policy says', async (actor) => {
    const { api } = suite;
    const answered = [];
    for (const path of READS) answered.push([path, (await api.call('GET', path, tokens[actor])).status]);
    const consumer = `matrix-${actor.toLowerCase()}`;
    const recorded = await api.call('POST', '/api/exports/interventions/runs', tokens[actor], { consumer });
    answered.push(['POST runs', recorded.status]);
    expect(answered).toEqual([
      ...READS.map((path) => [path, EXPECTED[actor].read]),
      ['POST runs', EXPECTED[actor].record],
    ]);
    if (recorded.status === 403) {
      expect(await recorded.json()).toMatchObject({ status: 403, code: 'forbidden' });
      // Refused, and nothing recorded for that consumer.
      const runs = await api.call('GET', `/api/exports/interventions/runs?consumer=${consumer}`, suite.admin);
      expect(await runs.json()).toMatchObject({ version: 0, runs: [] });
    }
  });

  it('asks for credentials first', async () => {
    for (const path of READS) expect((await suite.api.call('GET', path)).status).toBe(401);
    expect(
      (await suite.api.call('POST', '/api/exports/interventions/runs', undefined, { consumer: 'x' })).status,
    ).toBe(401);
  });
});
