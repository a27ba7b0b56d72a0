import { DEVICE_EVENT_TYPES, type DeviceEvent } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { defineProjection } from '../projection-definition';
import {
  DEVICES_COLLECTION,
  type DeviceDocument,
  emptyDeviceDocument,
  evolveDeviceDocument,
} from './device-document';

type Recorded = RecordedEvent & DeviceEvent;

const isOwn = (event: RecordedEvent): event is Recorded =>
  typeof event.data['assetCode'] === 'string' &&
  event.data['assetCode'] !== '' &&
  typeof event.data['at'] === 'string';

/** Each asset's device for the remote diagnosis: its state, whether it is heard, what it said lately. */
export const devicesProjection = defineProjection<Recorded, typeof DEVICES_COLLECTION>({
  name: 'devices',
  version: 1,
  eventTypes: [...DEVICE_EVENT_TYPES],
  collections: {
    [DEVICES_COLLECTION]: {
      indexes: [
        { name: 'by_request', keys: { requestId: 1 } },
        { name: 'by_silence', keys: { silentSince: 1 } },
      ],
    },
  },
  documentsFor: (event) =>
    isOwn(event) ? [{ collection: DEVICES_COLLECTION, id: event.data.assetCode }] : [],
  apply(event, current) {
    if (!isOwn(event)) return [];
    const existing =
      current.get<DeviceDocument>(DEVICES_COLLECTION, event.data.assetCode) ??
      emptyDeviceDocument(event.data.assetCode);
    // At-least-once delivery: an event the document already reflects changes nothing.
    if (event.position <= existing.lastPosition) return [];
    return [
      {
        op: 'put',
        collection: DEVICES_COLLECTION,
        document: evolveDeviceDocument(existing, event, event.position),
      },
    ];
  },
});
