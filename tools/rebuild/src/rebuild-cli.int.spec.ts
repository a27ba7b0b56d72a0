import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { STREAM_CATALOGUE_COLLECTION } from '@fieldstream/projections';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { EXIT_OK, EXIT_USAGE, runRebuildCli } from './run-rebuild';

jest.setTimeout(60_000);

const REPO_ROOT = resolve(__dirname, '../../..');
const MAIN = join(__dirname, 'main.ts');

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

function runMain(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', MAIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'), ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('rebuild CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldstream-rebuild-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const eventStore = await openSqliteEventStore({ file: join(dir, 'events.sqlite') });
    for (let s = 0; s < 12; s++) {
      await eventStore.appendToStream(
        `order-${s}`,
        Array.from({ length: 25 }, (_, i) => ({
          id: randomUUID(),
          type: i === 0 ? 'OrderPlaced' : 'OrderNoted',
          data: { i },
          metadata: {
            correlationId: 'c',
            causationId: 'c',
            actorId: 'cli-test',
            actorRole: 'system',
            occurredAt: new Date().toISOString(),
          },
        })),
      );
    }
    await eventStore.close();
  });

  it('replays the log into the read store and prints a summary (a real process, DATA_DIR defaults)', async () => {
    const result = runMain(['--projection', 'stream-catalogue', '--no-progress'], { DATA_DIR: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(EXIT_OK);
    expect(result.stdout).toMatch(
      /Rebuilding stream-catalogue from .*events\.sqlite into .*read-models\.sqlite/,
    );
    expect(result.stdout).toMatch(/stream-catalogue\s+300 events\s+12 documents/);

    const readStore = await openSqliteReadStore({ file: join(dir, 'read-models.sqlite') });
    try {
      expect(await readStore.getCheckpoint('stream-catalogue')).toBe(300);
      expect(await readStore.collection(STREAM_CATALOGUE_COLLECTION).get('order-3')).toMatchObject({
        eventCount: 25,
        firstEventType: 'OrderPlaced',
        lastRevision: 24,
      });
    } finally {
      await readStore.close();
    }
  });

  it('draws a progress bar to stderr and rebuilds the same documents again', async () => {
    const stdout = capture();
    const stderr = capture();
    // cli-progress draws only on a terminal; this one pretends to be a wide one.
    Object.assign(stderr.stream, { isTTY: true, columns: 160 });
    const code = await runRebuildCli(
      [
        '--all',
        '--event-store-file',
        join(dir, 'events.sqlite'),
        '--read-store-file',
        join(dir, 'again.sqlite'),
        '--batch-size',
        '50',
      ],
      { env: {}, cwd: dir, stdout: stdout.stream, stderr: stderr.stream },
    );
    expect(code).toBe(EXIT_OK);
    expect(stdout.text()).toMatch(/total\s+300 events\s+12 documents/);
    expect(stderr.text()).toMatch(/stream-catalogue \[.*\] 100% \| 300\/300 \| \d+ events\/s/);
  });

  it.each([
    [['--projection', 'nope', '--no-progress'], /Unknown projection "nope"; known: stream-catalogue/],
    [['--all', '--projection', 'stream-catalogue'], /either --projection or --all/],
    [['--batch-size', '0'], /--batch-size must be an integer from 1 to 10000/],
    [['--wat'], /Unknown option '--wat'/],
  ])('exits with code 2 and says why for %j', (args, message) => {
    const result = runMain(args, { DATA_DIR: dir });
    expect(result.status).toBe(EXIT_USAGE);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Usage: rebuild/);
    expect(result.stdout).toBe('');
  });

  it('refuses to invent an empty event store where none exists', async () => {
    const stderr = capture();
    const missing = join(dir, 'nowhere', 'events.sqlite');
    const code = await runRebuildCli(['--event-store-file', missing], {
      env: {},
      cwd: dir,
      stdout: capture().stream,
      stderr: stderr.stream,
    });
    expect(code).toBe(EXIT_USAGE);
    expect(stderr.text()).toContain(`No event store at ${missing}`);
  });
});
