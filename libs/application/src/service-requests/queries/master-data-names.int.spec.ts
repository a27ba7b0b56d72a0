import { join } from 'node:path';
import { masterDataCollection, masterDataProjection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { type TempDir, tempDir } from '@fieldstream/testing';
import { namesOf } from './master-data-names';

/** Names shown beside codes are kept between reads, and never outlive a change of master data. */
describe('names of master-data records (real SQLite read store)', () => {
  let dir: TempDir;
  let reads: ReadStore;
  let checkpoint: number | null = null;
  const customer = (code: string, name: string) => ({
    _id: code,
    kind: 'customer',
    code,
    status: 'active',
    record: { code, name },
    scope: {},
    searchTerms: [],
    version: 1,
    createdAt: '2026-11-26T08:00:00Z',
  });
  /** What the master-data projection does: documents and its checkpoint in one batch. */
  const project = async (position: number, ...documents: ReturnType<typeof customer>[]) => {
    await reads.commitProjectionBatch({
      projection: masterDataProjection.name,
      expectedCheckpoint: checkpoint,
      nextCheckpoint: position,
      writes: documents.map((document) => ({
        op: 'put' as const,
        collection: masterDataCollection('customer'),
        document,
      })),
    });
    checkpoint = position;
  };

  beforeEach(async () => {
    dir = await tempDir();
    reads = await openSqliteReadStore({ file: join(dir.path, 'reads.sqlite') });
    checkpoint = null;
  });
  afterEach(async () => {
    await reads.close();
    await dir.remove();
  });

  it('answers the names it finds, leaves out unknown codes, and shows a rename once projected', async () => {
    await project(1, customer('ACME', 'ACME S.p.A.'), customer('BETA', 'Beta srl'));
    const first = await namesOf(reads, 'customer', ['ACME', 'BETA', 'NOPE', undefined, 'ACME']);
    expect([...first]).toEqual([
      ['ACME', 'ACME S.p.A.'],
      ['BETA', 'Beta srl'],
    ]);

    await project(2, customer('ACME', 'ACME Italia S.p.A.'), customer('NOPE', 'Now there'));
    const after = await namesOf(reads, 'customer', ['ACME', 'NOPE']);
    expect([...after]).toEqual([
      ['ACME', 'ACME Italia S.p.A.'],
      ['NOPE', 'Now there'],
    ]);
  });

  it('keeps what it read while master data stands still: a write that bypasses the projection is not seen', async () => {
    await project(1, customer('ACME', 'ACME S.p.A.'));
    expect((await namesOf(reads, 'customer', ['ACME'])).get('ACME')).toBe('ACME S.p.A.');
    // Written straight into the collection, the checkpoint unmoved: the kept name stands, which
    // shows the second read came from what was kept and not from the store.
    await reads.collection(masterDataCollection('customer')).put(customer('ACME', 'Changed by hand'));
    expect((await namesOf(reads, 'customer', ['ACME'])).get('ACME')).toBe('ACME S.p.A.');
  });

  it('keeps nothing for a store no projection writes (no checkpoint to tell when it changes)', async () => {
    await reads.collection(masterDataCollection('customer')).put(customer('ACME', 'ACME S.p.A.'));
    expect((await namesOf(reads, 'customer', ['ACME'])).get('ACME')).toBe('ACME S.p.A.');
    await reads.collection(masterDataCollection('customer')).put(customer('ACME', 'Renamed'));
    expect((await namesOf(reads, 'customer', ['ACME'])).get('ACME')).toBe('Renamed');
  });
});
