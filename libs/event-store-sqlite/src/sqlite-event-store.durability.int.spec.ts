import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from './sqlite-event-store.adapter';

interface Ack {
  stream: string;
  ids: string[];
  nextExpectedRevision: number;
  position: number;
}

/**
 * Starts a child that appends for ever and reports each acknowledged append, and SIGKILLs it as
 * soon as `killAfter` acknowledgements arrived: the process dies mid-flight, with appends queued
 * and possibly a transaction open.
 */
function appendUntilKilled(file: string, killAfter: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const script = join(__dirname, 'testing', 'durability-writer.child.ts');
    const child = spawn(process.execPath, ['-r', require.resolve('@swc-node/register'), script, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('{')) acks.push(JSON.parse(line) as Ack);
      }
      if (acks.length >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${stderr}`));
      else resolve(acks);
    });
  });
}

describe('SqliteEventStore durability', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'event-store-sqlite-durability-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers an append only once it is committed: a writer killed right after keeps every acknowledged event', async () => {
    for (const killAfter of [1, 40, 200]) {
      const file = join(dir, `events-${killAfter}.db`);
      const acks = await appendUntilKilled(file, killAfter);
      expect(acks.length).toBeGreaterThanOrEqual(killAfter);

      const store = await openSqliteEventStore({ file });
      try {
        for (const ack of acks) {
          const first = ack.nextExpectedRevision - ack.ids.length + 1;
          const stored = await store.readStream(ack.stream, {
            fromRevision: first,
            maxCount: ack.ids.length,
          });
          expect(stored.map((event) => event.id)).toEqual(ack.ids);
          expect(stored[stored.length - 1]!.position).toBe(ack.position);
        }
        // Whatever was written before the kill is whole: no hole in positions, no half of a two-event append.
        const log = await store.readAll({ maxCount: 10_000 });
        expect(log.map((event) => event.position)).toEqual(log.map((_, index) => index + 1));
        expect(log.length % 2).toBe(0);
      } finally {
        await store.close();
      }
    }
  }, 60_000);
});
