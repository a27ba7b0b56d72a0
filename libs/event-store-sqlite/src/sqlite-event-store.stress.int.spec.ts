import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@fieldstream/event-store';
import { openSqliteEventStore } from './sqlite-event-store.adapter';
import { type Acknowledgement, runStressWriter, type StressPlan } from './testing/stress-writer';

interface StartedChild {
  ready: Promise<void>;
  start(startAt: number): void;
  exited: Promise<{ code: number | null; stderr: string }>;
}

/** Starts a TypeScript child the way the tools run them (swc-node); it says `ready` once loaded. */
function startChild(script: string, args: string[]): StartedChild {
  const child = spawn(process.execPath, ['-r', require.resolve('@swc-node/register'), script, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    exited.then(
      ({ code }) => reject(new Error(`child exited with ${code} before it was ready: ${stderr}`)),
      reject,
    );
  });
  ready.catch(() => undefined);
  return { ready, exited, start: (startAt) => child.stdin.end(`${startAt}\n`) };
}

/**
 * Runs the plan in `children` child processes and in this process; once all are loaded, every
 * process opens the files at the same millisecond. Answers all acknowledgements.
 */
async function runWriters(
  children: number,
  plan: (writerName: string) => StressPlan,
): Promise<{ acks: Acknowledgement[]; conflicts: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-sqlite-acks-'));
  try {
    const script = join(__dirname, 'testing', 'stress-writer.child.ts');
    const started = Array.from({ length: children }, (_, index) => {
      const output = join(dir, `child-${index}.json`);
      return { output, child: startChild(script, [JSON.stringify(plan(`c${index}`)), output]) };
    });
    await Promise.all(started.map(({ child }) => child.ready));
    const startAt = Date.now() + 50;
    for (const { child } of started) child.start(startAt);
    const childRuns = started.map(({ output, child }, index) =>
      child.exited.then(({ code, stderr }) => {
        if (code !== 0) throw new Error(`stress child ${index} exited with ${code}: ${stderr}`);
        return JSON.parse(readFileSync(output, 'utf8')) as { acks: Acknowledgement[]; conflicts: number };
      }),
    );
    const outcomes = await Promise.all([runStressWriter({ ...plan('parent'), startAt }), ...childRuns]);
    return {
      acks: outcomes.flatMap((outcome) => outcome.acks),
      conflicts: outcomes.reduce((sum, outcome) => sum + outcome.conflicts, 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every acknowledged event is there exactly once where its answer said, and nothing else is. */
async function verifyFile(file: string, acks: Acknowledgement[]): Promise<void> {
  const store = await openSqliteEventStore({ file });
  try {
    const log: RecordedEvent[] = [];
    for (;;) {
      const page = await store.readAll({ after: log.length, maxCount: 5000 });
      log.push(...page);
      if (page.length < 5000) break;
    }
    expect(log.map((event) => event.position)).toEqual(log.map((_, index) => index + 1));
    const byId = new Map(log.map((event) => [event.id, event]));
    expect(byId.size).toBe(log.length);
    expect(acks.reduce((sum, ack) => sum + ack.ids.length, 0)).toBe(log.length);
    for (const ack of acks) {
      const stored = ack.ids.map((id) => byId.get(id));
      const first = ack.nextExpectedRevision - ack.ids.length + 1;
      expect(stored.map((event) => [event?.streamName, event?.revision])).toEqual(
        ack.ids.map((_, index) => [ack.stream, first + index]),
      );
      expect(stored[stored.length - 1]!.position).toBe(ack.position);
    }
    const revisionsByStream = new Map<string, number[]>();
    for (const event of log) {
      const revisions = revisionsByStream.get(event.streamName) ?? [];
      revisions.push(event.revision);
      revisionsByStream.set(event.streamName, revisions);
    }
    for (const revisions of revisionsByStream.values()) {
      expect(revisions).toEqual(revisions.map((_, index) => index));
    }
  } finally {
    await store.close();
  }
}

describe('SqliteEventStore under several writing processes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'event-store-sqlite-stress-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged event exactly once, with contiguous revisions and positions', async () => {
    // Four processes (three children and this one) open 20 brand-new files at the same instant,
    // then 12 writers per file per process append: 20,160 appends, about 40,000 events.
    const files = Array.from({ length: 20 }, (_, index) => join(dir, `fresh-${index}`, 'events.db'));
    const { acks, conflicts } = await runWriters(3, (writerName) => ({
      files,
      writerName,
      writersPerFile: 12,
      appendsPerWriter: 21,
      sharedEvery: 5,
      startAt: 0,
    }));
    expect(acks).toHaveLength(4 * 20 * 12 * 21);
    // The shared streams must really have been contended for the test to mean anything.
    expect(conflicts).toBeGreaterThan(0);
    for (let file = 0; file < files.length; file++) {
      await verifyFile(
        files[file]!,
        acks.filter((ack) => ack.file === file),
      );
    }
  }, 90_000);

  it('copes with contention through its own retries when SQLite does not wait for locks', async () => {
    // busy_timeout 0: opening a fresh file, switching it to WAL, BEGIN IMMEDIATE, COMMIT and reads
    // all meet SQLITE_BUSY straight away whenever another process holds the lock.
    const file = join(dir, 'one-fresh-file', 'events.db');
    const { acks } = await runWriters(5, (writerName) => ({
      files: [file],
      writerName,
      writersPerFile: 4,
      appendsPerWriter: 60,
      sharedEvery: 3,
      startAt: 0,
      busyTimeoutMs: 0,
    }));
    expect(acks).toHaveLength(6 * 4 * 60);
    await verifyFile(file, acks);
  }, 90_000);
});
