import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import {
  SERVICE_REQUESTS_COLLECTION,
  STOCK_LEVELS_COLLECTION,
  type ServiceRequestDocument,
  TECHNICIAN_AGENDA_COLLECTION,
  type StockLevelDocument,
  type MasterDataDocument,
  USERS_COLLECTION,
  type UserDocument,
  masterDataCollection,
} from '@fieldstream/projections';
import { type TempDir, tempDir } from '@fieldstream/testing';
import { DEMO_USERS } from './demo-users';
import { EXIT_OK, runSeedCli } from './run-seed';

jest.setTimeout(120_000);

/** Enough demo stories to reach every state, few enough to keep the test quick. */
const REQUESTS = 150;

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('seed CLI on temporary stores', () => {
  let dir: TempDir;
  const seed = async (...argv: string[]) => {
    const stdout = capture();
    const stderr = capture();
    const code = await runSeedCli(['--no-progress', '--requests', String(REQUESTS), ...argv], {
      env: { DATA_DIR: dir.path },
      cwd: dir.path,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => dir.remove());

  it('writes the demo organisation and users into the read models, with no worker running', async () => {
    const run = await seed('--if-empty');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).toMatch(/Imported: 3405 created, 0 changed, 0 unchanged of 3405/);
    expect(run.stdout).toContain('tecnico.rossi');

    const reads = await openSqliteReadStore({ file: join(dir.path, 'read-models.sqlite') });
    try {
      const count = (kind: Parameters<typeof masterDataCollection>[0]) =>
        reads.collection<MasterDataDocument>(masterDataCollection(kind)).count({});
      expect({
        units: await count('unit'),
        technicians: await count('technician'),
        customers: await count('customer'),
        sites: await count('site'),
        assets: await count('asset'),
        models: await count('asset-model'),
        conditions: await count('condition'),
        parameters: await count('parameters'),
      }).toEqual({
        units: 6,
        technicians: 60,
        customers: 200,
        sites: 600,
        assets: 2000,
        models: 10,
        conditions: 80,
        parameters: 1,
      });
      // Every warehouse and van opens with stock: 4 centres' warehouses of 40 items, 60 vans of 8.
      const levels = await reads.collection<StockLevelDocument>(STOCK_LEVELS_COLLECTION).find({});
      expect(new Set(levels.map((level) => level.warehouseCode)).size).toBe(64);
      expect(levels).toHaveLength(4 * 40 + 60 * 8);
      // Closed interventions took materials out, never more than was there.
      expect(levels.every((level) => level.onHand >= 0 && level.available === level.onHand)).toBe(true);
      // The service history is played through the commands and projected before the seed ends.
      const requests = await reads.collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION).find({});
      expect(requests).toHaveLength(REQUESTS);
      const states = new Set(requests.map((request) => request.status));
      // Which states a small history reaches depends on the day it is seeded; most of them, always.
      expect(states.size).toBeGreaterThanOrEqual(5);
      expect([...states]).toEqual(expect.arrayContaining(['assigned', 'closed']));
      expect(await reads.collection(TECHNICIAN_AGENDA_COLLECTION).count({})).toBeGreaterThan(0);
      const users = await reads.collection<UserDocument>(USERS_COLLECTION).find({});
      expect(users.map((user) => user.username).sort()).toEqual(
        expect.arrayContaining(DEMO_USERS.map((user) => user.username).sort()),
      );
    } finally {
      await reads.close();
    }
  });

  it('changes nothing when run again, and --if-empty then does nothing at all', async () => {
    const again = await seed();
    expect(again.code).toBe(EXIT_OK);
    expect(again.stdout).toMatch(/Imported: 0 created, 0 changed, 3405 unchanged of 3405/);
    expect(again.stdout).toMatch(/users\s+6 records\s+0 created\s+0 changed\s+6 unchanged/);
    expect(again.stdout).toMatch(/stock\s+64 warehouses\s+0 stocked .*64 already stocked/);
    expect(again.stdout).toMatch(new RegExp(`service requests\\s+${REQUESTS} stories\\s+0 opened`));

    const skipped = await seed('--if-empty');
    expect(skipped).toMatchObject({ code: EXIT_OK, stdout: expect.stringContaining('nothing to do') });
  });

  it('refuses unknown flags with the usage', async () => {
    const run = await seed('--frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: seed');
  });
});
