import { randomBytes, randomUUID } from 'node:crypto';
import {
  ANY,
  type EventMetadata,
  type EventStore,
  type EventSubscription,
  EVENT_STORE_LIMITS,
  type ExpectedRevision,
  InvalidAppendError,
  InvalidReadError,
  type JsonObject,
  NO_STREAM,
  type NewEvent,
  type RecordedEvent,
  STREAM_EXISTS,
  WrongExpectedRevisionError,
} from '../index';

export interface EventStoreContractOptions {
  /** Runs once after the suite, when every store it made is closed (remove temp files, ...). */
  cleanup?: () => Promise<void>;
  /** Per-case timeout; raise it for a remote server. Default 30 s. */
  timeoutMs?: number;
}

/**
 * The behaviour every EventStore adapter must show. It may run against a shared EventStoreDB that
 * cannot be wiped: each case writes only to streams of its own random category and looks at the
 * log only through that category's prefix or through positions it recorded itself.
 */
export function eventStoreContract(
  adapterName: string,
  makeStore: () => Promise<EventStore>,
  options: EventStoreContractOptions = {},
): void {
  const timeout = options.timeoutMs ?? 30_000;

  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    const extraStores: EventStore[] = [];

    beforeAll(async () => {
      store = await makeStore();
    }, timeout);

    afterAll(async () => {
      await Promise.all([store, ...extraStores].filter(Boolean).map((s) => s.close()));
      await options.cleanup?.();
    }, timeout);

    describe('appending', () => {
      it(
        'numbers revisions from 0 and answers the last revision and position of each append',
        async () => {
          const stream = newStream();
          const before = await store.headPosition();
          const first = await store.appendToStream(stream, [newEvent(), newEvent()], NO_STREAM);
          expect(first.nextExpectedRevision).toBe(1);
          expect(first.position).toBeGreaterThan(before);
          const second = await store.appendToStream(stream, [newEvent()], 1);
          expect(second.nextExpectedRevision).toBe(2);
          expect(second.position).toBeGreaterThan(first.position);

          const events = await store.readStream(stream, { maxCount: 10 });
          expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
          expect(events[1]!.position).toBe(first.position);
          expect(events[2]!.position).toBe(second.position);
          expect(events[0]!.position).toBeLessThan(events[1]!.position);
          expect(await store.headPosition()).toBeGreaterThanOrEqual(second.position);
        },
        timeout,
      );

      describe('expected revision', () => {
        const accepted: [string, number, ExpectedRevision | undefined][] = [
          ['NO_STREAM on a new stream', 0, NO_STREAM],
          ['STREAM_EXISTS on an existing stream', 2, STREAM_EXISTS],
          ['ANY on a new stream', 0, ANY],
          ['ANY on an existing stream', 2, ANY],
          ['no expectation (ANY) on an existing stream', 2, undefined],
          ['the exact last revision', 2, 1],
        ];
        it.each(accepted)(
          'accepts %s',
          async (_case, existing, expected) => {
            const stream = newStream();
            if (existing > 0) await store.appendToStream(stream, newEvents(existing), NO_STREAM);
            const result = await store.appendToStream(stream, [newEvent()], expected);
            expect(result.nextExpectedRevision).toBe(existing);
            expect(await readWholeStream(store, stream)).toHaveLength(existing + 1);
          },
          timeout,
        );

        const refused: [string, number, ExpectedRevision][] = [
          ['NO_STREAM on an existing stream', 2, NO_STREAM],
          ['STREAM_EXISTS on a new stream', 0, STREAM_EXISTS],
          ['a revision on a new stream', 0, 0],
          ['a revision behind the stream', 3, 1],
          ['a revision ahead of the stream', 2, 5],
        ];
        it.each(refused)(
          'refuses %s, naming stream, expected and actual, and writes nothing',
          async (_case, existing, expected) => {
            const stream = newStream();
            if (existing > 0) await store.appendToStream(stream, newEvents(existing), NO_STREAM);
            const error = await failureOf(() =>
              store.appendToStream(stream, [newEvent(), newEvent()], expected),
            );
            expect(error).toBeInstanceOf(WrongExpectedRevisionError);
            const conflict = error as WrongExpectedRevisionError;
            expect(conflict.code).toBe('wrong_expected_revision');
            expect(conflict.streamName).toBe(stream);
            expect(conflict.expected).toBe(expected);
            expect(conflict.actual).toBe(existing === 0 ? NO_STREAM : existing - 1);
            expect(conflict.message).toContain(stream);
            expect(await readWholeStream(store, stream)).toHaveLength(existing);
          },
          timeout,
        );
      });

      it(
        'lets exactly one of concurrent appends with the same expectation win',
        async () => {
          for (const existing of [0, 1]) {
            const stream = newStream();
            if (existing > 0) await store.appendToStream(stream, newEvents(existing), NO_STREAM);
            const expected: ExpectedRevision = existing === 0 ? NO_STREAM : existing - 1;
            const attempts = Array.from({ length: 8 }, () => newEvents(2));
            const outcomes = await Promise.allSettled(
              attempts.map((events) => store.appendToStream(stream, events, expected)),
            );
            const winners = outcomes.flatMap((outcome, index) =>
              outcome.status === 'fulfilled' ? [index] : [],
            );
            expect(winners).toHaveLength(1);
            for (const outcome of outcomes) {
              if (outcome.status === 'rejected')
                expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
            }
            const stored = await readWholeStream(store, stream);
            expect(stored.slice(existing).map((e) => e.id)).toEqual(attempts[winners[0]!]!.map((e) => e.id));
          }
        },
        timeout,
      );

      it(
        'answers a repeated append with the first result and writes nothing, whatever the expectation',
        async () => {
          const stream = newStream();
          const events = newEvents(3);
          const first = await store.appendToStream(stream, events, NO_STREAM);
          expect(await store.appendToStream(stream, events, NO_STREAM)).toEqual(first);
          expect(await store.appendToStream(stream, events, ANY)).toEqual(first);
          expect(await store.appendToStream(stream, events, 2)).toEqual(first);

          const later = await store.appendToStream(stream, [newEvent()], 2);
          expect(await store.appendToStream(stream, events, 2)).toEqual(first);
          expect(await store.appendToStream(stream, events, NO_STREAM)).toEqual(first);

          const single = newEvent();
          const singleResult = await store.appendToStream(stream, [single], later.nextExpectedRevision);
          expect(await store.appendToStream(stream, [single], ANY)).toEqual(singleResult);

          const stored = await readWholeStream(store, stream);
          expect(stored.map((e) => e.id)).toEqual([...events.map((e) => e.id), stored[3]!.id, single.id]);
          expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        },
        timeout,
      );

      it(
        'stores an event id in canonical lower case, as EventStoreDB does, and knows it again in any case',
        async () => {
          const stream = newStream();
          const upper = { ...newEvent(), id: randomUUID().toUpperCase() };
          const first = await store.appendToStream(stream, [upper], NO_STREAM);
          expect((await store.readStream(stream, { maxCount: 10 })).map((e) => e.id)).toEqual([
            upper.id.toLowerCase(),
          ]);
          const lower = { ...upper, id: upper.id.toLowerCase() };
          expect(await store.appendToStream(stream, [lower], NO_STREAM)).toEqual(first);

          const pair = [newEvent(), newEvent()].map((e) => ({ ...e, id: e.id.toUpperCase() }));
          const second = await store.appendToStream(stream, pair, 0);
          const pairLower = pair.map((e) => ({ ...e, id: e.id.toLowerCase() }));
          expect(await store.appendToStream(stream, pairLower, ANY)).toEqual(second);
          const mixed = [pairLower[0]!, { ...newEvent(), id: randomUUID().toUpperCase() }];
          expect(await failureOf(() => store.appendToStream(stream, mixed, ANY))).toBeInstanceOf(
            InvalidAppendError,
          );

          const canonical = [upper.id, ...pair.map((e) => e.id)].map((id) => id.toLowerCase());
          const stored = await readWholeStream(store, stream);
          expect(stored.map((e) => e.id)).toEqual(canonical);
          const logged = await pageAll(store, { streamPrefixes: [stream] }, 10);
          expect(logged.map((e) => e.id)).toEqual(canonical);
        },
        timeout,
      );

      it(
        'refuses an append that mixes already appended ids with new ones',
        async () => {
          const stream = newStream();
          const [a, b] = [newEvent(), newEvent()];
          await store.appendToStream(stream, [a], NO_STREAM);
          for (const events of [
            [a, b],
            [b, a],
          ]) {
            const error = await failureOf(() => store.appendToStream(stream, events, 0));
            expect(error).toBeInstanceOf(InvalidAppendError);
            expect((error as InvalidAppendError).field).toBe('events');
          }
          expect((await readWholeStream(store, stream)).map((e) => e.id)).toEqual([a.id]);
        },
        timeout,
      );
    });

    describe('reading', () => {
      it(
        'pages through a stream forwards and backwards',
        async () => {
          const stream = newStream();
          await store.appendToStream(stream, newEvents(4), NO_STREAM);
          await store.appendToStream(stream, newEvents(6), 3);
          const revisions = async (options: Parameters<EventStore['readStream']>[1]): Promise<number[]> =>
            (await store.readStream(stream, options)).map((e) => e.revision);

          expect(await revisions({ maxCount: 4 })).toEqual([0, 1, 2, 3]);
          expect(await revisions({ maxCount: 4, fromRevision: 4 })).toEqual([4, 5, 6, 7]);
          expect(await revisions({ maxCount: 4, fromRevision: 8 })).toEqual([8, 9]);
          expect(await revisions({ maxCount: 4, fromRevision: 10 })).toEqual([]);
          expect(await revisions({ maxCount: 4, direction: 'backwards' })).toEqual([9, 8, 7, 6]);
          expect(await revisions({ maxCount: 3, direction: 'backwards', fromRevision: 5 })).toEqual([
            5, 4, 3,
          ]);
          expect(await revisions({ maxCount: 3, direction: 'backwards', fromRevision: 1 })).toEqual([1, 0]);
          expect(await store.readStream(newStream(), { maxCount: 10 })).toEqual([]);
          expect(await store.readStream(newStream(), { maxCount: 10, direction: 'backwards' })).toEqual([]);
        },
        timeout,
      );

      it(
        'pages through the whole log both ways, filtered by stream prefix and event type',
        async () => {
          const category = newCategory();
          const before = await store.headPosition();
          const written: { stream: string; id: string; type: string }[] = [];
          for (let round = 0; round < 4; round++) {
            for (const suffix of ['a', 'b', 'c']) {
              const stream = `${category}-${suffix}`;
              const events = [newEvent('ContractAlpha'), newEvent('ContractBeta'), newEvent('ContractAlpha')];
              await store.appendToStream(stream, events, round === 0 ? NO_STREAM : round * 3 - 1);
              written.push(...events.map((e) => ({ stream, id: e.id, type: e.type })));
            }
          }
          // Decoys that share the type names but not the prefix.
          await store.appendToStream(newStream(), [newEvent('ContractAlpha'), newEvent('ContractBeta')]);

          const prefix = `${category}-`;
          const forwards = await pageAll(store, { after: before, streamPrefixes: [prefix] }, 5);
          expect(forwards.map((e) => e.id)).toEqual(written.map((w) => w.id));
          expectIncreasing(forwards.map((e) => e.position));

          const backwards = await pageAll(store, { direction: 'backwards', streamPrefixes: [prefix] }, 7);
          expect(backwards.map((e) => e.id)).toEqual(written.map((w) => w.id).reverse());

          const betas = await pageAll(
            store,
            { after: before, streamPrefixes: [prefix], eventTypes: ['ContractBeta'] },
            3,
          );
          expect(betas.map((e) => e.id)).toEqual(
            written.filter((w) => w.type === 'ContractBeta').map((w) => w.id),
          );

          const manyTypes = Array.from({ length: 40 }, (_, index) => `ContractUnused${index}`);
          for (const eventTypes of [
            ['ContractBeta', 'ContractBeta'],
            [...manyTypes, 'ContractBeta'],
          ]) {
            const forwardsBetas = await pageAll(
              store,
              { after: before, streamPrefixes: [prefix], eventTypes },
              3,
            );
            expect(forwardsBetas.map((e) => e.id)).toEqual(betas.map((e) => e.id));
            const backwardsBetas = await pageAll(
              store,
              { direction: 'backwards', streamPrefixes: [prefix], eventTypes },
              3,
            );
            expect(backwardsBetas.map((e) => e.id)).toEqual(betas.map((e) => e.id).reverse());
          }
          const alphasAndBetas = await pageAll(
            store,
            { after: before, streamPrefixes: [prefix], eventTypes: ['ContractBeta', 'ContractAlpha'] },
            4,
          );
          expect(alphasAndBetas.map((e) => e.id)).toEqual(written.map((w) => w.id));

          const twoStreams = await pageAll(
            store,
            { after: before, streamPrefixes: [`${category}-a`, `${category}-c`] },
            4,
          );
          expect(twoStreams.map((e) => e.id)).toEqual(
            written.filter((w) => !w.stream.endsWith('-b')).map((w) => w.id),
          );

          const middle = forwards[10]!.position;
          const afterMiddle = await store.readAll({ after: middle, maxCount: 3, streamPrefixes: [prefix] });
          expect(afterMiddle.map((e) => e.id)).toEqual(written.slice(11, 14).map((w) => w.id));
          const beforeMiddle = await store.readAll({
            after: middle,
            maxCount: 3,
            direction: 'backwards',
            streamPrefixes: [prefix],
          });
          expect(beforeMiddle.map((e) => e.id)).toEqual(
            written
              .slice(7, 10)
              .map((w) => w.id)
              .reverse(),
          );

          const unfiltered = await store.readAll({ after: before, maxCount: 3 });
          expect(unfiltered).toHaveLength(3);
          expectIncreasing(unfiltered.map((e) => e.position));
          expect(unfiltered[0]!.position).toBeGreaterThan(before);
        },
        timeout,
      );

      it(
        'gives back every field of the envelope as written',
        async () => {
          const stream = newStream();
          const data: JsonObject = {
            text: 'Zürich — 東京 \u{1F527} "quoted" \\ back',
            count: 42,
            ratio: -0.125,
            big: 2 ** 52,
            yes: true,
            no: false,
            nothing: null,
            list: [1, 'two', { three: [3] }, []],
            nested: { deeper: { deepest: 'x' }, empty: {} },
          };
          const metadata: EventMetadata = {
            ...newMetadata(),
            idempotencyKey: 'key-1',
            client: 'contract-suite',
            attempt: 2,
            tags: ['a', 'b'],
            origin: { device: 'd-1', signal: null },
          };
          const event: NewEvent = { id: randomUUID(), type: 'ContractEnvelopeWritten', data, metadata };
          const timeBefore = Date.now();
          const result = await store.appendToStream(stream, [event], NO_STREAM);
          const timeAfter = Date.now();

          const [fromStream] = await store.readStream(stream, { maxCount: 1 });
          const [fromAll] = await store.readAll({
            after: result.position - 1,
            maxCount: 1,
            streamPrefixes: [stream],
          });
          const subscription = store.subscribeToAll({ after: result.position - 1, streamPrefixes: [stream] });
          const fromSubscription = (await subscription[Symbol.asyncIterator]().next()).value as RecordedEvent;
          await subscription.close();

          for (const recorded of [fromStream, fromAll, fromSubscription]) {
            expect(recorded).toEqual({
              id: event.id,
              type: event.type,
              data,
              metadata,
              streamName: stream,
              revision: 0,
              position: result.position,
              recordedAt: expect.any(String),
            });
            const recordedAt = recorded!.recordedAt;
            expect(recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
            // Loose bounds: a remote server's clock may drift a little from ours.
            expect(Date.parse(recordedAt)).toBeGreaterThanOrEqual(timeBefore - 60_000);
            expect(Date.parse(recordedAt)).toBeLessThanOrEqual(timeAfter + 60_000);
          }
        },
        timeout,
      );
    });

    describe('refusing bad input before writing anything', () => {
      const big = 'x'.repeat(EVENT_STORE_LIMITS.maxEventBytes);
      const cases: [string, (stream: string) => [string, NewEvent[], ExpectedRevision?], string][] = [
        ['an empty stream name', () => ['', [newEvent()]], 'streamName'],
        ['a stream name without category', () => ['nocategory', [newEvent()]], 'streamName'],
        ['a reserved stream name', () => ['$contract-1', [newEvent()]], 'streamName'],
        ['a stream name with spaces', (s) => [`${s} x`, [newEvent()]], 'streamName'],
        [
          'a too long stream name',
          (s) => [`${s}${'x'.repeat(EVENT_STORE_LIMITS.maxStreamNameLength)}`, [newEvent()]],
          'streamName',
        ],
        ['no events', (s) => [s, []], 'events'],
        ['too many events', (s) => [s, newEvents(EVENT_STORE_LIMITS.maxEventsPerAppend + 1)], 'events'],
        ['an id that is not a UUID', (s) => [s, [{ ...newEvent(), id: 'not-a-uuid' }]], 'events[0].id'],
        [
          'a repeated id',
          (s) => {
            const e = newEvent();
            return [s, [e, { ...newEvent(), id: e.id }]];
          },
          'events[1].id',
        ],
        ['an empty type', (s) => [s, [{ ...newEvent(), type: '' }]], 'events[0].type'],
        [
          'a type starting with a digit',
          (s) => [s, [newEvent(), { ...newEvent(), type: '9Lives' }]],
          'events[1].type',
        ],
        [
          'data that is an array',
          (s) => [s, [{ ...newEvent(), data: [1] as unknown as JsonObject }]],
          'events[0].data',
        ],
        [
          'data that is null',
          (s) => [s, [{ ...newEvent(), data: null as unknown as JsonObject }]],
          'events[0].data',
        ],
        [
          'data that is not JSON',
          (s) => [s, [{ ...newEvent(), data: { n: BigInt(1) } as unknown as JsonObject }]],
          'events[0].data.n',
        ],
        // JSON.stringify would write these without a word, and the event would read back different.
        [
          'data with a NaN deep inside',
          (s) => [s, [newEvent(), { ...newEvent(), data: { readings: { pressure: Number.NaN } } }]],
          'events[1].data.readings.pressure',
        ],
        [
          'data with an undefined value',
          (s) => [s, [{ ...newEvent(), data: { readings: [1, undefined] } as unknown as JsonObject }]],
          'events[0].data.readings[1]',
        ],
        [
          'data with a Date',
          (s) => [s, [{ ...newEvent(), data: { at: new Date() } as unknown as JsonObject }]],
          'events[0].data.at',
        ],
        [
          'metadata with a function',
          (s) => [
            s,
            [{ ...newEvent(), metadata: { ...newMetadata(), hook: (() => 1) as unknown as string } }],
          ],
          'events[0].metadata.hook',
        ],
        [
          'an event over the size limit',
          (s) => [s, [newEvent(), { ...newEvent(), data: { big } }]],
          'events[1].data',
        ],
        [
          'missing metadata',
          (s) => [s, [{ ...newEvent(), metadata: undefined as unknown as EventMetadata }]],
          'events[0].metadata',
        ],
        [
          'a missing correlation id',
          (s) => [s, [{ ...newEvent(), metadata: { ...newMetadata(), correlationId: '' } }]],
          'events[0].metadata.correlationId',
        ],
        [
          'a missing actor role',
          (s) => [
            s,
            [{ ...newEvent(), metadata: { ...newMetadata(), actorRole: undefined as unknown as string } }],
          ],
          'events[0].metadata.actorRole',
        ],
        [
          'an occurredAt that is not a time',
          (s) => [s, [{ ...newEvent(), metadata: { ...newMetadata(), occurredAt: 'yesterday' } }]],
          'events[0].metadata.occurredAt',
        ],
        ['a negative expected revision', (s) => [s, [newEvent()], -1], 'expected'],
        ['a fractional expected revision', (s) => [s, [newEvent()], 1.5], 'expected'],
        [
          'an unknown expectation',
          (s) => [s, [newEvent()], 'sometimes' as unknown as ExpectedRevision],
          'expected',
        ],
      ];
      it.each(cases)(
        'refuses %s with InvalidAppendError naming the field',
        async (_case, build, field) => {
          const stream = newStream();
          const [streamName, events, expected] = build(stream);
          const error = await failureOf(() => store.appendToStream(streamName, events, expected));
          expect(error).toBeInstanceOf(InvalidAppendError);
          expect((error as InvalidAppendError).code).toBe('invalid_append');
          expect((error as InvalidAppendError).field).toBe(field);
          expect(await store.readStream(stream, { maxCount: 10 })).toEqual([]);
        },
        timeout,
      );

      const reads: [string, () => Promise<unknown>, string][] = [
        ['a zero page size', () => store.readStream(newStream(), { maxCount: 0 }), 'maxCount'],
        [
          'a page over the limit',
          () => store.readAll({ maxCount: EVENT_STORE_LIMITS.maxPageSize + 1 }),
          'maxCount',
        ],
        ['a negative position', () => store.readAll({ maxCount: 1, after: -1 }), 'after'],
        [
          'a negative revision',
          () => store.readStream(newStream(), { maxCount: 1, fromRevision: -1 }),
          'fromRevision',
        ],
        [
          'an unknown direction',
          () => store.readAll({ maxCount: 1, direction: 'sideways' as 'forwards' }),
          'direction',
        ],
        [
          'an empty prefix',
          () => store.readAll({ maxCount: 1, streamPrefixes: ['ok-', ''] }),
          'streamPrefixes[1]',
        ],
        ['a bad stream name', () => store.readStream('no spaces allowed', { maxCount: 1 }), 'streamName'],
      ];
      it.each(reads)(
        'refuses a read with %s with InvalidReadError naming the field',
        async (_case, read, field) => {
          const error = await failureOf(read);
          expect(error).toBeInstanceOf(InvalidReadError);
          expect((error as InvalidReadError).field).toBe(field);
        },
        timeout,
      );
    });

    describe('subscribing to all', () => {
      it(
        'catches up, then follows live, with no gap and no duplicate across the switch',
        async () => {
          for (let loop = 0; loop < 3; loop++) {
            const category = newCategory();
            const stream = (n: number): string => `${category}-${n % 4}`;
            const appended: string[] = [];
            let appendCount = 0;
            const append = async (count: number): Promise<void> => {
              const events = newEvents(count);
              appended.push(...events.map((e) => e.id));
              await store.appendToStream(stream(appendCount++), events, ANY);
            };
            const before = await store.headPosition();
            for (let i = 0; i < 12; i++) await append(50);

            const subscription = store.subscribeToAll({ after: before, streamPrefixes: [`${category}-`] });
            let appendedDuringCatchUp = false;
            const consumer = consume(subscription, async (received) => {
              // Still catching up: 600 events were waiting and we have seen only a few.
              if (received.length === 5 && !appendedDuringCatchUp) {
                appendedDuringCatchUp = true;
                await Promise.all([append(3), append(4), append(1)]);
              }
            });
            await consumer.until(() => consumer.received.length === appended.length, 'catch-up');
            await waitUntil(() => subscription.health().state === 'live', 'the subscription to go live');

            for (let round = 0; round < 5; round++) {
              await Promise.all([append(1), append(2), append(3)]);
              await consumer.until(() => consumer.received.length === appended.length, `live round ${round}`);
              expect(subscription.health().state).toBe('live');
            }
            // Appends racing the consumer while it processes.
            const racing = Promise.all(Array.from({ length: 10 }, () => append(2)));
            await racing;
            await consumer.until(() => consumer.received.length === appended.length, 'racing appends');
            const last = consumer.received[consumer.received.length - 1]!;
            expect(subscription.health().lastPosition).toBe(last.position);

            await subscription.close();
            await consumer.done;

            const receivedIds = consumer.received.map((e) => e.id);
            expect(new Set(receivedIds).size).toBe(receivedIds.length);
            expect([...receivedIds].sort()).toEqual([...appended].sort());
            expectIncreasing(consumer.received.map((e) => e.position));
            const logOrder = await pageAll(store, { after: before, streamPrefixes: [`${category}-`] }, 1000);
            expect(receivedIds).toEqual(logOrder.map((e) => e.id));
          }
        },
        timeout * 2,
      );

      it(
        'starts after a given position and honours type filters',
        async () => {
          const category = newCategory();
          const events = [
            newEvent('ContractAlpha'),
            newEvent('ContractBeta'),
            newEvent('ContractAlpha'),
            newEvent('ContractBeta'),
            newEvent('ContractAlpha'),
          ];
          await store.appendToStream(`${category}-1`, events.slice(0, 2));
          await store.appendToStream(`${category}-2`, events.slice(2));
          const stored = await store.readAll({
            after: (await store.readStream(`${category}-1`, { maxCount: 1 }))[0]!.position - 1,
            maxCount: 5,
            streamPrefixes: [`${category}-`],
          });
          expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));

          const fromSecond = store.subscribeToAll({
            after: stored[1]!.position,
            streamPrefixes: [`${category}-`],
          });
          const all = consume(fromSecond);
          await all.until(() => all.received.length === 3, 'events after the second');
          expect(all.received.map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));

          const betas = store.subscribeToAll({
            after: stored[0]!.position - 1,
            streamPrefixes: [`${category}-`],
            eventTypes: ['ContractBeta'],
          });
          const onlyBetas = consume(betas);
          await onlyBetas.until(() => onlyBetas.received.length === 2, 'the two betas');
          const late = newEvent('ContractBeta');
          await store.appendToStream(`${category}-3`, [newEvent('ContractAlpha'), late]);
          await onlyBetas.until(() => onlyBetas.received.length === 3, 'the late beta');
          expect(onlyBetas.received.map((e) => e.id)).toEqual([events[1]!.id, events[3]!.id, late.id]);
          // Over a network the unfiltered subscription may trail the filtered one: wait for it.
          await all.until(() => all.received.length === 5, 'the five events after the start position');
          expect(all.received).toHaveLength(5);

          await Promise.all([fromSecond.close(), betas.close()]);
          await Promise.all([all.done, onlyBetas.done]);
        },
        timeout,
      );

      it(
        'ends the iteration on close(), on abort and when the store closes',
        async () => {
          const category = newCategory();
          const head = await store.headPosition();

          const closed = store.subscribeToAll({ after: head, streamPrefixes: [`${category}-`] });
          const pending = closed[Symbol.asyncIterator]().next();
          await closed.close();
          await expect(pending).resolves.toEqual({ done: true, value: undefined });
          expect(closed.health().state).toBe('stopped');

          const controller = new AbortController();
          const aborted = store.subscribeToAll({
            after: head,
            streamPrefixes: [`${category}-`],
            signal: controller.signal,
          });
          const abortedRun = consume(aborted);
          setTimeout(() => controller.abort(), 20);
          await abortedRun.done;
          expect(abortedRun.received).toEqual([]);

          const preAborted = store.subscribeToAll({ after: head, signal: AbortSignal.abort() });
          await expect(preAborted[Symbol.asyncIterator]().next()).resolves.toMatchObject({ done: true });

          const other = await makeStore();
          extraStores.push(other);
          const result = await other.appendToStream(`${category}-1`, [newEvent()]);
          const followed = other.subscribeToAll({
            after: result.position - 1,
            streamPrefixes: [`${category}-`],
          });
          const followedRun = consume(followed);
          await followedRun.until(() => followedRun.received.length === 1, 'the one event');
          await other.close();
          extraStores.splice(extraStores.indexOf(other), 1);
          await followedRun.done;
          expect(followedRun.received).toHaveLength(1);
        },
        timeout,
      );
    });

    describe('head position and health', () => {
      it(
        'reports the head position and a healthy store',
        async () => {
          const result = await store.appendToStream(newStream(), [newEvent()]);
          expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
          const health = await store.health();
          expect(health.ok).toBe(true);
          expect(health.adapter).toEqual(expect.any(String));
          if (health.headPosition !== undefined)
            expect(health.headPosition).toBeGreaterThanOrEqual(result.position);
        },
        timeout,
      );
    });
  });
}

