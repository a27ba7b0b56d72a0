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

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

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

  describe('refuses what JSON would drop or change, naming its exact path', () => {
    const cyclic: Record<string, unknown> = { readings: {} };
    (cyclic['readings'] as Record<string, unknown>)['back'] = cyclic;
    const selfInArray: unknown[] = [];
    selfInArray.push(selfInArray);
    const holed: unknown[] = [1];
    holed[2] = 3;
    class Reading {
      pressure = 1;
    }
    const cases: [string, unknown, string][] = [
      ['undefined', { readings: { pressure: undefined } }, 'events[0].data.readings.pressure'],
      ['a function', { readings: { pressure: () => 1 } }, 'events[0].data.readings.pressure'],
      ['a symbol', { readings: [1, Symbol('x')] }, 'events[0].data.readings[1]'],
      ['a bigint', { readings: { pressure: 1n } }, 'events[0].data.readings.pressure'],
      ['NaN', { readings: { pressure: Number.NaN } }, 'events[0].data.readings.pressure'],
      [
        'Infinity',
        { readings: [{ pressure: Number.POSITIVE_INFINITY }] },
        'events[0].data.readings[0].pressure',
      ],
      ['-Infinity', { 'odd key': Number.NEGATIVE_INFINITY }, 'events[0].data["odd key"]'],
      ['a Date', { readings: { at: new Date(0) } }, 'events[0].data.readings.at'],
      ['a Map', { readings: new Map([['pressure', 1]]) }, 'events[0].data.readings'],
      ['a Set in an array', { readings: [[new Set([1])]] }, 'events[0].data.readings[0][0]'],
      ['a class instance', { readings: new Reading() }, 'events[0].data.readings'],
      ['a cycle through objects', cyclic, 'events[0].data.readings.back'],
      ['a cycle through an array', { list: selfInArray }, 'events[0].data.list[0]'],
      ['a hole in an array', { readings: holed }, 'events[0].data.readings[1]'],
      ['a symbol key', { [Symbol('k')]: 1 }, 'events[0].data'],
    ];
    it.each(cases)('%s', (_name, data, path) => {
      const error = (() => {
        try {
          validateAppend('work-order-1', [{ ...event(), data: data as never }]);
        } catch (caught) {
          return caught;
        }
        throw new Error('validateAppend accepted it');
      })();
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect((error as InvalidAppendError).field).toBe(path);
      expect((error as Error).message).toContain(path);
    });

    it('in metadata too, and in any event of the append', () => {
      expect(
        fieldOf(() =>
          validateAppend('work-order-1', [
            event(),
            { ...event(), metadata: { ...event().metadata, client: { retries: Number.NaN } } },
          ]),
        ),
      ).toBe('events[1].metadata.client.retries');
      expect(
        fieldOf(() =>
          validateAppend('work-order-1', [{ ...event(), metadata: { ...event().metadata, n: 1n as never } }]),
        ),
      ).toBe('events[0].metadata.n');
      expect(
        fieldOf(() =>
          validateAppend('work-order-1', [{ ...event(), metadata: { ...event().metadata, key: undefined } }]),
        ),
      ).toBe('events[0].metadata.key');
    });
  });

  it('accepts plain JSON: shared references, null-prototype objects, deep nesting, edge numbers', () => {
    const shared = { pressure: 2.5 };
    const deep = nested(1000);
    const data = {
      a: shared,
      b: [shared, shared],
      bare: Object.assign(Object.create(null) as object, { x: 1 }),
      edge: [0, -0, Number.MAX_VALUE, -1e-300, '', false, null, {}],
      deep,
    };
    const [serialized] = validateAppend('work-order-1', [{ ...event(), data: data as never }]);
    expect(serialized!.data).toBe(JSON.stringify(data));
  });

  it('refuses nesting too deep for JSON.stringify as an invalid append, not a stack overflow', () => {
    expect(
      fieldOf(() =>
        validateAppend('work-order-1', [{ ...event(), data: { deep: nested(100_000) } as never }]),
      ),
    ).toBe('events[0].data');
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
