/**
 * The producer of the sla-notifications benchmark's throughput phase, in its own process as the
 * API is: either opens requests through ServiceRequestCommands on its own connections to the
 * stores (what the desk's "open" does, minus HTTP), or adds no-op BullMQ jobs (the raw baseline).
 * `concurrency` calls at a time, as fast as they are answered; each acknowledgement is reported to
 * the parent, which says when to start.
 *
 *   (forked by sla-notifications.bench.ts) producer.child.ts requests DATA_DIR COUNT CONCURRENCY
 *   (forked by sla-notifications.bench.ts) producer.child.ts jobs REDIS_URL PREFIX QUEUE COUNT CONCURRENCY
 */
import { MasterDataService, ServiceRequestCommands } from '@fieldstream/application';
import { createEventStore, createReadStore, loadConfig } from '@fieldstream/infrastructure';
import { bullConnection } from '@fieldstream/queue';
import { Queue } from 'bullmq';
import { deskContext, openingInput } from './organisation';

export interface ProducerAck {
  /** The request's id, or the job's. */
  id: string;
  /** Epoch milliseconds (sub-millisecond precision) before the call and at its answer. */
  sentAt: number;
  ackAt: number;
}

export type ProducerMessage =
  { kind: 'ready' } | { kind: 'acks'; acks: ProducerAck[] } | { kind: 'done'; produced: number };

const now = () => performance.timeOrigin + performance.now();
const send = (message: ProducerMessage) => process.send?.(message);

/** Calls `produce(i)` for i in 0..count-1, `concurrency` at a time, reporting acknowledgements. */
async function run(count: number, concurrency: number, produce: (index: number) => Promise<string>) {
  let acks: ProducerAck[] = [];
  const flush = setInterval(() => {
    if (acks.length > 0) send({ kind: 'acks', acks });
    acks = [];
  }, 20);
  let next = 0;
  const caller = async () => {
    for (let index = next++; index < count; index = next++) {
      const sentAt = now();
      const id = await produce(index);
      acks.push({ id, sentAt, ackAt: now() });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, caller));
  clearInterval(flush);
  if (acks.length > 0) send({ kind: 'acks', acks });
  send({ kind: 'done', produced: count });
}

const started = () =>
  new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    send({ kind: 'ready' });
  });

const whole = (text: string | undefined, name: string) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got ${text}`);
  return n;
};

async function openRequests(args: string[]): Promise<void> {
  const [dataDir, countText, concurrencyText] = args;
  const count = whole(countText, 'COUNT');
  const concurrency = whole(concurrencyText, 'CONCURRENCY');
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const events = await createEventStore(config);
  const reads = await createReadStore(config);
  try {
    const commands = new ServiceRequestCommands({
      events,
      reads,
      masterData: new MasterDataService({ events, reads }),
    });
    await started();
    await run(count, concurrency, async (index) => {
      const at = Date.now();
      const { requestId } = await commands.open(deskContext(at, `sla-bench-notify-${index}`), {
        ...openingInput(index),
        description: `Notification bench request ${index}: boiler stopped`,
      });
      return requestId;
    });
  } finally {
    await events.close();
    await reads.close();
  }
}

async function addJobs(args: string[]): Promise<void> {
  const [redisUrl, prefix, queueName, countText, concurrencyText] = args;
  if (!redisUrl || !prefix || !queueName)
    throw new Error('usage: jobs REDIS_URL PREFIX QUEUE COUNT CONCURRENCY');
  const count = whole(countText, 'COUNT');
  const concurrency = whole(concurrencyText, 'CONCURRENCY');
  const queue = new Queue(queueName, { connection: bullConnection(redisUrl), prefix });
  try {
    await queue.waitUntilReady();
    await started();
    await run(count, concurrency, async (index) => {
      const job = await queue.add('noop', { index }, { removeOnComplete: true, removeOnFail: true });
      return job.id ?? String(index);
    });
  } finally {
    await queue.close();
  }
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'requests') await openRequests(args);
  else if (mode === 'jobs') await addJobs(args);
  else throw new Error(`unknown mode ${mode}: requests or jobs`);
}

main().then(
  () => process.disconnect?.(),
  (error: unknown) => {
    process.stderr.write(`producer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
