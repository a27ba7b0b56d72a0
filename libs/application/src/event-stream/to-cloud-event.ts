import type { FieldstreamCloudEvent } from '@fieldstream/api-contract';
import type { RecordedEvent } from '@fieldstream/event-store';
import type { PublishedEventType } from './published-event-type';

/**
 * A recorded event in the CloudEvents 1.0 JSON format. `source` is its category and `subject` its
 * stream, so `source` + `id` is unique (event ids are unique per stream, and derived ones include
 * the stream's name). Extensions carry what a consumer resumes and orders by (`position`,
 * `streamrevision`) and traces by (`correlationid`, `causationid`); who acted, and anything else
 * of the metadata, stays out: it names people and clients, not what happened.
 */
export function toCloudEvent(event: RecordedEvent, type: PublishedEventType): FieldstreamCloudEvent {
  return {
    specversion: '1.0',
    id: event.id,
    source: `/fieldstream/${type.category}`,
    type: type.cloudEventType,
    subject: event.streamName,
    // RFC 3339 in UTC whatever offset the writer used (the store only asks for a parsable time).
    time: new Date(Date.parse(event.metadata.occurredAt)).toISOString(),
    datacontenttype: 'application/json',
    position: String(event.position),
    streamrevision: event.revision,
    correlationid: event.metadata.correlationId,
    causationid: event.metadata.causationId,
    data: event.data,
  };
}
