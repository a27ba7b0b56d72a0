import type { JsonObject, EventMetadata, RecordedEvent } from '@fieldstream/event-store';
import type { EventRow } from './sqlite-schema';

export function toRecordedEvent([
  position,
  streamName,
  revision,
  id,
  type,
  data,
  metadata,
  recordedAt,
]: EventRow): RecordedEvent {
  return {
    id,
    type,
    data: JSON.parse(data) as JsonObject,
    metadata: JSON.parse(metadata) as EventMetadata,
    streamName,
    revision,
    position,
    recordedAt,
  };
}