// ---- helpers --------------------------------------------------------------------------------

const runId = randomBytes(4).toString('hex');
let categoryCount = 0;

/** A category no other run or case uses, so a shared store's older events never match. */
function newCategory(): string {
  return `contract${runId}n${categoryCount++}`;
}

function newStream(): string {
  return `${newCategory()}-${randomUUID()}`;
}

function newMetadata(): EventMetadata {
  const id = randomUUID();
  return {
    correlationId: id,
    causationId: id,
    actorId: 'contract-suite',
    actorRole: 'system',
    occurredAt: new Date().toISOString(),
  };
}

function newEvent(type = 'ContractEventHappened'): NewEvent {
  return { id: randomUUID(), type, data: { value: randomUUID() }, metadata: newMetadata() };
}

function newEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, () => newEvent());
}

/** The error an operation fails with, whether it throws at once or rejects. */
async function failureOf(operation: () => Promise<unknown>): Promise<unknown> {
  try {
    await operation();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the operation to fail, but it succeeded');
}

async function readWholeStream(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readStream(stream, { maxCount: 100, fromRevision: events.length });
    events.push(...page);
    if (page.length < 100) return events;
  }
}

async function pageAll(
  store: EventStore,
  options: Omit<Parameters<EventStore['readAll']>[0], 'maxCount'>,
  pageSize: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after = options.after;
  for (;;) {
    const page = await store.readAll({
      ...options,
      ...(after !== undefined && { after }),
      maxCount: pageSize,
    });
    events.push(...page);
    if (page.length < pageSize) return events;
    after = page[page.length - 1]!.position;
  }
}

function expectIncreasing(positions: number[]): void {
  positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index]!));
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Runs a `for await` consumer in the background; `until` fails fast if the consumer failed. */
function consume(
  subscription: EventSubscription,
  onEvent?: (received: RecordedEvent[]) => Promise<void>,
): {
  received: RecordedEvent[];
  done: Promise<void>;
  until(condition: () => boolean, what: string): Promise<void>;
} {
  const received: RecordedEvent[] = [];
  let failure: unknown;
  const done = (async () => {
    for await (const event of subscription) {
      received.push(event);
      await onEvent?.(received);
    }
  })().catch((error: unknown) => {
    failure = error;
    throw error;
  });
  done.catch(() => undefined);
  return {
    received,
    done,
    until: (condition, what) =>
      waitUntil(() => {
        if (failure !== undefined) throw failure;
        return condition();
      }, what),
  };
}
