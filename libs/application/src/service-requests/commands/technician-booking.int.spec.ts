import { tempDir } from '@fieldstream/testing';
import {
  DomainError,
  type ServiceRequestEvent,
  schedulePeriodsOf,
  serviceRequestStreamName,
} from '@fieldstream/domain';
import { WrongExpectedRevisionError } from '@fieldstream/event-store';
import { technicianScheduleStreamName } from '../../commands/stream-names';
import { FieldValidationError } from '../../errors';
import {
  ACTORS,
  type ServiceRequestTestBed,
  startServiceRequestTestBed,
} from './testing/service-request-test-bed';

jest.setTimeout(120_000);

const W48 = '2026-W48';
const W49 = '2026-W49';
const W50 = '2026-W50';

describe('booking technicians for service requests', () => {
  let bed: ServiceRequestTestBed;
  beforeAll(async () => {
    bed = await startServiceRequestTestBed(await tempDir());
  });
  afterAll(() => bed?.stop());

  const admin = () => bed.as(ACTORS.admin);
  const assign = (
    requestId: string,
    assignments: { technicianCode: string; start: string; durationMinutes: number }[],
    displace: { appointmentId: string; action: 'suspend' | 'remove' }[] = [],
    options: { key?: string; expectedVersion?: number } = {},
  ) =>
    bed.commands.execute(
      bed.as(ACTORS.admin, options.key ? { key: options.key } : {}),
      requestId,
      { type: 'assign', assignments, displace },
      options.expectedVersion !== undefined ? { expectedVersion: options.expectedVersion } : {},
    );
  const lastEvent = async (requestId: string) => {
    const [last] = await bed.events.readStream(serviceRequestStreamName(requestId), {
      direction: 'backwards',
      maxCount: 1,
    });
    return last!;
  };
  const refusal = (attempt: Promise<unknown>) =>
    attempt.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: unknown) => error,
    );

  it('reserves, records and confirms an assignment in the technician schedule', async () => {
    const { requestId, appointmentId } = await bed.openAssigned('T-MI-1', '2026-11-23T15:00:00+01:00', 60);
    const request = await bed.requestState(requestId);
    expect(request.status).toBe('assigned');
    expect(request.assignments['T-MI-1']).toMatchObject({ appointmentId, end: '2026-11-23T15:00:00.000Z' });
    expect((await bed.schedule('T-MI-1', W48)).appointments[appointmentId]).toEqual({
      appointmentId,
      requestId,
      start: '2026-11-23T14:00:00.000Z',
      end: '2026-11-23T15:00:00.000Z',
      status: 'confirmed',
    });
  });

  it('refuses an unknown or inactive technician naming the field, before any reservation', async () => {
    const requestId = await bed.openAccepted();
    const error = await refusal(
      assign(requestId, [
        { technicianCode: 'T-OFF', start: '2026-11-23T09:00:00Z', durationMinutes: 60 },
        { technicianCode: 'T-NOBODY', start: '2026-11-23T09:00:00Z', durationMinutes: 60 },
      ]),
    );
    expect(error).toBeInstanceOf(FieldValidationError);
    expect((error as FieldValidationError).issues.map((issue) => issue.field)).toEqual([
      'assignments.0.technicianCode',
      'assignments.1.technicianCode',
    ]);
    expect((await bed.schedule('T-OFF', W48)).version).toBe(0);
  });

  it('refuses an overlapping booking naming the other appointment, leaving nothing half-written', async () => {
    const first = await bed.openAssigned('T-MI-1', '2026-11-23T09:00:00Z', 120);
    const second = await bed.openAccepted();
    // T-MI-2 is free and reserved first; T-MI-1 then refuses, so T-MI-2's reservation is released.
    const error = await refusal(
      assign(second, [
        { technicianCode: 'T-MI-2', start: '2026-11-23T10:00:00Z', durationMinutes: 60 },
        { technicianCode: 'T-MI-1', start: '2026-11-23T10:00:00Z', durationMinutes: 60 },
      ]),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'schedule_conflict',
      details: { conflicts: [{ appointmentId: first.appointmentId, requestId: first.requestId }] },
    });
    expect((error as Error).message).toContain(first.appointmentId);

    const request = await bed.requestState(second);
    expect(request).toMatchObject({ status: 'accepted', assignments: {} });
    const helper = await bed.schedule('T-MI-2', W48);
    expect(Object.values(helper.appointments).filter((a) => a.requestId === second)).toEqual([]);
    expect(Object.keys(helper.ended)).toHaveLength(1);
    const busy = await bed.schedule('T-MI-1', W48);
    expect(Object.values(busy.appointments).filter((a) => a.requestId === second)).toEqual([]);
  });

  it('lets exactly one of 50 parallel overlapping bookings of one technician through', async () => {
    const requests: string[] = [];
    for (let index = 0; index < 50; index++) requests.push(await bed.openAccepted());
    const outcomes = await Promise.allSettled(
      requests.map((requestId, index) =>
        assign(requestId, [
          {
            technicianCode: 'T-MI-2',
            start: new Date(Date.parse('2026-11-24T09:00:00Z') + index * 60_000).toISOString(),
            durationMinutes: 60,
          },
        ]),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(49);
    for (const outcome of refused) {
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'schedule_conflict' });
    }
    const schedule = await bed.schedule('T-MI-2', W48);
    const live = Object.values(schedule.appointments).filter((a) => requests.includes(a.requestId));
    expect(live).toHaveLength(1);
    const states = await Promise.all(requests.map((requestId) => bed.requestState(requestId)));
    const assigned = states.filter((state) => state.status === 'assigned');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]!.requestId).toBe(live[0]!.requestId);
    expect(assigned[0]!.assignments['T-MI-2']!.appointmentId).toBe(live[0]!.appointmentId);
  });

  it('writes a booking across Sunday midnight UTC to both weeks, and frees both on unassigning', async () => {
    const start = '2026-11-29T23:00:00Z';
    expect(schedulePeriodsOf(start, 120)).toEqual([W48, W49]);
    const { requestId, appointmentId } = await bed.openAssigned('T-RM-1', start, 120);
    for (const period of [W48, W49]) {
      expect((await bed.schedule('T-RM-1', period)).appointments[appointmentId]).toMatchObject({
        requestId,
        start: '2026-11-29T23:00:00.000Z',
        end: '2026-11-30T01:00:00.000Z',
        status: 'confirmed',
      });
    }
    const result = await bed.commands.execute(admin(), requestId, {
      type: 'unassign',
      technicianCode: 'T-RM-1',
      reason: 'Customer away',
    });
    expect(result.version).toBe((await bed.requestState(requestId)).version);
    expect((await bed.requestState(requestId)).status).toBe('accepted');
    for (const period of [W48, W49]) {
      const schedule = await bed.schedule('T-RM-1', period);
      expect(schedule.appointments[appointmentId]).toBeUndefined();
      expect(schedule.ended[appointmentId]).toBe(true);
    }
  });

  it('changes nothing when an assignment is retried with the same Idempotency-Key', async () => {
    const requestId = await bed.openAccepted();
    const slot = { technicianCode: 'T-RM-1', start: '2026-11-25T09:00:00Z', durationMinutes: 60 };
    const first = await assign(requestId, [slot], [], { key: 'assign-once', expectedVersion: 2 });
    const scheduleBefore = await bed.schedule('T-RM-1', W48);
    const again = await assign(requestId, [slot], [], { key: 'assign-once', expectedVersion: 2 });
    expect(again.version).toBe(first.version);
    expect((await bed.requestState(requestId)).version).toBe(first.version);
    expect((await bed.schedule('T-RM-1', W48)).version).toBe(scheduleBefore.version);
  });

  it('refuses a stale expected version before touching any schedule', async () => {
    const requestId = await bed.openAccepted();
    await bed.commands.execute(admin(), requestId, { type: 'addNote', text: 'Called the customer' });
    const error = await refusal(
      assign(
        requestId,
        [{ technicianCode: 'T-RM-1', start: '2026-12-10T09:00:00Z', durationMinutes: 60 }],
        [],
        {
          expectedVersion: 2,
        },
      ),
    );
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await bed.schedule('T-RM-1', W50)).version).toBe(0);
    expect((await bed.requestState(requestId)).status).toBe('accepted');
  });

  it('lets an emergency remove a booking in its way: the other request loses that technician', async () => {
    const other = await bed.openAssigned('T-MI-1', '2026-11-25T09:00:00Z', 120);
    const emergency = await bed.openAccepted({ priority: 'critical', description: 'Gas smell' });
    await expect(
      assign(
        emergency,
        [{ technicianCode: 'T-MI-1', start: '2026-11-25T10:00:00Z', durationMinutes: 60 }],
        [{ appointmentId: 'not-there', action: 'remove' }],
      ),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ field: 'displace.0.appointmentId' })] });

    const context = bed.as(ACTORS.admin);
    await bed.commands.execute(context, emergency, {
      type: 'assign',
      assignments: [{ technicianCode: 'T-MI-1', start: '2026-11-25T10:00:00Z', durationMinutes: 60 }],
      displace: [{ appointmentId: other.appointmentId, action: 'remove' }],
    });
    const reference = `SR-${emergency.slice(0, 8).toUpperCase()}`;
    expect(await bed.requestState(other.requestId)).toMatchObject({ status: 'accepted', assignments: {} });
    const unassigned = await lastEvent(other.requestId);
    expect(unassigned).toMatchObject({
      type: 'ServiceRequestUnassigned',
      data: { reason: `Displaced by emergency ${reference}`, backToDispatch: true },
      metadata: { correlationId: context.correlationId, displacedByRequestId: emergency },
    });
    const removal = (
      await bed.events.readStream(technicianScheduleStreamName('T-MI-1', W48), {
        direction: 'backwards',
        maxCount: 10,
      })
    ).find((event) => event.type === 'AppointmentRemoved');
    expect(removal?.data).toMatchObject({ appointmentId: other.appointmentId, byRequestId: emergency });
    expect(unassigned.metadata.causationId).toBe(removal?.id);

    const schedule = await bed.schedule('T-MI-1', W48);
    expect(schedule.appointments[other.appointmentId]).toBeUndefined();
    const booked = (await bed.requestState(emergency)).assignments['T-MI-1']!.appointmentId!;
    expect(schedule.appointments[booked]).toMatchObject({ requestId: emergency, status: 'confirmed' });
  });

  it('lets an emergency suspend a booking; moving it later resumes it only where it is free', async () => {
    const other = await bed.openAssigned('T-MI-1', '2026-11-26T09:00:00Z', 120);
    const emergency = await bed.openAccepted({ priority: 'critical' });
    await assign(
      emergency,
      [{ technicianCode: 'T-MI-1', start: '2026-11-26T10:00:00Z', durationMinutes: 60 }],
      [{ appointmentId: other.appointmentId, action: 'suspend' }],
    );
    expect((await bed.requestState(other.requestId)).status).toBe('assigned');
    const note = await lastEvent(other.requestId);
    expect(note.type).toBe('ServiceRequestNoteAdded');
    expect(String(note.data['text'])).toContain(
      `suspended for emergency SR-${emergency.slice(0, 8).toUpperCase()}`,
    );
    expect((await bed.schedule('T-MI-1', W48)).appointments[other.appointmentId]?.status).toBe('suspended');

    const reschedule = (start: string) =>
      bed.commands.execute(admin(), other.requestId, {
        type: 'reschedule',
        technicianCode: 'T-MI-1',
        start,
        durationMinutes: 120,
        displace: [],
      });
    const before = await bed.schedule('T-MI-1', W48);
    await expect(reschedule('2026-11-26T10:30:00Z')).rejects.toMatchObject({ code: 'schedule_conflict' });
    const after = await bed.schedule('T-MI-1', W48);
    expect(after.appointments[other.appointmentId]).toEqual(before.appointments[other.appointmentId]);
    expect((await bed.requestState(other.requestId)).assignments['T-MI-1']!.start).toBe(
      '2026-11-26T09:00:00Z',
    );

    await reschedule('2026-11-26T14:00:00Z');
    expect((await bed.schedule('T-MI-1', W48)).appointments[other.appointmentId]).toMatchObject({
      start: '2026-11-26T14:00:00.000Z',
      status: 'confirmed',
    });
  });

  it('reschedules within a week by moving, and across weeks by reserving and releasing', async () => {
    const { requestId, appointmentId } = await bed.openAssigned('T-MI-2', '2026-11-27T09:00:00Z', 60);
    const reschedule = (start: string, durationMinutes: number) =>
      bed.commands.execute(admin(), requestId, {
        type: 'reschedule',
        technicianCode: 'T-MI-2',
        start,
        durationMinutes,
        reason: 'Customer asked',
        displace: [],
      });

    await reschedule('2026-12-01T09:00:00Z', 90);
    const left = await bed.schedule('T-MI-2', W48);
    expect(left.appointments[appointmentId]).toBeUndefined();
    const released = await bed.events.readStream(technicianScheduleStreamName('T-MI-2', W48), {
      direction: 'backwards',
      maxCount: 1,
    });
    expect(released[0]).toMatchObject({
      type: 'AppointmentReleased',
      data: { appointmentId, reason: 'moved' },
    });
    expect((await bed.schedule('T-MI-2', W49)).appointments[appointmentId]).toMatchObject({
      start: '2026-12-01T09:00:00.000Z',
      end: '2026-12-01T10:30:00.000Z',
      status: 'confirmed',
    });
    expect((await bed.requestState(requestId)).assignments['T-MI-2']).toMatchObject({
      appointmentId,
      start: '2026-12-01T09:00:00Z',
      durationMinutes: 90,
    });

    await reschedule('2026-12-01T13:00:00Z', 90);
    const moved = await bed.events.readStream(technicianScheduleStreamName('T-MI-2', W49), {
      direction: 'backwards',
      maxCount: 1,
    });
    expect(moved[0]).toMatchObject({ type: 'AppointmentMoved', data: { appointmentId } });

    // Over Sunday midnight into a week where the technician is busy: the move is undone.
    const busy = await bed.openAssigned('T-MI-2', '2026-12-07T00:00:00Z', 60);
    const versionBefore = (await bed.requestState(requestId)).version;
    const error = await refusal(reschedule('2026-12-06T23:30:00Z', 60));
    expect(error).toMatchObject({
      code: 'schedule_conflict',
      details: { conflicts: [{ appointmentId: busy.appointmentId }] },
    });
    expect((await bed.schedule('T-MI-2', W49)).appointments[appointmentId]).toMatchObject({
      start: '2026-12-01T13:00:00.000Z',
      status: 'confirmed',
    });
    expect((await bed.schedule('T-MI-2', W50)).appointments[appointmentId]).toBeUndefined();
    expect((await bed.requestState(requestId)).version).toBe(versionBefore);
  });

  it('frees a suspended request\u2019s time and takes it back on resuming, or unassigns if it was taken', async () => {
    const free = await bed.openAssigned('T-MI-1', '2026-12-03T14:00:00Z', 60);
    const taken = await bed.openAssigned('T-MI-1', '2026-12-03T09:00:00Z', 60);
    for (const { requestId } of [free, taken]) {
      await bed.commands.execute(admin(), requestId, { type: 'suspend', reason: 'Waiting for parts' });
    }
    expect((await bed.schedule('T-MI-1', W49)).appointments[taken.appointmentId]?.status).toBe('suspended');

    // The suspended appointment holds no time: another request may be booked over it.
    const intruder = await bed.openAssigned('T-MI-1', '2026-12-03T09:00:00Z', 60);

    await bed.commands.execute(admin(), free.requestId, { type: 'resume' });
    expect((await bed.requestState(free.requestId)).status).toBe('assigned');
    expect((await bed.schedule('T-MI-1', W49)).appointments[free.appointmentId]?.status).toBe('confirmed');

    const resumed = await bed.commands.execute(admin(), taken.requestId, { type: 'resume' });
    const state = await bed.requestState(taken.requestId);
    expect(state).toMatchObject({ status: 'accepted', assignments: {}, version: resumed.version });
    const unassigned = await lastEvent(taken.requestId);
    expect(unassigned.type).toBe('ServiceRequestUnassigned');
    expect(String(unassigned.data['reason'])).toContain(intruder.appointmentId);
    const schedule = await bed.schedule('T-MI-1', W49);
    expect(schedule.appointments[taken.appointmentId]).toBeUndefined();
    expect(schedule.appointments[intruder.appointmentId]?.status).toBe('confirmed');
  });

  it('releases the appointments of a cancelled request and of one resolved remotely', async () => {
    const cancelled = await bed.openAssigned('T-RM-1', '2026-12-08T09:00:00Z', 60);
    const remote = await bed.openAssigned('T-RM-1', '2026-12-08T11:00:00Z', 60);
    await bed.commands.execute(admin(), cancelled.requestId, { type: 'cancel', reason: 'Duplicate' });
    await bed.commands.execute(admin(), remote.requestId, {
      type: 'recordRemoteCheck',
      resolution: 'Reset by phone',
    });
    const schedule = await bed.schedule('T-RM-1', W50);
    expect(Object.values(schedule.appointments)).toEqual([]);
    expect(schedule.ended).toEqual({ [cancelled.appointmentId]: true, [remote.appointmentId]: true });
    const events = (
      await bed.events.readStream(technicianScheduleStreamName('T-RM-1', W50), { maxCount: 20 })
    )
      .filter((event) => event.type === 'AppointmentReleased')
      .map((event) => event.data['reason']);
    expect(events).toEqual(['cancelled: Duplicate', 'resolved remotely']);
    const cancelledEvent = (await lastEvent(cancelled.requestId)).data as unknown as Extract<
      ServiceRequestEvent,
      { type: 'ServiceRequestCancelled' }
    >['data'];
    expect(cancelledEvent.releasedAssignments.map((a) => a.appointmentId)).toEqual([cancelled.appointmentId]);
  });
});
