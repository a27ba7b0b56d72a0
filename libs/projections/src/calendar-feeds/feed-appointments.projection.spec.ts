import type { RecordedEvent } from '@fieldstream/event-store';
import { foldProjection } from '../fold-projection';
import type { AnyProjection } from '../projection-definition';
import { DecidedLog } from '../service-requests/testing/decided-log';
import { FEED_APPOINTMENTS_COLLECTION, type FeedAppointmentDocument } from './calendar-feed-collections';
import { feedAppointmentsProjection } from './feed-appointments.projection';

// Schedule stream names belong to the application; the projection treats them as opaque.
const W48 = 'technician-schedule-t-mi-1-2026-W48';
const W49 = 'technician-schedule-t-mi-1-2026-W49';
const RESERVED_AT = '2026-11-26T08:00:00.000Z';
const LATER = '2026-11-26T09:00:00.000Z';
const target = { technicianCode: 'T-MI-1', appointmentId: 'ap-1' };

const documents = (events: readonly RecordedEvent[]) =>
  [
    ...(foldProjection(feedAppointmentsProjection as unknown as AnyProjection, events)
      .get(FEED_APPOINTMENTS_COLLECTION)
      ?.values() ?? []),
  ] as FeedAppointmentDocument[];
const only = (log: DecidedLog) => {
  const all = documents(log.events);
  expect(all).toHaveLength(1);
  return all[0]!;
};

function booked(start = '2026-11-27T08:00:00.000Z', durationMinutes = 120, stream = W48) {
  const log = new DecidedLog();
  log.schedule(
    stream,
    { type: 'reserve', ...target, requestId: 'req-1', start, durationMinutes },
    RESERVED_AT,
  );
  log.schedule(stream, { type: 'confirm', ...target }, RESERVED_AT);
  return log;
}

