import { tempDir } from '@fieldstream/testing';
import { serviceRequestStreamName } from '@fieldstream/domain';
import { FieldValidationError, ForbiddenError } from '../../errors';
import type { OpenServiceRequestInput } from '../service-request-action';
import {
  ACTORS,
  type ServiceRequestTestBed,
  startServiceRequestTestBed,
} from './testing/service-request-test-bed';

jest.setTimeout(60_000);

const acme: OpenServiceRequestInput = {
  customerCode: 'ACME',
  siteCode: 'S-ACME-1',
  assetCode: 'SN-ACME-1',
  description: 'The boiler does not ignite',
  priority: 'high',
  conditionCodes: ['NO-IGNITION'],
};

/** The fields a FieldValidationError names, or a failure saying what was thrown instead. */
async function fieldsOf(attempt: Promise<unknown>): Promise<string[]> {
  const error = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof FieldValidationError))
    throw new Error(`expected a field error, got ${String(error)}`);
  return error.issues.map((issue) => issue.field);
}

describe('opening a service request', () => {
  let bed: ServiceRequestTestBed;
  beforeAll(async () => {
    bed = await startServiceRequestTestBed(await tempDir());
  });
  afterAll(() => bed?.stop());

  const history = (requestId: string) =>
    bed.events.readStream(serviceRequestStreamName(requestId), { maxCount: 100 });

  it('opens a desk request routed to the site zone and its centre, with the site contact', async () => {
    const result = await bed.commands.open(bed.as(ACTORS.dispatcherMi), acme);
    expect(result).toMatchObject({ created: true, version: 1 });
    expect(result.position).toBeGreaterThan(0);
    const [opened] = await history(result.requestId);
    expect(opened).toMatchObject({
      type: 'ServiceRequestOpened',
      data: {
        requestId: result.requestId,
        source: 'desk',
        zoneCode: 'Z-MI',
        unitCode: 'MI',
        customerCode: 'ACME',
        assetCode: 'SN-ACME-1',
        conditionCodes: ['NO-IGNITION'],
        contact: { name: 'Anna Neri', phone: '+39 02 1234567' },
        explicitAcceptance: true,
      },
      metadata: { actorId: 'disp-mi', actorRole: 'dispatcher' },
    });
    expect((await bed.requestState(result.requestId)).status).toBe('open');
  });

  it('names every field with a bad reference and writes nothing', async () => {
    const before = await bed.events.headPosition();
    await expect(
      fieldsOf(bed.commands.open(bed.as(ACTORS.admin), { ...acme, customerCode: 'NOBODY' })),
    ).resolves.toEqual(['customerCode', 'siteCode']);
    await expect(
      fieldsOf(
        bed.commands.open(bed.as(ACTORS.admin), {
          ...acme,
          assetCode: 'SN-BETA-1',
          conditionCodes: ['LEAK', 'MELTDOWN'],
        }),
      ),
    ).resolves.toEqual(['assetCode', 'conditionCodes.1']);
    await expect(
      fieldsOf(
        bed.commands.open(bed.as(ACTORS.admin), { ...acme, siteCode: 'S-BETA-1', assetCode: undefined }),
      ),
    ).resolves.toEqual(['siteCode']);
    expect(await bed.events.headPosition()).toBe(before);
  });

  it('opens one request per external reference, however often an integration sends it', async () => {
    const input = { ...acme, externalReference: 'ERP-4711' };
    const first = await bed.commands.open(bed.as(ACTORS.integrator), input);
    const again = await bed.commands.open(bed.as(ACTORS.integrator), input);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ requestId: first.requestId, created: false, version: 1 });
    const events = await history(first.requestId);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ source: 'external', externalReference: 'ERP-4711' });
    await expect(
      fieldsOf(
        bed.commands.open(bed.as(ACTORS.integrator), {
          ...input,
          customerCode: 'BETA',
          siteCode: 'S-BETA-1',
          assetCode: undefined,
        }),
      ),
    ).resolves.toEqual(['externalReference']);
  });

  it('answers a retried opening (same Idempotency-Key) with the first request', async () => {
    const first = await bed.commands.open(bed.as(ACTORS.dispatcherMi, { key: 'open-1' }), acme);
    const again = await bed.commands.open(bed.as(ACTORS.dispatcherMi, { key: 'open-1' }), acme);
    const other = await bed.commands.open(bed.as(ACTORS.dispatcherMi, { key: 'open-2' }), acme);
    expect(again).toMatchObject({ requestId: first.requestId, created: false });
    expect(other.requestId).not.toBe(first.requestId);
    expect(await history(first.requestId)).toHaveLength(1);
  });

  it('lets a customer open for their own sites only, through the portal', async () => {
    const own = await bed.commands.open(bed.as(ACTORS.customerAcme), { ...acme, source: 'desk' });
    expect((await history(own.requestId))[0]!.data).toMatchObject({
      source: 'portal',
      contact: { name: 'Anna Neri' },
    });
    await expect(
      fieldsOf(
        bed.commands.open(bed.as(ACTORS.customerAcme), {
          ...acme,
          customerCode: 'BETA',
          siteCode: 'S-BETA-1',
          assetCode: undefined,
        }),
      ),
    ).resolves.toEqual(['customerCode', 'siteCode']);
  });

  it('keeps a desk to the sites of its centre', async () => {
    await expect(fieldsOf(bed.commands.open(bed.as(ACTORS.dispatcherRm), acme))).resolves.toEqual([
      'siteCode',
    ]);
    const rome = await bed.commands.open(bed.as(ACTORS.dispatcherRm), {
      customerCode: 'BETA',
      siteCode: 'S-BETA-1',
      description: 'No heating',
      priority: 'normal',
      conditionCodes: [],
      contact: { name: 'Carla' },
    });
    expect((await history(rome.requestId))[0]!.data).toMatchObject({
      zoneCode: 'Z-RM',
      unitCode: 'RM',
      contact: { name: 'Carla' },
    });
  });

  it('lets a device report for its own assets only', async () => {
    const reported = await bed.commands.open(bed.as(ACTORS.device), { ...acme, source: 'desk' });
    expect((await history(reported.requestId))[0]!.data).toMatchObject({ source: 'device' });
    await expect(
      bed.commands.open(bed.as(ACTORS.device), { ...acme, assetCode: 'SN-ACME-2' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      fieldsOf(bed.commands.open(bed.as(ACTORS.device), { ...acme, assetCode: undefined })),
    ).resolves.toEqual(['assetCode']);
  });

  it('refuses technicians, managers and auditors', async () => {
    for (const actor of [ACTORS.technicianMi, ACTORS.manager, ACTORS.auditor]) {
      await expect(bed.commands.open(bed.as(actor), acme)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
