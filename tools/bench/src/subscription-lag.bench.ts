/**
 * Subscription lag: a separate writer process appends one event per command at a steady rate
 * while this process follows `$all` through the SQLite adapter's subscription. For every event:
 * acknowledgement of its append (in the writer) → delivery (here), and recordedAt → delivery.
 *
 *   node -r @swc-node/register tools/bench/src/subscription-lag.bench.ts [--rate 1000] [--seconds 20]
 *
 * Target: p99 (acknowledgement → delivery) < 50 ms. Both clocks are the machine's
 * (performance.timeOrigin + now), so cross-process figures carry well under a millisecond of skew.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { type LatencySummary, summariseLatencies } from './latency-summary';
import type { WriterAck, WriterMessage } from './subscription-lag-writer';

const TARGET_P99_MS = 50;
const { values } = parseArgs({
  options: { rate: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '20' } },
});
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
if (!(RATE > 0) || !(SECONDS > 0)) throw new Error('--rate and --seconds must be positive numbers');

const now = () => performance.timeOrigin + performance.now();
const line = (text: string) => process.stdout.write(`${text}\n`);

const format = (p: LatencySummary) =>
  `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, max ${p.max.toFixed(1)} ms (mean ${p.mean.toFixed(1)})`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldstream-lag-bench-'));
  const file = join(dir, 'events.sqlite');
  line(`subscription lag: ${RATE} events/s for ${SECONDS} s from a writer process; file ${file}`);
  line(
    `  load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const eventStore = await openSqliteEventStore({ file });
  const delivered = new Map<string, { at: number; recordedAt: string }>();
  const acks: WriterAck[] = [];
  const total = Math.round(RATE * SECONDS);
  let writerBehindMs = 0;
  try {
    const subscription = eventStore.subscribeToAll({ after: await eventStore.headPosition() });
    const consuming = (async () => {
      for await (const event of subscription) {
        delivered.set(event.id, { at: now(), recordedAt: event.recordedAt });
        if (delivered.size >= total) break;
      }
    })();

    const writer = fork(
      join(__dirname, 'subscription-lag-writer.ts'),
      [file, String(RATE), String(SECONDS)],
      {
        execArgv: ['-r', '@swc-node/register'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    const written = new Promise<void>((resolve, reject) => {
      writer.on('message', (message: WriterMessage) => {
        if (message.kind === 'acks') acks.push(...message.acks);
        if (message.kind === 'done') {
          writerBehindMs = message.behindMs;
          resolve();
        }
      });
      writer.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`writer exited with ${code}`)),
      );
    });
    const ticker = setInterval(() => {
      if (process.stdout.isTTY)
        process.stdout.write(`\r  appended ${acks.length}/${total}, delivered ${delivered.size}   `);
    }, 500);
    await written;
    await Promise.race([consuming, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    clearInterval(ticker);
    await subscription.close();
    if (process.stdout.isTTY) process.stdout.write('\n');
    line(
      `  load average after: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );

    const fromAck: number[] = [];
    const fromSent: number[] = [];
    const fromRecorded: number[] = [];
    let deliveredBeforeAck = 0;
    for (const ack of acks) {
      const delivery = delivered.get(ack.id);
      if (!delivery) continue;
      const lag = delivery.at - ack.ackAt;
      if (lag < 0) deliveredBeforeAck++;
      // Delivered before the writer saw its own acknowledgement: no lag to speak of.
      fromAck.push(Math.max(0, lag));
      fromSent.push(delivery.at - ack.sentAt);
      fromRecorded.push(Math.max(0, delivery.at - Date.parse(delivery.recordedAt)));
    }
    const missing = acks.length - fromAck.length;
    line(
      `  events: ${acks.length} acknowledged, ${delivered.size} delivered, ${missing} acknowledged but never delivered`,
    );
    line(`  writer fell behind its schedule by at most ${writerBehindMs} ms`);
    const ack = summariseLatencies(fromAck);
    line(
      `  acknowledgement → delivery: ${format(ack)}; ${deliveredBeforeAck} delivered before their ack was seen`,
    );
    line(`  append call → delivery:     ${format(summariseLatencies(fromSent))}`);
    line(
      `  recordedAt → delivery:      ${format(summariseLatencies(fromRecorded))} (recordedAt has 1 ms resolution)`,
    );
    line(`  target p99 < ${TARGET_P99_MS} ms: ${missing === 0 && ack.p99 < TARGET_P99_MS ? 'PASS' : 'MISS'}`);
  } finally {
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
