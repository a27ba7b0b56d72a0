import type { RecordedEvent } from '@fieldstream/event-store';
import { foldProjection } from '../fold-projection';
import { recordedLog } from '../testing/recorded-event.factory';
import type { AnyProjection } from '../projection-definition';
import { TECHNICIAN_AGENDA_COLLECTION, type TechnicianAgendaDocument } from './service-request-collections';
import { technicianAgendaProjection } from './technician-agenda.projection';
import { DecidedLog } from './testing/decided-log';

// Schedule stream names belong to the application; the projection treats them as opaque.
const W48 = 'technician-schedule-t-mi-1-2026-W48';
const W49 = 'technician-schedule-t-mi-1-2026-W49';
const AT = '2026-11-26T08:00:00.000Z';
const target = { technicianCode: 'T-MI-1', appointmentId: 'ap-1' };

const agenda = (events: readonly RecordedEvent[]) =>
  [
    ...(foldProjection(technicianAgendaProjection as unknown as AnyProjection, events)
      .get(TECHNICIAN_AGENDA_COLLECTION)
      ?.values() ?? []),
  ] as TechnicianAgendaDocument[];

function reserved(log = new DecidedLog(), stream = W48) {
  log.schedule(
    stream,
    {
      type: 'reserve',
      ...target,
      requestId: 'req-1',
      start: '2026-11-27T08:00:00.000Z',
      durationMinutes: 120,
    },
    AT,
  );
  return log;
}

