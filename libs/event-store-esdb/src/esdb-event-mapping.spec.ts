import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import type { NewEvent } from '@fieldstream/event-store';
import {
  APPEND_MARKER_KEY,
  appendMarkerOf,
  matchesSelection,
  toEventData,
  toRecordedEvent,
  toServerFilter,
} from './esdb-event-mapping';

const newEvent: NewEvent = {
  id: '0b7c1f5e-8d43-4c8f-9a3e-2f1d6c7b8a90',
  type: 'ServiceRequestOpened',
  data: { requestId: 'r-1', nested: { list: [1, 'two', null] } },
  metadata: {
    correlationId: 'c-1',
    causationId: 'c-1',
    actorId: 'u-1',
    actorRole: 'dispatcher',
    occurredAt: '2026-11-26T10:00:00.000Z',
    idempotencyKey: 'k-1',
  },
};

function asRecorded(
  data: ReturnType<typeof toEventData>,
  overrides: Partial<Record<string, unknown>> = {},
): AllStreamResolvedEvent {
  return {
    event: {
      streamId: 'service-request-r-1',
      id: data.id,
      revision: 4n,
      type: data.type,
      data: data.data,
      metadata: data.metadata,
      isJson: true,
      created: new Date('2026-11-26T10:00:01.250Z'),
      position: { commit: 1000n, prepare: 1180n },
      ...overrides,
    },
  } as AllStreamResolvedEvent;
}

describe('event mapping', () => {
  it('writes JSON events that carry their place in the append, and reads back exactly what was written', () => {
    const data = toEventData(newEvent, 1, 3);
    expect(data).toMatchObject({
      id: newEvent.id,
      type: newEvent.type,
      contentType: 'application/json',
      data: newEvent.data,
    });
    expect(appendMarkerOf(data.metadata)).toEqual({ index: 1, count: 3 });

    expect(toRecordedEvent(asRecorded(data))).toEqual({
      ...newEvent,
      streamName: 'service-request-r-1',
      revision: 4,
      position: 1180,
      recordedAt: '2026-11-26T10:00:01.250Z',
    });
  });

  it('ignores a malformed append marker', () => {
    expect(appendMarkerOf({ [APPEND_MARKER_KEY]: { index: 3, count: 3 } })).toBeUndefined();
    expect(appendMarkerOf({ [APPEND_MARKER_KEY]: 'x' })).toBeUndefined();
    expect(appendMarkerOf(undefined)).toBeUndefined();
  });

  it('skips records not written through the port and refuses events without a position', () => {
    const data = toEventData(newEvent, 0, 1);
    expect(toRecordedEvent(asRecorded(data, { isJson: false, data: new Uint8Array([1]) }))).toBeUndefined();
    expect(toRecordedEvent({})).toBeUndefined();
    expect(() => toRecordedEvent(asRecorded(data, { position: undefined }))).toThrow(/22\.6 or later/);
  });

  it('selects by exact type and by stream prefix, never system events', () => {
    expect(matchesSelection('service-request-1', 'Opened', {})).toBe(true);
    expect(matchesSelection('$stats-127.0.0.1:2113', 'Opened', {})).toBe(false);
    expect(matchesSelection('service-request-1', '$>', {})).toBe(false);
    expect(matchesSelection('service-request-1', 'OpenedLate', { eventTypes: ['Opened'] })).toBe(false);
    expect(matchesSelection('service-request-1', 'Opened', { eventTypes: ['Closed', 'Opened'] })).toBe(true);
    expect(matchesSelection('technician-1', 'Opened', { streamPrefixes: ['service-request-'] })).toBe(false);
    expect(
      matchesSelection('service-request-1', 'Opened', {
        streamPrefixes: ['service-request-'],
        eventTypes: [],
      }),
    ).toBe(false);
  });

  it('builds anchored, escaped server filters', () => {
    const byType = toServerFilter({ eventTypes: ['Opened', 'a.b+c'] }) as { filterOn: string; regex: string };
    expect(byType.filterOn).toBe('eventType');
    const typeRegex = new RegExp(byType.regex);
    expect(typeRegex.test('Opened')).toBe(true);
    expect(typeRegex.test('OpenedLate')).toBe(false);
    expect(typeRegex.test('a.b+c')).toBe(true);
    expect(typeRegex.test('aXbbc')).toBe(false);

    const byStream = toServerFilter({ streamPrefixes: ['service-request-'] }) as {
      filterOn: string;
      regex: string;
    };
    expect(byStream.filterOn).toBe('streamName');
    expect(new RegExp(byStream.regex).test('service-request-9')).toBe(true);
    expect(new RegExp(byStream.regex).test('x-service-request-9')).toBe(false);

    const everything = toServerFilter({}) as { regex: string };
    expect(new RegExp(everything.regex).test('$stats')).toBe(false);
  });
});
