import { join } from 'node:path';
import type { Principal } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import {
  type MasterDataDocument,
  ProjectionRunner,
  builtInProjections,
  masterDataCollection,
  silentLogger,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { type TempDir, tempDir } from '@fieldstream/testing';
import { type CommandContext, systemContext } from '../commands/command-context';
import { MasterDataService } from '../master-data/master-data.service';
import { importStreamName } from './import-events';
import type { ImportProgress } from './import-types';
import { ImportService } from './import.service';

jest.setTimeout(30_000);

const admin = systemContext(new Date().toISOString(), 'test');
const as = (actor: Principal): CommandContext => ({
  actor,
  at: new Date().toISOString(),
  correlationId: 'test',
});

const CALENDARS = 'code,name,purpose,timeZone\nCAL-IT,Italia,working-hours,Europe/Rome\n';
const UNITS =
  'code,name,type,parentCode,country,timeZone\nHQ,Sede,head-office,,IT,Europe/Rome\nMI,Milano,service-centre,HQ,IT,Europe/Rome\nRM,Roma,service-centre,HQ,IT,Europe/Rome\n';
const ZONES = 'code;name;unitCode;postalCodes\nZ-MI;Milano;MI;201*|202*\nZ-RM;Roma;RM;001*\n';
const CUSTOMERS = 'code,name,vatNumber\nACME,Acme S.p.A.,IT01234567890\nBETA,Beta S.r.l.,IT09876543210\n';
const SITES_BAD = [
  'code,name,customerCode,address.city,address.postalCode,address.country,location.lat,location.lon,zoneCode,timeZone',
  'S1,Acme Milano,ACME,Milano,20121,IT,45.46,9.19,Z-MI,Europe/Rome',
  'S2,Acme Roma,NOBODY,Roma,00184,IT,41.89,12.49,Z-RM,Europe/Rome',
  'S3,Beta Roma,BETA,Roma,00185,IT,north,12.50,Z-RM,Europe/Rome',
  'S1,Again,ACME,Milano,20121,IT,45.46,9.19,Z-MI,Europe/Rome',
].join('\n');
const SITES_GOOD = [
  'code,name,customerCode,address.city,address.postalCode,address.country,location.lat,location.lon,zoneCode,timeZone',
  'S1,Acme Milano,ACME,Milano,20121,IT,45.46,9.19,Z-MI,Europe/Rome',
  'S2,Acme Roma,ACME,Roma,00184,IT,41.89,12.49,Z-RM,Europe/Rome',
  'S3,Beta Roma,BETA,Roma,00185,IT,41.9,12.50,Z-RM,Europe/Rome',
].join('\n');

describe('ImportService on real stores', () => {
  let dir: TempDir;
  let events: EventStore;
  let reads: ReadStore;
  let runner: ProjectionRunner;
  let imports: ImportService;

  beforeAll(async () => {
    dir = await tempDir();
    events = await openSqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    reads = await openSqliteReadStore({ file: join(dir.path, 'read-models.sqlite') });
    runner = new ProjectionRunner({
      eventStore: events,
      readStore: reads,
      projections: builtInProjections,
      maxBatchWaitMs: 5,
      logger: silentLogger,
    });
    runner.start();
    imports = new ImportService({ events, reads, masterData: new MasterDataService({ events, reads }) });
    for (const [kind, text] of [
      ['calendars', CALENDARS],
      ['units', UNITS],
      ['zones', ZONES],
      ['customers', CUSTOMERS],
    ] as const) {
      const result = await imports.run(admin, { kind, format: 'csv', text });
      expect(result).toMatchObject({ status: 'committed', errors: [] });
    }
  });

  afterAll(async () => {
    await runner.stop();
    await events.close();
    await reads.close();
    await dir.remove();
  });

  const sites = () => reads.collection<MasterDataDocument>(masterDataCollection('site'));

  it('rejects a file with bad rows, naming line, field and problem, and writes nothing', async () => {
    const result = await imports.run(admin, {
      kind: 'sites',
      format: 'csv',
      text: SITES_BAD,
      fileName: 'sites.csv',
    });
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'customerCode', code: 'unknown_reference', kind: 'site' }),
        expect.objectContaining({ row: 4, field: 'location.lat', kind: 'site' }),
        expect.objectContaining({ row: 5, field: 'code', code: 'duplicate' }),
      ]),
    );
    expect(await sites().count({})).toBe(0);
    const stream = await events.readStream(importStreamName(result.importId), {
      fromRevision: 0,
      maxCount: 10,
    });
    expect(stream.map((event) => event.type)).toEqual(['ImportStarted', 'ImportRejected']);
    expect(stream[0]!.data).toMatchObject({ fileName: 'sites.csv', sha256: result.sha256, rows: 4 });
    expect(stream[0]!.metadata).toMatchObject({
      actorId: 'system',
      correlationId: result.importId,
      importId: result.importId,
    });
  });

  it('dry-runs a good file: says what would happen and writes nothing', async () => {
    const before = await events.headPosition();
    const result = await imports.run(
      admin,
      { kind: 'sites', format: 'csv', text: SITES_GOOD },
      { dryRun: true },
    );
    expect(result).toMatchObject({
      status: 'validated',
      total: 3,
      created: 3,
      changed: 0,
      unchanged: 0,
      errors: [],
    });
    expect(await events.headPosition()).toBe(before);
    expect(await sites().count({})).toBe(0);
  });

  it('commits a good file with one correlation id, then a re-run changes nothing', async () => {
    const progress: ImportProgress[] = [];
    const first = await imports.run(
      admin,
      { kind: 'sites', format: 'csv', text: SITES_GOOD },
      { onProgress: (p) => progress.push(p) },
    );
    expect(first).toMatchObject({
      status: 'committed',
      total: 3,
      created: 3,
      changed: 0,
      unchanged: 0,
      readModelCurrent: true,
    });
    expect(new Set(progress.map((p) => p.phase))).toEqual(
      new Set(['parsing', 'validating', 'writing', 'done']),
    );
    expect(await sites().count({})).toBe(3);
    expect((await sites().get('S2'))?.record).toMatchObject({
      customerCode: 'ACME',
      location: { lat: 41.89, lon: 12.49 },
      address: { city: 'Roma' },
    });
    const history = await new MasterDataService({ events, reads }).history(admin.actor, 'sites', 'S1');
    expect(history[0]).toMatchObject({ type: 'SiteRegistered', correlationId: first.importId });

    const again = await imports.run(admin, { kind: 'sites', format: 'csv', text: SITES_GOOD });
    expect(again).toMatchObject({ status: 'committed', created: 0, changed: 0, unchanged: 3 });

    const changed = await imports.run(admin, {
      kind: 'sites',
      format: 'csv',
      text: SITES_GOOD.replace('Beta Roma', 'Beta Roma EUR'),
    });
    expect(changed).toMatchObject({ status: 'committed', created: 0, changed: 1, unchanged: 2 });
  });

  it('takes a multi-kind JSON document whose later kinds refer to earlier ones', async () => {
    const result = await imports.run(admin, {
      format: 'json',
      data: {
        assets: [
          { code: 'SN-1', modelCode: 'VM-1', siteCode: 'S1', customerCode: 'ACME', ownership: 'customer' },
        ],
        'asset-models': [{ code: 'VM-1', name: 'Vending 1', manufacturer: 'Vendo', family: 'vending' }],
      },
    });
    expect(result).toMatchObject({ status: 'committed', kinds: ['asset-model', 'asset'], created: 2 });
  });

  it('resolves a site without a zone against the zones of the same file', async () => {
    const result = await imports.run(admin, {
      format: 'json',
      data: {
        zones: [{ code: 'Z-MO', name: 'Monza', unitCode: 'MI', country: 'IT', postalCodes: ['209*'] }],
        sites: [
          {
            code: 'S-MONZA',
            name: 'Acme Monza',
            customerCode: 'ACME',
            address: { city: 'Monza', postalCode: '20900', country: 'IT' },
            timeZone: 'Europe/Rome',
          },
        ],
      },
    });
    expect(result).toMatchObject({ status: 'committed', created: 2 });
    expect((await sites().get('S-MONZA'))?.record).toMatchObject({ zoneCode: 'Z-MO' });
  });

  it('applies cross-record rules against rows of the same file', async () => {
    const result = await imports.run(admin, {
      format: 'json',
      data: {
        assets: [
          { code: 'SN-2', modelCode: 'VM-1', siteCode: 'S3', customerCode: 'ACME', ownership: 'customer' },
        ],
      },
    });
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 1, kind: 'asset', field: 'customerCode', code: 'customer_mismatch' }),
    ]);
  });

  it('refuses kinds the caller may not write, and keeps a scoped writer within scope', async () => {
    const manager: Principal = { id: 'm', displayName: 'M', kind: 'user', role: 'manager', unitCode: 'MI' };
    expect(() => imports.assertMayImport(manager, ['sites'])).toThrow('may not import sites');
    expect(
      (await imports.run(as(manager), { kind: 'sites', format: 'csv', text: SITES_GOOD })).errors,
    ).toEqual([expect.objectContaining({ row: 0, field: 'kind', code: 'forbidden' })]);

    const dispatcher: Principal = {
      id: 'd',
      displayName: 'D',
      kind: 'user',
      role: 'dispatcher',
      unitCode: 'MI',
    };
    const result = await imports.run(as(dispatcher), {
      kind: 'sites',
      format: 'csv',
      text: SITES_GOOD.replace('Acme Milano', 'Acme Milano Centro'),
    });
    expect(result.status).toBe('rejected');
    expect(result.errors.map((error) => [error.row, error.code])).toEqual([
      [3, 'out_of_scope'],
      [4, 'out_of_scope'],
    ]);
    const own = await imports.run(as(dispatcher), {
      kind: 'sites',
      format: 'csv',
      text: SITES_GOOD.split('\n').slice(0, 2).join('\n').replace('Acme Milano', 'Acme Milano Centro'),
    });
    expect(own).toMatchObject({ status: 'committed', changed: 1 });
  });
});