describe('feed-appointments projection', () => {
  it('keeps a booked appointment with its times; the confirmation is its first change', () => {
    const log = new DecidedLog();
    log.schedule(
      W48,
      {
        type: 'reserve',
        ...target,
        requestId: 'req-1',
        start: '2026-11-27T08:00:00.000Z',
        durationMinutes: 120,
      },
      RESERVED_AT,
    );
    expect(only(log)).toEqual({
      _id: 'ap-1',
      technicianCode: 'T-MI-1',
      requestId: 'req-1',
      start: '2026-11-27T08:00:00.000Z',
      end: '2026-11-27T10:00:00.000Z',
      status: 'reserved',
      heldIn: [W48],
      sequence: 0,
      createdAt: RESERVED_AT,
      updatedAt: RESERVED_AT,
      lastPosition: 1,
    });
    log.schedule(W48, { type: 'confirm', ...target }, LATER);
    expect(only(log)).toEqual(
      expect.objectContaining({ status: 'confirmed', sequence: 1, updatedAt: LATER, lastPosition: 2 }),
    );
  });

  it('counts each reschedule, and keeps a released appointment as cancelled', () => {
    const log = booked();
    log.schedule(
      W48,
      { type: 'move', ...target, start: '2026-11-27T13:00:00.000Z', durationMinutes: 60 },
      LATER,
    );
    expect(only(log)).toEqual(
      expect.objectContaining({
        start: '2026-11-27T13:00:00.000Z',
        end: '2026-11-27T14:00:00.000Z',
        status: 'confirmed',
        sequence: 2,
        updatedAt: LATER,
      }),
    );
    log.schedule(W48, { type: 'release', ...target, reason: 'cancelled' }, '2026-11-26T10:00:00.000Z');
    expect(only(log)).toEqual(
      expect.objectContaining({
        start: '2026-11-27T13:00:00.000Z',
        status: 'cancelled',
        heldIn: [],
        sequence: 3,
        updatedAt: '2026-11-26T10:00:00.000Z',
      }),
    );
  });

  it('follows a booking moved into another week as the application writes it: reserve there, release here', () => {
    const log = booked();
    log.schedule(
      W49,
      {
        type: 'reserve',
        ...target,
        requestId: 'req-1',
        start: '2026-12-01T08:00:00.000Z',
        durationMinutes: 120,
      },
      LATER,
    );
    log.schedule(W48, { type: 'release', ...target, reason: 'moved' }, LATER);
    log.schedule(W49, { type: 'confirm', ...target }, LATER);
    expect(only(log)).toEqual(
      expect.objectContaining({
        start: '2026-12-01T08:00:00.000Z',
        status: 'confirmed',
        heldIn: [W49],
        // The move is one change: the release and the confirmation where it arrived change nothing seen.
        sequence: 2,
      }),
    );
  });

  it('keeps one document for a booking held by two weeks, cancelled only when both let it go', () => {
    const log = new DecidedLog();
    const overnight = {
      type: 'reserve' as const,
      ...target,
      requestId: 'req-1',
      start: '2026-11-29T22:00:00.000Z',
      durationMinutes: 240,
    };
    log.schedule(W48, overnight, RESERVED_AT);
    log.schedule(W49, overnight, RESERVED_AT);
    expect(only(log)).toEqual(
      expect.objectContaining({ heldIn: [W48, W49], sequence: 0, status: 'reserved' }),
    );
    log.schedule(W48, { type: 'release', ...target, reason: 'unassigned' }, LATER);
    expect(only(log).status).toBe('reserved');
    log.schedule(W49, { type: 'release', ...target, reason: 'unassigned' }, LATER);
    expect(only(log)).toEqual(expect.objectContaining({ heldIn: [], status: 'cancelled', sequence: 1 }));
  });

  it('shows an appointment pushed aside by an emergency as suspended, and back as it was on resume', () => {
    const log = booked();
    log.schedule(W48, { type: 'suspend', ...target, reason: 'emergency' }, LATER);
    expect(only(log)).toEqual(
      expect.objectContaining({ status: 'suspended', resumeTo: 'confirmed', sequence: 2 }),
    );
    log.schedule(W48, { type: 'resume', ...target }, LATER);
    const resumed = only(log);
    expect(resumed).toEqual(expect.objectContaining({ status: 'confirmed', sequence: 3 }));
    expect(resumed).not.toHaveProperty('resumeTo');
  });

  it('cancels an appointment an emergency removed, and brings back a released id booked again', () => {
    const log = booked();
    log.schedule(
      W48,
      {
        type: 'reserve',
        technicianCode: 'T-MI-1',
        appointmentId: 'ap-urgent',
        requestId: 'req-2',
        start: '2026-11-27T08:00:00.000Z',
        durationMinutes: 60,
        displace: [{ appointmentId: 'ap-1', action: 'remove' }],
      },
      LATER,
    );
    const byId = new Map(documents(log.events).map((document) => [document._id, document]));
    expect(byId.get('ap-1')).toEqual(expect.objectContaining({ status: 'cancelled', sequence: 2 }));
    expect(byId.get('ap-urgent')).toEqual(
      expect.objectContaining({ status: 'reserved', requestId: 'req-2' }),
    );

    const again = booked();
    again.schedule(W48, { type: 'release', ...target, reason: 'unassigned' }, LATER);
    again.schedule(
      W48,
      {
        type: 'reserve',
        ...target,
        requestId: 'req-1',
        start: '2026-11-27T09:00:00.000Z',
        durationMinutes: 60,
      },
      LATER,
    );
    expect(only(again)).toEqual(
      expect.objectContaining({
        status: 'reserved',
        heldIn: [W48],
        start: '2026-11-27T09:00:00.000Z',
        sequence: 3,
      }),
    );
  });

  it('applies a redelivered event once', () => {
    const log = booked();
    log.schedule(
      W48,
      { type: 'move', ...target, start: '2026-11-27T13:00:00.000Z', durationMinutes: 60 },
      LATER,
    );
    const once = documents(log.events);
    expect(documents([...log.events, ...log.events.slice(1)])).toEqual(once);
  });
});
