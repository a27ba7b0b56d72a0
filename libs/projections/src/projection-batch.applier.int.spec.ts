import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { ProjectionApplyError, ProjectionBatchApplier } from './projection-batch.applier';
import { type ProjectionWrite, defineProjection } from './projection-definition';
import { recordedLog } from './testing/recorded-event.factory';
import { temporaryDirectory } from './testing/temporary-directory';

/** A projection whose behaviour each case picks through the event's data. */
const unruly = defineProjection({
  name: 'unruly',
  version: 1,
  eventTypes: 'all',
  collections: { unruly_docs: {} },
  documentsFor: (event) =>
    event.data['refOther']
      ? [{ collection: 'someone_elses' as 'unruly_docs', id: 'x' }]
      : [{ collection: 'unruly_docs', id: event.streamName }],
  apply(event, current) {
    const mode = event.data['mode'];
    if (mode === 'peek') current.get('unruly_docs', 'not-declared');
    if (mode === 'foreign')
      return [{ op: 'put', collection: 'someone_elses' as 'unruly_docs', document: { _id: 'x' } }];
    if (mode === 'update')
      return [
        { op: 'update', collection: 'unruly_docs', id: 'x' } as unknown as ProjectionWrite<'unruly_docs'>,
      ];
    if (mode === 'no-id')
      return [{ op: 'put', collection: 'unruly_docs', document: { name: 'nameless' } as never }];
    const seen = current.get<{ _id: string; n: number }>('unruly_docs', event.streamName);
    return [
      { op: 'put', collection: 'unruly_docs', document: { _id: event.streamName, n: (seen?.n ?? 0) + 1 } },
    ];
  },
});

describe('ProjectionBatchApplier rules', () => {
  const dir = temporaryDirectory('applier');
  let readStore: ReadStore;

  beforeAll(async () => {
    readStore = await openSqliteReadStore({ file: dir.file('read.sqlite') });
  });
  afterAll(async () => {
    await readStore.close();
    dir.remove();
  });

  it('lets later events of a batch see earlier writes and writes each document once', async () => {
    const applier = new ProjectionBatchApplier(unruly, readStore);
    const log = recordedLog([
      { stream: 'site-1', type: 'A' },
      { stream: 'site-1', type: 'A' },
      { stream: 'site-2', type: 'A' },
      { stream: 'site-1', type: 'A' },
    ]);
    const batch = await applier.prepare(log);
    expect(batch.writes).toEqual([
      { op: 'put', collection: 'unruly_docs', document: { _id: 'site-1', n: 3 } },
      { op: 'put', collection: 'unruly_docs', document: { _id: 'site-2', n: 1 } },
      { op: 'put', collection: 'projection_versions', document: { _id: 'unruly', version: 1 } },
    ]);
    expect(batch).toMatchObject({ events: 4, lastPosition: 4, documentsWritten: 2 });
  });

  it('loads stored documents the batch needs', async () => {
    await readStore.collection('unruly_docs').put({ _id: 'site-7', n: 40 });
    const applier = new ProjectionBatchApplier(unruly, readStore);
    const batch = await applier.prepare(recordedLog([{ stream: 'site-7', type: 'A' }]));
    expect(batch.writes[0]).toEqual({
      op: 'put',
      collection: 'unruly_docs',
      document: { _id: 'site-7', n: 41 },
    });
  });

  it.each([
    ['peek', 'apply', /apply read unruly_docs\/not-declared, which documentsFor did not ask for/],
    ['foreign', 'apply', /named collection "someone_elses", which the projection does not own/],
    ['update', 'apply', /apply may only put or delete, got update/],
    ['no-id', 'apply', /without a string _id/],
  ])('refuses a projection that breaks the rules (%s), naming the event', async (mode, field, message) => {
    const applier = new ProjectionBatchApplier(unruly, readStore);
    const log = recordedLog([
      { stream: 'site-3', type: 'Fine' },
      { stream: 'site-3', type: 'Bad', data: { mode } },
    ]);
    const error = await applier.prepare(log).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProjectionApplyError);
    expect(error).toMatchObject({ projection: 'unruly', position: 2, field });
    expect((error as Error).message).toMatch(/Projection unruly, event Bad at position 2 \(site-3@1\)/);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses a document reference outside the projection', async () => {
    const applier = new ProjectionBatchApplier(unruly, readStore);
    const error = await applier
      .prepare(recordedLog([{ stream: 'site-4', type: 'A', data: { refOther: true } }]))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ field: 'documentsFor' });
  });
});
