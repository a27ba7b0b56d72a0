import { TECHNICIAN_SCHEDULE_EVENT_TYPES, type TechnicianScheduleEvent } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { defineProjection } from '../projection-definition';
import {
  FEED_APPOINTMENTS_COLLECTION,
  type FeedAppointmentDocument,
  type FeedAppointmentStatus,
} from './calendar-feed-collections';

type ScheduleRecorded = RecordedEvent & TechnicianScheduleEvent;

const OWN_TYPES: ReadonlySet<string> = new Set(TECHNICIAN_SCHEDULE_EVENT_TYPES);

/** Ours to apply: one of our types naming its appointment, technician and request. */
const isOwn = (event: RecordedEvent): event is ScheduleRecorded =>
  OWN_TYPES.has(event.type) &&
  ['appointmentId', 'technicianCode', 'requestId'].every(
    (field) => typeof event.data[field] === 'string' && event.data[field] !== '',
  );

type Change = Pick<FeedAppointmentDocument, 'start' | 'end' | 'status' | 'heldIn'> &
  Partial<Pick<FeedAppointmentDocument, 'resumeTo' | 'technicianCode' | 'requestId'>>;

/** The document after a change; SEQUENCE grows when the time or the status does. */
function changed(existing: FeedAppointmentDocument, change: Change, event: ScheduleRecorded) {
  const { resumeTo: _dropped, ...rest } = existing;
  const significant =
    change.start !== existing.start || change.end !== existing.end || change.status !== existing.status;
  const document: FeedAppointmentDocument = {
    ...rest,
    ...change,
    sequence: existing.sequence + (significant ? 1 : 0),
    updatedAt: significant ? event.metadata.occurredAt : existing.updatedAt,
    lastPosition: event.position,
  };
  if (change.resumeTo === undefined) delete document.resumeTo;
  return document;
}

function apply(existing: FeedAppointmentDocument | null, event: ScheduleRecorded) {
  const { appointmentId, technicianCode, requestId } = event.data;
  const stream = event.streamName;
  if (event.type === 'AppointmentReserved') {
    const { start, end } = event.data;
    if (!existing || existing.status === 'cancelled') {
      const fresh = { technicianCode, requestId, start, end, status: 'reserved' as const, heldIn: [stream] };
      // A released id booked again is the same appointment back, one change later.
      return existing
        ? changed(existing, fresh, event)
        : ({
            _id: appointmentId,
            ...fresh,
            sequence: 0,
            createdAt: event.metadata.occurredAt,
            updatedAt: event.metadata.occurredAt,
            lastPosition: event.position,
          } satisfies FeedAppointmentDocument);
    }
    // A booking reaching into one more week (or moved into it): written there with the same id.
    const heldIn = existing.heldIn.includes(stream) ? existing.heldIn : [...existing.heldIn, stream].sort();
    const status: FeedAppointmentStatus = existing.status === 'suspended' ? 'reserved' : existing.status;
    return changed(existing, { start, end, status, heldIn }, event);
  }
  if (!existing || existing.status === 'cancelled') return null;
  const same = { start: existing.start, end: existing.end, heldIn: existing.heldIn };
  switch (event.type) {
    case 'AppointmentConfirmed':
      // Confirmed while suspended (an emergency came between reserve and confirm): comes back confirmed.
      return existing.status === 'suspended'
        ? changed(existing, { ...same, status: 'suspended', resumeTo: 'confirmed' }, event)
        : changed(existing, { ...same, status: 'confirmed' }, event);
    case 'AppointmentMoved':
      return changed(
        existing,
        {
          ...same,
          start: event.data.start,
          end: event.data.end,
          status: existing.status,
          ...(existing.resumeTo && { resumeTo: existing.resumeTo }),
        },
        event,
      );
    case 'AppointmentSuspended':
      return changed(
        existing,
        {
          ...same,
          status: 'suspended',
          resumeTo:
            existing.status === 'suspended'
              ? (existing.resumeTo ?? 'reserved')
              : existing.status === 'confirmed'
                ? 'confirmed'
                : 'reserved',
        },
        event,
      );
    case 'AppointmentResumed':
      return changed(existing, { ...same, status: existing.resumeTo ?? existing.status }, event);
    case 'AppointmentReleased':
    case 'AppointmentRemoved': {
      // Leaving one week of a booking that stays in another (a move across weeks) cancels nothing.
      const heldIn = existing.heldIn.filter((name) => name !== stream);
      return changed(
        existing,
        {
          ...same,
          heldIn,
          status: heldIn.length > 0 ? existing.status : 'cancelled',
          ...(heldIn.length > 0 && existing.resumeTo && { resumeTo: existing.resumeTo }),
        },
        event,
      );
    }
    default:
      return null;
  }
}

/**
 * The appointments calendar feeds publish: one document per appointment, kept when it is released
 * or removed (then cancelled), with its changes counted. Schedule streams are one per technician
 * and ISO week and a booking spanning two weeks is written to both, so the document remembers
 * which streams hold it; redeliveries are recognised by the log's global position.
 */
export const feedAppointmentsProjection = defineProjection<
  ScheduleRecorded,
  typeof FEED_APPOINTMENTS_COLLECTION
>({
  name: 'feed-appointments',
  version: 1,
  eventTypes: TECHNICIAN_SCHEDULE_EVENT_TYPES,
  collections: {
    [FEED_APPOINTMENTS_COLLECTION]: {
      indexes: [
        // A feed asks what overlaps its window; on the embedded store every path a filter names
        // needs an index (see the agenda projection).
        { name: 'by_technician_start', keys: { technicianCode: 1, start: 1 } },
        { name: 'by_technician_end', keys: { technicianCode: 1, end: 1 } },
      ],
    },
  },
  documentsFor: (event) =>
    isOwn(event) ? [{ collection: FEED_APPOINTMENTS_COLLECTION, id: event.data.appointmentId }] : [],
  apply(event, current) {
    if (!isOwn(event)) return [];
    const existing = current.get<FeedAppointmentDocument>(
      FEED_APPOINTMENTS_COLLECTION,
      event.data.appointmentId,
    );
    if (existing && event.position <= existing.lastPosition) return [];
    const document = apply(existing ? { ...existing } : null, event);
    return document ? [{ op: 'put', collection: FEED_APPOINTMENTS_COLLECTION, document }] : [];
  },
});
