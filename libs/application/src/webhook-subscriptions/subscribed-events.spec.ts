import type { RecordedEvent } from '@fieldstream/event-store';
import { subscribedEvents, unknownEventTypes } from './subscribed-events';

function recorded(streamName: string, type: string): RecordedEvent {
  return {
    id: '3f0e2d1c-4b5a-4697-8a8b-9c0d1e2f3a4b',
    type,
    data: {},
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      actorId: 'u',
      actorRole: 'admin',
      occurredAt: '2026-12-01T08:00:00.000Z',
    },
    streamName,
    revision: 0,
    position: 1,
    recordedAt: '2026-12-01T08:00:00.000Z',
  };
}
const REQUEST = 'service-request-f1d2c3b4-a5e6-4f70-8a91-b2c3d4e5f607';

describe('subscribedEvents', () => {
  it('selects named types by their stored types, and nothing else of their streams', () => {
    const selection = subscribedEvents({
      eventTypes: ['io.fieldstream.service-request.opened.v1', 'io.fieldstream.device.anomaly-raised.v1'],
      categories: [],
    });
    expect(selection.streamPrefixes).toEqual(['device-', 'service-request-']);
    expect(selection.eventTypes).toEqual(['ServiceRequestOpened', 'DeviceAnomalyRaised']);
    expect(selection.pick(recorded(REQUEST, 'ServiceRequestOpened'))?.cloudEventType).toBe(
      'io.fieldstream.service-request.opened.v1',
    );
    expect(selection.pick(recorded(REQUEST, 'ServiceRequestAccepted'))).toBeUndefined();
    expect(selection.pick(recorded('device-SN-1', 'DeviceAnomalyRaised'))?.category).toBe('devices');
  });

  it('selects whole categories by their streams, with named types of other categories beside them', () => {
    const selection = subscribedEvents({
      eventTypes: ['io.fieldstream.service-request.closed.v1'],
      categories: ['devices'],
    });
    expect(selection.streamPrefixes).toEqual(['device-', 'service-request-']);
    expect(selection.eventTypes).toBeUndefined();
    expect(selection.pick(recorded('device-SN-1', 'DeviceHeartbeatRecorded'))?.category).toBe('devices');
    expect(selection.pick(recorded(REQUEST, 'ServiceRequestClosed'))?.fact).toBe('closed');
    expect(selection.pick(recorded(REQUEST, 'ServiceRequestOpened'))).toBeUndefined();
  });

  it('never selects what is not published, whatever the stream holds', () => {
    const selection = subscribedEvents({ eventTypes: [], categories: ['devices'] });
    expect(selection.pick(recorded('device-SN-1', 'UserRegistered'))).toBeUndefined();
    expect(selection.pick(recorded('webhook-subscription-1', 'WebhookSubscriptionCreated'))).toBeUndefined();
  });

  it('names each unknown type by its place in eventTypes', () => {
    expect(
      unknownEventTypes([
        'io.fieldstream.service-request.opened.v1',
        'io.fieldstream.user.registered.v1',
        'io.fieldstream.service-request.opened.v9',
      ]).map((issue) => [issue.field, issue.code]),
    ).toEqual([
      ['eventTypes.1', 'unknown_type'],
      ['eventTypes.2', 'unknown_type'],
    ]);
  });
});
