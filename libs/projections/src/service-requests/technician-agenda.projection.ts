import { TECHNICIAN_SCHEDULE_EVENT_TYPES, type TechnicianScheduleEvent } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { defineProjection } from '../projection-definition';
import {
  TECHNICIAN_AGENDA_COLLECTION,
  type TechnicianAgendaDocument,
  agendaDocumentId,
} from './service-request-collections';

type ScheduleRecorded = RecordedEvent & TechnicianScheduleEvent;

const OWN_TYPES: ReadonlySet<string> = new Set(TECHNICIAN_SCHEDULE_EVENT_TYPES);

/** Ours to apply: one of our types naming its appointment, technician and request (see the other projection). */
const isOwn = (event: RecordedEvent): event is ScheduleRecorded =>
  OWN_TYPES.has(event.type) &&
  ['appointmentId', 'technicianCode', 'requestId'].every(
    (field) => typeof event.data[field] === 'string' && event.data[field] !== '',
  );

/**
 * The technicians' agendas: one document per appointment per schedule stream. Schedule streams
 * are one per technician and ISO week, and a booking spanning two weeks is written to both, so the
 * document is keyed by stream too: each stream's events then apply to their own copy with that
 * stream's revisions, and a release in one week never deletes the other week's copy. Readers keep
 * one document per appointment.
 *
 * Released and removed appointments are deleted. A redelivery replays a suffix of the log in
 * order, so a replayed reservation is always followed by its replayed release.
 */
export const technicianAgendaProjection = defineProjection<
  ScheduleRecorded,
  typeof TECHNICIAN_AGENDA_COLLECTION
>({
  name: 'technician-agenda',
  version: 1,
  eventTypes: TECHNICIAN_SCHEDULE_EVENT_TYPES,
  collections: {
    [TECHNICIAN_AGENDA_COLLECTION]: {
      indexes: [
        { name: 'by_technician_start', keys: { technicianCode: 1, start: 1 } },
        // Agendas and the board ask for what overlaps a window (start before its end, end after its
        // start). On the embedded store every path a filter names needs an index, or each read scans
        // the whole collection for arrays: with `end` unindexed one agenda cost a scan of them all.
        { name: 'by_technician_end', keys: { technicianCode: 1, end: 1 } },
        { name: 'by_request', keys: { requestId: 1 } },
      ],
    },
  },
  documentsFor: (event) =>
    isOwn(event)
      ? [
          {
            collection: TECHNICIAN_AGENDA_COLLECTION,
            id: agendaDocumentId(event.data.appointmentId, event.streamName),
          },
        ]
      : [],
  apply(event, current) {
    // The runner subscribes to our types only; a fold over a whole log must skip the others too.
    if (!isOwn(event)) return [];
    const id = agendaDocumentId(event.data.appointmentId, event.streamName);
    const existing = current.get<TechnicianAgendaDocument>(TECHNICIAN_AGENDA_COLLECTION, id);
    if (existing && event.revision <= existing.lastRevision) return [];
    const put = (document: TechnicianAgendaDocument) =>
      [{ op: 'put', collection: TECHNICIAN_AGENDA_COLLECTION, document }] as const;
    if (event.type === 'AppointmentReserved') {
      const { appointmentId, technicianCode, requestId, start, end } = event.data;
      return put({
        _id: id,
        appointmentId,
        technicianCode,
        requestId,
        start,
        end,
        status: 'reserved',
        lastRevision: event.revision,
      });
    }
    if (!existing) return [];
    const base = { ...existing, lastRevision: event.revision };
    switch (event.type) {
      case 'AppointmentReleased':
      case 'AppointmentRemoved':
        return [{ op: 'delete', collection: TECHNICIAN_AGENDA_COLLECTION, id }];
      case 'AppointmentConfirmed':
        // A booking confirmed while suspended (an emergency got there between reserve and confirm)
        // stays suspended and comes back confirmed.
        return put(
          existing.status === 'suspended'
            ? { ...base, resumeTo: 'confirmed' }
            : { ...base, status: 'confirmed' },
        );
      case 'AppointmentMoved':
        return put({ ...base, start: event.data.start, end: event.data.end });
      case 'AppointmentSuspended':
        if (existing.status === 'suspended') return put(base);
        return put({ ...base, status: 'suspended', resumeTo: existing.status });
      case 'AppointmentResumed': {
        const { resumeTo, ...rest } = base;
        return put({ ...rest, status: resumeTo ?? 'reserved' });
      }
      default:
        return [];
    }
  },
});
