import { ESCALATION_EVENT_TYPES, type EscalationEvent } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { defineProjection } from '../projection-definition';
import {
  REQUEST_ESCALATIONS_COLLECTION,
  type EscalationLevelView,
  type RequestEscalationDocument,
} from './notification-collections';

type EscalationRecorded = RecordedEvent & EscalationEvent;
type Collection = typeof REQUEST_ESCALATIONS_COLLECTION;

const OWN_TYPES: ReadonlySet<string> = new Set(ESCALATION_EVENT_TYPES);

const isOwn = (event: RecordedEvent): event is EscalationRecorded =>
  OWN_TYPES.has(event.type) &&
  typeof event.data['requestId'] === 'string' &&
  event.data['requestId'] !== '' &&
  typeof event.data['at'] === 'string' &&
  (event.type === 'EscalationLevelAlerted'
    ? typeof event.data['level'] === 'number'
    : Array.isArray(event.data['levels']) && typeof event.data['userId'] === 'string');

/** Everything derived from the levels, recomputed on each write so a rebuild gives the same bytes. */
function finish(document: RequestEscalationDocument): RequestEscalationDocument {
  return {
    ...document,
    open: document.levels.some((level) => level.acknowledged === null),
    alerted: [...new Set(document.levels.flatMap((level) => level.recipients))],
  };
}

function alerted(
  existing: Readonly<RequestEscalationDocument> | null,
  event: Extract<EscalationRecorded, { type: 'EscalationLevelAlerted' }>,
): RequestEscalationDocument | null {
  const data = event.data;
  // Each level once: the decider decides nothing on a repeat.
  if (existing?.levels.some((level) => level.level === data.level)) return null;
  const level: EscalationLevelView = {
    chainCode: data.chainCode,
    level: data.level,
    percent: data.percent,
    clock: data.clock,
    audiences: data.audiences,
    recipients: data.recipients,
    channels: data.channels,
    cause: data.cause,
    alertedAt: data.at,
    ...(data.acknowledgeBy !== undefined && { acknowledgeBy: data.acknowledgeBy }),
    acknowledged: null,
  };
  return finish({
    _id: data.requestId,
    requestId: data.requestId,
    chainCode: data.chainCode,
    levels: [...(existing?.levels ?? []), level].sort((a, b) => a.level - b.level),
    open: true,
    alerted: [],
    lastPosition: event.position,
    updatedAt: data.at,
  });
}

function acknowledged(
  existing: Readonly<RequestEscalationDocument>,
  event: Extract<EscalationRecorded, { type: 'EscalationAcknowledged' }>,
): RequestEscalationDocument {
  const data = event.data;
  const levels = new Set(data.levels);
  return finish({
    ...existing,
    levels: existing.levels.map((level) =>
      levels.has(level.level) && level.acknowledged === null
        ? {
            ...level,
            acknowledged: {
              at: data.at,
              userId: data.userId,
              ...(data.note !== undefined && { note: data.note }),
            },
          }
        : level,
    ),
    lastPosition: event.position,
    updatedAt: data.at,
  });
}

/**
 * Requests' escalations, one document per request: each level as it was alerted (whom, how, until
 * when to acknowledge) and who acknowledged it. Read beside the request, and joined into the
 * recipients' inboxes to show an alert as taken in hand.
 */
export const requestEscalationsProjection = defineProjection<EscalationRecorded, Collection>({
  name: 'request-escalations',
  version: 1,
  eventTypes: ESCALATION_EVENT_TYPES,
  collections: {
    [REQUEST_ESCALATIONS_COLLECTION]: {
      indexes: [
        { name: 'by_open', keys: { open: 1 } },
        { name: 'by_alerted', keys: { alerted: 1 } },
      ],
    },
  },
  documentsFor: (event) =>
    isOwn(event) ? [{ collection: REQUEST_ESCALATIONS_COLLECTION, id: event.data.requestId }] : [],
  apply(event, current) {
    if (!isOwn(event)) return [];
    const existing = current.get<RequestEscalationDocument>(
      REQUEST_ESCALATIONS_COLLECTION,
      event.data.requestId,
    );
    // At-least-once delivery: an event the document already reflects changes nothing.
    if (existing && event.position <= existing.lastPosition) return [];
    const next =
      event.type === 'EscalationLevelAlerted'
        ? alerted(existing, event)
        : existing
          ? acknowledged(existing, event)
          : null;
    return next ? [{ op: 'put', collection: REQUEST_ESCALATIONS_COLLECTION, document: next }] : [];
  },
});
