import type { RecordedEvent } from '@fieldstream/event-store';
import { CloudEvent, ValidationError } from 'cloudevents';
import { publishedEventTypes } from './event-catalogue';
import { toCloudEvent } from './to-cloud-event';

function recordedAs(storedType: string, streamName: string, data = {}): RecordedEvent {
  return {
    id: '3f0e2d1c-4b5a-4697-8a8b-9c0d1e2f3a4b',
    type: storedType,
    data,
    metadata: {
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actorId: 'u-1',
      actorRole: 'dispatcher',
      actorName: 'Desk Milano',
      idempotencyKey: 'k-1',
      // An offset, as a client may have sent it: CloudEvents get UTC.
      occurredAt: '2026-12-01T09:40:00+01:00',
    },
    streamName,
    revision: 4,
    // Past 2^31: CloudEvents integers could not hold it.
    position: 3_000_000_123,
    recordedAt: '2026-12-01T08:40:00.010Z',
  };
}

describe('toCloudEvent', () => {
  const opened = publishedEventTypes().find((type) => type.storedType === 'ServiceRequestOpened')!;

  it('maps a recorded event to CloudEvents 1.0: id, source, type, subject, time, data and the extensions', () => {
    const event = toCloudEvent(
      recordedAs('ServiceRequestOpened', 'service-request-r-1', opened.example),
      opened,
    );
    expect(event).toEqual({
      specversion: '1.0',
      id: '3f0e2d1c-4b5a-4697-8a8b-9c0d1e2f3a4b',
      source: '/fieldstream/service-requests',
      type: 'io.fieldstream.service-request.opened.v1',
      subject: 'service-request-r-1',
      time: '2026-12-01T08:40:00.000Z',
      datacontenttype: 'application/json',
      position: '3000000123',
      streamrevision: 4,
      correlationid: 'corr-1',
      causationid: 'cmd-1',
      data: opened.example,
    });
    // Who acted and the rest of the metadata stay out.
    expect(JSON.stringify(event)).not.toMatch(/Desk Milano|u-1|k-1/);
  });

  it.each(publishedEventTypes().map((type) => [type.cloudEventType, type] as const))(
    '%s passes the official SDK’s validation, strict',
    (_name, type) => {
      const json = toCloudEvent(
        recordedAs(type.storedType, `${type.streamPrefix}x`, type.example ?? {}),
        type,
      );
      // Through the wire format and back, as a consumer would receive it.
      const received = new CloudEvent(JSON.parse(JSON.stringify(json)) as Record<string, unknown>, true);
      expect(received.validate()).toBe(true);
      expect(received.type).toBe(type.cloudEventType);
      for (const extension of ['position', 'streamrevision', 'correlationid', 'causationid']) {
        expect(extension).toMatch(/^[a-z0-9]{1,20}$/);
        expect((received as unknown as Record<string, unknown>)[extension]).toEqual(
          (json as Record<string, unknown>)[extension],
        );
      }
    },
  );

  it('is a check that bites: the SDK refuses what the mapping must never produce', () => {
    const json = toCloudEvent(recordedAs('ServiceRequestOpened', 'service-request-r-1'), opened);
    expect(() => new CloudEvent({ ...json, streamRevision: 4 }, true)).toThrow(ValidationError);
    expect(() => new CloudEvent({ ...json, source: undefined }, true)).toThrow(ValidationError);
  });
});
