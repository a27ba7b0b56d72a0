import { tempDir } from '@fieldstream/testing';
import { DomainError, serviceRequestStreamName } from '@fieldstream/domain';
import { stockStreamName, technicianScheduleStreamName } from '../../commands/stream-names';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../../errors';
import type { ServiceRequestAction } from '../service-request-action';
import {
  ACTORS,
  type ServiceRequestTestBed,
  startServiceRequestTestBed,
} from './testing/service-request-test-bed';

jest.setTimeout(60_000);

const W48 = '2026-W48';

const close = (
  materials: { itemCode: string; quantity: number; warehouseCode: string }[],
): ServiceRequestAction => ({
  type: 'close',
  labourMinutes: 50,
  travelMinutes: 20,
  travelKm: 12,
  materials,
  correctiveActions: ['Replaced the filter'],
  resolution: 'Boiler working',
});

describe('the life of a service request', () => {
  let bed: ServiceRequestTestBed;
  beforeAll(async () => {
    bed = await startServiceRequestTestBed(await tempDir());
  });
  afterAll(() => bed?.stop());

  const admin = () => bed.as(ACTORS.admin);
  const technician = (options: { key?: string } = {}) => bed.as(ACTORS.technicianMi, options);
  const typesOf = async (requestId: string) =>
    (await bed.events.readStream(serviceRequestStreamName(requestId), { maxCount: 100 })).map(
      (event) => event.type,
    );
  const rejection = (attempt: Promise<unknown>) =>
    attempt.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: unknown) => error,
    );
  const fieldsOf = async (attempt: Promise<unknown>) => {
    const error = await rejection(attempt);
    expect(error).toBeInstanceOf(FieldValidationError);
    return (error as FieldValidationError).issues.map((issue) => issue.field);
  };
  /** What is free of an item in the van, folded from its stock stream. */
  const vanStock = async () => {
    const events = await bed.events.readStream(stockStreamName('VAN-T-MI-1'), { maxCount: 100 });
    return events.reduce(
      (sum, event) =>
        sum +
        (event.type === 'StockReceived' ? 1 : event.type === 'StockIssued' ? -1 : 0) *
          Number(event.data['quantity']),
      0,
    );
  };

  it('goes from opening to closing and reopening, the technician acting on site', async () => {
    const { requestId, version } = await bed.commands.open(bed.as(ACTORS.dispatcherMi), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Leaking',
      priority: 'normal',
      conditionCodes: [],
    });
    const desk = () => bed.as(ACTORS.dispatcherMi);
    const accepted = await bed.commands.execute(
      desk(),
      requestId,
      { type: 'accept', note: 'Ours' },
      {
        expectedVersion: version,
      },
    );
    expect(accepted.version).toBe(2);
    await expect(
      fieldsOf(
        bed.commands.execute(desk(), requestId, { type: 'attachCondition', conditionCode: 'MELTDOWN' }),
      ),
    ).resolves.toEqual(['conditionCode']);
    await bed.commands.execute(desk(), requestId, { type: 'attachCondition', conditionCode: 'LEAK' });
    await bed.commands.execute(desk(), requestId, { type: 'attachCondition', conditionCode: 'NO-IGNITION' });
    await bed.commands.execute(desk(), requestId, { type: 'detachCondition', conditionCode: 'NO-IGNITION' });
    await bed.commands.execute(desk(), requestId, {
      type: 'assign',
      assignments: [{ technicianCode: 'T-MI-1', start: '2026-11-23T09:00:00Z', durationMinutes: 60 }],
      displace: [],
    });
    await bed.commands.execute(technician(), requestId, { type: 'startWork' });
    await bed.commands.execute(technician(), requestId, {
      type: 'addConditionFound',
      conditionCode: 'NO-IGNITION',
    });
    await bed.commands.execute(technician(), requestId, { type: 'addNote', text: 'Filter clogged' });

    const stockBefore = await vanStock();
    const closed = await bed.commands.execute(
      technician({ key: 'close-1' }),
      requestId,
      close([{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' }]),
    );
    expect(await vanStock()).toBe(stockBefore - 1);
    const issued = (await bed.events.readStream(stockStreamName('VAN-T-MI-1'), { maxCount: 100 })).filter(
      (event) => event.type === 'StockIssued',
    );
    expect(issued.at(-1)).toMatchObject({
      data: { itemCode: 'FILTER', quantity: 1, reason: 'intervention', reference: requestId },
      metadata: { actorId: 'tech-mi' },
    });
    expect(closed.position).toBe(issued.at(-1)!.position);
    // The API waits for each read model up to what was written to the streams it reads.
    const requestEvents = await bed.events.readStream(`service-request-${requestId}`, { maxCount: 100 });
    expect(closed.readModels).toEqual(
      expect.arrayContaining([
        { projection: 'service-requests', position: requestEvents.at(-1)!.position },
        { projection: 'stock', position: issued.at(-1)!.position },
      ]),
    );
    expect(closed.readModels).toHaveLength(2);

    // The phone retries the same close: it answers the same and issues nothing twice.
    const again = await bed.commands.execute(
      technician({ key: 'close-1' }),
      requestId,
      close([{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' }]),
    );
    expect(again.version).toBe(closed.version);
    expect(await vanStock()).toBe(stockBefore - 1);

    const reopened = await bed.commands.execute(desk(), requestId, { type: 'reopen', reason: 'Leaks again' });
    expect(await bed.requestState(requestId)).toMatchObject({
      status: 'accepted',
      assignments: {},
      version: reopened.version,
    });
    expect(await typesOf(requestId)).toEqual([
      'ServiceRequestOpened',
      'ServiceRequestAccepted',
      'ServiceRequestConditionAttached',
      'ServiceRequestConditionAttached',
      'ServiceRequestConditionDetached',
      'ServiceRequestTechniciansAssigned',
      'ServiceRequestWorkStarted',
      'ServiceRequestConditionAttached',
      'ServiceRequestNoteAdded',
      'ServiceRequestClosed',
      'ServiceRequestReopened',
    ]);
  });

  it('rejects a request at acceptance', async () => {
    const { requestId } = await bed.commands.open(bed.as(ACTORS.customerAcme), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Noise',
      priority: 'low',
      conditionCodes: [],
    });
    await bed.commands.execute(admin(), requestId, { type: 'reject', diagnosis: 'Normal operation' });
    expect((await bed.requestState(requestId)).status).toBe('rejected');
  });

  it('refuses roles that may never act, and answers out-of-reach requests as missing ones', async () => {
    const requestId = await bed.openAccepted();
    for (const actor of [
      ACTORS.customerAcme,
      ACTORS.manager,
      ACTORS.auditor,
      ACTORS.integrator,
      ACTORS.device,
    ]) {
      await expect(
        bed.commands.execute(bed.as(actor), requestId, { type: 'addNote', text: 'Hello' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(
      bed.commands.execute(bed.as(ACTORS.technicianMi), requestId, { type: 'cancel', reason: 'No' }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const missing = await rejection(
      bed.commands.execute(admin(), 'no-such-request', { type: 'addNote', text: 'Hello' }),
    );
    const outOfScope = await rejection(
      bed.commands.execute(bed.as(ACTORS.dispatcherRm), requestId, { type: 'addNote', text: 'Hello' }),
    );
    const unassigned = await rejection(
      bed.commands.execute(bed.as(ACTORS.technicianMi), requestId, { type: 'addNote', text: 'Hello' }),
    );
    for (const error of [missing, outOfScope, unassigned]) expect(error).toBeInstanceOf(NotFoundError);
    expect((outOfScope as Error).message).toBe(`There is no service request ${requestId}`);
    expect((missing as Error).message).toBe('There is no service request no-such-request');
    expect(await typesOf(requestId)).toEqual(['ServiceRequestOpened', 'ServiceRequestAccepted']);
  });

  it('has a technician act for themselves only, and the desk name the technician it acts for', async () => {
    const { requestId } = await bed.openAssigned('T-MI-1', '2026-11-24T09:00:00Z', 60);
    await expect(
      bed.commands.execute(technician(), requestId, { type: 'startWork', technicianCode: 'T-MI-2' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(fieldsOf(bed.commands.execute(admin(), requestId, { type: 'startWork' }))).resolves.toEqual([
      'technicianCode',
    ]);
    await expect(
      bed.commands.execute(bed.as(ACTORS.technicianMi2), requestId, { type: 'startWork' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await bed.commands.execute(admin(), requestId, { type: 'startWork', technicianCode: 'T-MI-1' });
    expect(await bed.requestState(requestId)).toMatchObject({ status: 'in-progress', startedBy: ['T-MI-1'] });
    // The decider's refusals come through as they are.
    const illegal = await rejection(
      bed.commands.execute(admin(), requestId, { type: 'cancel', reason: 'Late' }),
    );
    expect(illegal).toBeInstanceOf(DomainError);
    expect(illegal).toMatchObject({ code: 'illegal_transition' });
  });

  it('accepts only the organisation renounce reasons, and frees the renounced time', async () => {
    const { requestId, appointmentId } = await bed.openAssigned('T-MI-1', '2026-11-25T09:00:00Z', 60);
    const before = await bed.requestState(requestId);
    await expect(
      fieldsOf(
        bed.commands.execute(technician(), requestId, {
          type: 'renounce',
          reasonCode: 'BORED',
          text: 'Too far',
        }),
      ),
    ).resolves.toEqual(['reasonCode']);
    expect((await bed.requestState(requestId)).version).toBe(before.version);

    await bed.commands.execute(technician(), requestId, {
      type: 'renounce',
      reasonCode: 'VEHICLE',
      text: 'The van broke down',
    });
    expect(await bed.requestState(requestId)).toMatchObject({ status: 'accepted', assignments: {} });
    const schedule = await bed.schedule('T-MI-1', W48);
    expect(schedule.appointments[appointmentId]).toBeUndefined();
    const [released] = await bed.events.readStream(technicianScheduleStreamName('T-MI-1', W48), {
      direction: 'backwards',
      maxCount: 1,
    });
    expect(released).toMatchObject({
      type: 'AppointmentReleased',
      data: { appointmentId, reason: 'renounced: VEHICLE' },
    });
  });

  it('refuses a close whose materials are short, naming the line and what is available, writing nothing', async () => {
    const { requestId } = await bed.openAssigned('T-MI-1', '2026-11-26T09:00:00Z', 60);
    await bed.commands.execute(technician(), requestId, { type: 'startWork' });
    const head = await bed.events.headPosition();
    const error = await rejection(
      bed.commands.execute(
        technician(),
        requestId,
        close([
          { itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' },
          { itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' },
          { itemCode: 'OIL', quantity: 0.5, warehouseCode: 'VAN-T-MI-1' },
          { itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-NOWHERE' },
        ]),
      ),
    );
    expect(error).toBeInstanceOf(FieldValidationError);
    // The van holds one filter (two received, one used above): the second line is short.
    expect((error as FieldValidationError).issues).toEqual([
      expect.objectContaining({
        field: 'materials.1.quantity',
        message: expect.stringContaining('Only 0 of FILTER'),
      }),
      expect.objectContaining({
        field: 'materials.2.quantity',
        message: expect.stringContaining('Only 0 of OIL'),
      }),
      expect.objectContaining({ field: 'materials.3.warehouseCode' }),
    ]);
    expect(await bed.events.headPosition()).toBe(head);
    expect((await bed.requestState(requestId)).status).toBe('in-progress');
  });

  it('opens a follow-up linked both ways, once per Idempotency-Key', async () => {
    const { requestId } = await bed.openAssigned('T-MI-1', '2026-11-27T09:00:00Z', 60);
    await bed.commands.execute(technician(), requestId, { type: 'startWork' });
    const followUp: ServiceRequestAction = {
      type: 'openFollowUp',
      reason: 'Needs a new pump',
      description: 'Replace the pump',
      conditionCodes: ['LEAK'],
    };
    const first = await bed.commands.execute(technician({ key: 'follow-1' }), requestId, followUp);
    const again = await bed.commands.execute(technician({ key: 'follow-1' }), requestId, followUp);
    expect(first.followUpRequestId).toBeDefined();
    expect(again).toMatchObject({ followUpRequestId: first.followUpRequestId, version: first.version });

    const child = first.followUpRequestId!;
    expect((await bed.requestState(requestId)).followUpRequestIds).toEqual([child]);
    const [opened] = await bed.events.readStream(serviceRequestStreamName(child), { maxCount: 5 });
    expect(opened).toMatchObject({
      type: 'ServiceRequestOpened',
      data: {
        followUpOf: requestId,
        customerCode: 'ACME',
        siteCode: 'S-ACME-1',
        source: 'desk',
        priority: 'normal',
        description: 'Replace the pump',
        conditionCodes: ['LEAK'],
        zoneCode: 'Z-MI',
      },
    });
    expect(await typesOf(child)).toEqual(['ServiceRequestOpened']);

    // A request not yet started cannot be followed up: nothing is opened.
    const idle = await bed.openAccepted();
    const head = await bed.events.headPosition();
    await expect(bed.commands.execute(admin(), idle, followUp)).rejects.toMatchObject({
      code: 'illegal_transition',
    });
    expect(await bed.events.headPosition()).toBe(head);
  });

  it('follows the organisation parameters once recorded: acceptance, renounce reasons, reopen window', async () => {
    await bed.masterData.write(admin(), 'parameters', 'register', 'organisation', {
      explicitAcceptance: false,
      renounceReasons: [{ code: 'FLAT-TYRE', label: 'Flat tyre' }],
      priorities: [{ code: 'normal', label: 'Normal', colour: '#336699' }],
      reopenWindowDays: 0,
    });
    const { requestId } = await bed.commands.open(admin(), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Auto accepted',
      priority: 'normal',
      conditionCodes: [],
    });
    expect(await typesOf(requestId)).toEqual(['ServiceRequestOpened', 'ServiceRequestAccepted']);
    await bed.commands.execute(admin(), requestId, {
      type: 'assign',
      assignments: [{ technicianCode: 'T-MI-2', start: '2026-11-28T09:00:00Z', durationMinutes: 60 }],
      displace: [],
    });
    await expect(
      fieldsOf(
        bed.commands.execute(bed.as(ACTORS.technicianMi2), requestId, {
          type: 'renounce',
          reasonCode: 'VEHICLE',
          text: 'Van',
        }),
      ),
    ).resolves.toEqual(['reasonCode']);
    await bed.commands.execute(bed.as(ACTORS.technicianMi2), requestId, {
      type: 'renounce',
      reasonCode: 'FLAT-TYRE',
      text: 'Flat tyre on the ring road',
    });
    await bed.commands.execute(admin(), requestId, {
      type: 'recordRemoteCheck',
      resolution: 'Reset remotely',
    });
    const late = bed.as(ACTORS.admin, { at: '2026-11-21T08:00:00.000Z' });
    await expect(
      bed.commands.execute(late, requestId, { type: 'reopen', reason: 'Again' }),
    ).rejects.toMatchObject({ code: 'reopen_window_passed', details: { reopenWindowDays: 0 } });
  });
});
