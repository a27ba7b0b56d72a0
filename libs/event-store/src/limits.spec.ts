import { randomUUID } from 'node:crypto';
import { InvalidAppendError, InvalidReadError } from './errors';
import type { NewEvent } from './event-envelope';
import {
  validateAppend,
  validateExpectedRevision,
  validateReadAllOptions,
  validateReadStreamOptions,
  validateSubscribeOptions,
} from './limits';

const event = (): NewEvent => ({
  id: randomUUID(),
  type: 'WorkOrderOpened',
  data: { n: 1 },
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    actorId: 'u',
    actorRole: 'dispatcher',
    occurredAt: '2026-11-26T10:00:00Z',
  },
});

function fieldOf(operation: () => unknown): string | undefined {
  try {
    operation();
  } catch (error) {
    if (error instanceof InvalidAppendError || error instanceof InvalidReadError) return error.field;
    throw error;
  }
  return undefined;
}

describe('validateAppend', () => {
  it('serializes each event once, in order', () => {
    const events = [event(), event()];
    expect(validateAppend('work-order-1', events)).toEqual(
      events.map((e) => ({ data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) })),
    );
  });

  it('names the field of data that JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(
      fieldOf(() => validateAppend('work-order-1', [event(), { ...event(), data: cyclic as never }])),
    ).toBe('events[1].data');
    expect(
      fieldOf(() =>
        validateAppend('work-order-1', [{ ...event(), metadata: { ...event().metadata, n: 1n as never } }]),
      ),
    ).toBe('events[0].metadata');
  });

  it('accepts category-id stream names and refuses the rest', () => {
    for (const ok of ['work-order-1', 'serviceRequest-abc_DEF.9:x', 'technician-schedule-2026-w48']) {
      expect(fieldOf(() => validateAppend(ok, [event()]))).toBeUndefined();
    }
    for (const bad of ['workorder', '-1', 'Work-1', 'work-', '$all-1', 'work order-1']) {
      expect(fieldOf(() => validateAppend(bad, [event()]))).toBe('streamName');
    }
  });
});

describe('validateExpectedRevision', () => {
  it.each([undefined, 'any', 'no_stream', 'stream_exists', 0, 7])('accepts %p', (expected) => {
    expect(fieldOf(() => validateExpectedRevision(expected as never))).toBeUndefined();
  });
  it.each([-1, 0.5, Number.NaN, 2 ** 53, '3', null, 'exists'])('refuses %p', (expected) => {
    expect(fieldOf(() => validateExpectedRevision(expected as never))).toBe('expected');
  });
});

describe('read option validation', () => {
  it('checks page size, positions, direction and filters, naming the option', () => {
    expect(fieldOf(() => validateReadStreamOptions('work-order-1', { maxCount: 10 }))).toBeUndefined();
    expect(fieldOf(() => validateReadStreamOptions('work-order-1', { maxCount: 10.5 }))).toBe('maxCount');
    expect(fieldOf(() => validateReadStreamOptions('work order', { maxCount: 1 }))).toBe('streamName');
    expect(
      fieldOf(() => validateReadAllOptions({ maxCount: 10_000, after: 0, direction: 'backwards' })),
    ).toBeUndefined();
    expect(fieldOf(() => validateReadAllOptions({ maxCount: 10_001 }))).toBe('maxCount');
    expect(fieldOf(() => validateReadAllOptions({ maxCount: 1, eventTypes: 'A' as never }))).toBe(
      'eventTypes',
    );
    expect(fieldOf(() => validateReadAllOptions(undefined as never))).toBe('options');
    expect(fieldOf(() => validateSubscribeOptions({ after: 1.5 }))).toBe('after');
    expect(fieldOf(() => validateSubscribeOptions({ streamPrefixes: ['a-', 3 as never] }))).toBe(
      'streamPrefixes[1]',
    );
  });
});