describe('technician-agenda projection', () => {
  it('keeps a reserved, then confirmed appointment with its request and times', () => {
    const log = reserved();
    expect(agenda(log.events)).toEqual([
      {
        _id: `ap-1|${W48}`,
        appointmentId: 'ap-1',
        technicianCode: 'T-MI-1',
        requestId: 'req-1',
        start: '2026-11-27T08:00:00.000Z',
        end: '2026-11-27T10:00:00.000Z',
        status: 'reserved',
        lastRevision: 0,
      },
    ]);
    log.schedule(W48, { type: 'confirm', ...target }, AT);
    expect(agenda(log.events)).toEqual([expect.objectContaining({ status: 'confirmed', lastRevision: 1 })]);
  });

  it('shows an appointment pushed aside by an emergency as suspended, and confirmed again on resume', () => {
    const log = reserved();
    log.schedule(W48, { type: 'confirm', ...target }, AT);
    log.schedule(
      W48,
      {
        type: 'reserve',
        technicianCode: 'T-MI-1',
        appointmentId: 'ap-emergency',
        requestId: 'req-2',
        start: '2026-11-27T09:00:00.000Z',
        durationMinutes: 60,
        displace: [{ appointmentId: 'ap-1', action: 'suspend' }],
      },
      AT,
    );
    const during = agenda(log.events);
    expect(during.find((d) => d.appointmentId === 'ap-1')).toMatchObject({
      status: 'suspended',
      resumeTo: 'confirmed',
    });
    expect(during.find((d) => d.appointmentId === 'ap-emergency')).toMatchObject({
      status: 'reserved',
      requestId: 'req-2',
    });

    log.schedule(
      W48,
      { type: 'release', technicianCode: 'T-MI-1', appointmentId: 'ap-emergency', reason: 'done' },
      AT,
    );
    log.schedule(W48, { type: 'resume', ...target }, AT);
    const after = agenda(log.events);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ appointmentId: 'ap-1', status: 'confirmed' });
    expect(after[0]).not.toHaveProperty('resumeTo');
  });

  it('deletes an appointment removed by an emergency or released', () => {
    const log = reserved();
    log.schedule(
      W48,
      {
        type: 'reserve',
        technicianCode: 'T-MI-1',
        appointmentId: 'ap-emergency',
        requestId: 'req-2',
        start: '2026-11-27T09:00:00.000Z',
        durationMinutes: 60,
        displace: [{ appointmentId: 'ap-1', action: 'remove' }],
      },
      AT,
    );
    expect(agenda(log.events).map((d) => d.appointmentId)).toEqual(['ap-emergency']);
    log.schedule(
      W48,
      { type: 'release', technicianCode: 'T-MI-1', appointmentId: 'ap-emergency', reason: 'cancelled' },
      AT,
    );
    expect(agenda(log.events)).toEqual([]);
  });

  it('applies a redelivered event once', () => {
    const log = reserved();
    log.schedule(W48, { type: 'confirm', ...target }, AT);
    log.schedule(W48, { type: 'suspend', ...target, reason: 'site closed' }, AT);
    log.schedule(W48, { type: 'resume', ...target }, AT);
    const once = agenda(log.events);
    const suspendedAgain = log.events[2]!;
    expect(agenda([...log.events, suspendedAgain])).toEqual(once);
    expect(agenda([...log.events, ...log.events])).toEqual(once);
    expect(once[0]).toMatchObject({ status: 'confirmed', lastRevision: 3 });
  });

  it('follows a move across weeks: moved where it leaves, reserved where it arrives, released with reason moved', () => {
    const log = reserved();
    log.schedule(W48, { type: 'confirm', ...target }, AT);
    const next = { start: '2026-12-01T08:00:00.000Z', durationMinutes: 90 };
    // The order the application uses: move where it stays, reserve where it arrives, release where it leaves.
    log.schedule(W49, { type: 'reserve', ...target, requestId: 'req-1', ...next }, AT);
    log.schedule(W49, { type: 'confirm', ...target }, AT);
    log.schedule(W48, { type: 'move', ...target, ...next }, AT);
    const both = agenda(log.events);
    expect(both).toHaveLength(2);
    expect(new Set(both.map((d) => `${d.start}–${d.end}`))).toEqual(
      new Set(['2026-12-01T08:00:00.000Z–2026-12-01T09:30:00.000Z']),
    );
    log.schedule(W48, { type: 'release', ...target, reason: 'moved' }, AT);
    expect(agenda(log.events)).toEqual([
      {
        _id: `ap-1|${W49}`,
        appointmentId: 'ap-1',
        technicianCode: 'T-MI-1',
        requestId: 'req-1',
        start: '2026-12-01T08:00:00.000Z',
        end: '2026-12-01T09:30:00.000Z',
        status: 'confirmed',
        lastRevision: 1,
      },
    ]);
  });

  it('holds a booking across Sunday midnight in both weeks, and drops both on release', () => {
    const log = new DecidedLog();
    const booking = {
      ...target,
      requestId: 'req-1',
      start: '2026-11-29T22:00:00.000Z',
      durationMinutes: 240,
    };
    for (const stream of [W48, W49]) {
      log.schedule(stream, { type: 'reserve', ...booking }, AT);
      log.schedule(stream, { type: 'confirm', ...target }, AT);
    }
    const documents = agenda(log.events);
    expect(documents.map((d) => d._id).sort()).toEqual([`ap-1|${W48}`, `ap-1|${W49}`]);
    for (const document of documents)
      expect(document).toMatchObject({
        appointmentId: 'ap-1',
        start: '2026-11-29T22:00:00.000Z',
        end: '2026-11-30T02:00:00.000Z',
        status: 'confirmed',
      });

    log.schedule(W48, { type: 'release', ...target, reason: 'cancelled' }, AT);
    expect(agenda(log.events).map((d) => d._id)).toEqual([`ap-1|${W49}`]);
    log.schedule(W49, { type: 'release', ...target, reason: 'cancelled' }, AT);
    expect(agenda(log.events)).toEqual([]);
  });

  it('books a released appointment id again as a new reservation', () => {
    const log = reserved();
    log.schedule(W48, { type: 'release', ...target, reason: 'assignment failed' }, AT);
    reserved(log);
    expect(agenda(log.events)).toEqual([expect.objectContaining({ status: 'reserved', lastRevision: 2 })]);
  });

  it('skips events of other types, and malformed events under its own names', () => {
    const log = reserved();
    const junk = recordedLog([
      { stream: W48, type: 'AppointmentConfirmed', data: { appointmentId: 'ap-1' } },
      {
        stream: 'service-request-req-1',
        type: 'ServiceRequestNoteAdded',
        data: { requestId: 'req-1', text: 'x' },
      },
    ]).map((event, i) => ({ ...event, revision: 50 + i, position: 1000 + i }));
    expect(agenda([...log.events, ...junk])).toEqual(agenda(log.events));
    expect(technicianAgendaProjection.documentsFor(junk[0] as never)).toEqual([]);
  });
});
