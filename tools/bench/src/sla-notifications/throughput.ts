import type { ChannelSender } from '@fieldstream/application';
import { DELIVERY_STREAM_PREFIX } from '@fieldstream/domain';
import { type AppConfig, SmtpEmailSender } from '@fieldstream/infrastructure';
import { bullConnection } from '@fieldstream/queue';
import { Worker } from 'bullmq';
import nodemailer from 'nodemailer';
import type { BenchWorker } from './bench-worker';
import { type Child, forkChild } from './child-process';
import { DISPATCHER_EMAIL } from './organisation';
import type { ProducerAck, ProducerMessage } from './producer.child';

const now = () => performance.timeOrigin + performance.now();
const RAW_QUEUE = 'bench-raw';

/** One throughput run: `count` items from the first call made to the last one done. */
export interface ThroughputRun {
  count: number;
  done: number;
  /** Epoch ms of the first producer call and of the last item done. */
  firstSentAt: number;
  lastDoneAt: number;
  /** Done per second over that span. */
  perSecond: number;
  /** The producer's own pace: calls answered per second. */
  producedPerSecond: number;
  /** Per item: acknowledgement of its call → done, ms. */
  latencies: number[];
}

function throughputOf(
  acks: Map<string, ProducerAck>,
  doneAt: (id: string) => number | undefined,
  count: number,
) {
  let firstSentAt = Infinity;
  let lastAckAt = -Infinity;
  let lastDoneAt = -Infinity;
  const latencies: number[] = [];
  for (const [id, ack] of acks) {
    firstSentAt = Math.min(firstSentAt, ack.sentAt);
    lastAckAt = Math.max(lastAckAt, ack.ackAt);
    const at = doneAt(id);
    if (at === undefined) continue;
    lastDoneAt = Math.max(lastDoneAt, at);
    latencies.push(Math.max(0, at - ack.ackAt));
  }
  return {
    count,
    done: latencies.length,
    firstSentAt,
    lastDoneAt,
    perSecond: (latencies.length * 1000) / (lastDoneAt - firstSentAt),
    producedPerSecond: (acks.size * 1000) / (lastAckAt - firstSentAt),
    latencies,
  };
}

/** Runs the producer process to its end, gathering its acknowledgements; `until` says when all is done. */
async function produce(
  args: string[],
  acks: Map<string, ProducerAck>,
  until: () => boolean,
  what: string,
  timeoutMs: number,
): Promise<void> {
  let producer: Child<ProducerMessage> | undefined;
  try {
    producer = forkChild<ProducerMessage>('producer.child.ts', args, (message) => {
      if (message.kind === 'acks') for (const ack of message.acks) acks.set(ack.id, ack);
    });
    await producer.waitFor((m) => (m.kind === 'ready' ? true : undefined), 'readiness', 60_000);
    producer.process.send({ kind: 'go' });
    await producer.waitFor((m) => (m.kind === 'done' ? true : undefined), 'end', timeoutMs);
    const deadline = Date.now() + timeoutMs;
    while (!until()) {
      if (Date.now() > deadline) return; // counted as not done by the caller
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await producer.exited;
  } catch (error) {
    throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await producer?.stop();
  }
}

export interface NotificationRun extends ThroughputRun {
  /** Deliveries scheduled per second, first call → last scheduled (the notifier's pace). */
  scheduledPerSecond: number;
  /** Per notification, ms: opening acknowledged → its delivery scheduled (the notifier's part). */
  toScheduled: number[];
  /** Per notification, ms: delivery scheduled → e-mail received (BullMQ, handler, SMTP). */
  scheduledToMail: number[];
}

/**
 * Notifications end to end: a producer process opens `count` requests (`producers` calls at a
 * time) while the worker's notifier follows the log, writes each dispatcher's inbox notification
 * and schedules the e-mail, and the `notifications` handler sends it over SMTP to the sink.
 */
export async function notificationsEndToEnd(
  worker: BenchWorker,
  mails: ReadonlyMap<string, number>,
  count: number,
  producers: number,
  timeoutMs: number,
): Promise<NotificationRun> {
  const from = await worker.events.headPosition();
  const mailsBefore = mails.size;
  const acks = new Map<string, ProducerAck>();
  await worker.startNotifications();
  try {
    await produce(
      ['requests', worker.config.dataDir, String(count), String(producers)],
      acks,
      () => mails.size - mailsBefore >= count,
      'opening requests',
      timeoutMs,
    );
  } finally {
    await worker.stopNotifications();
  }
  // Which e-mail tells which opening: the deliveries' own streams say.
  const scheduled = new Map<string, { deliveryId: string; recordedAt: number }>();
  for (let after = from; ;) {
    const page = await worker.events.readAll({
      after,
      maxCount: 1000,
      streamPrefixes: [DELIVERY_STREAM_PREFIX],
      eventTypes: ['NotificationDeliveryScheduled'],
    });
    for (const recorded of page)
      scheduled.set(String(recorded.data['requestId']), {
        deliveryId: String(recorded.data['deliveryId']),
        recordedAt: Date.parse(recorded.recordedAt),
      });
    if (page.length < 1000) break;
    after = page[page.length - 1]!.position;
  }
  const mailOf = (requestId: string) => {
    const delivery = scheduled.get(requestId);
    return delivery && mails.get(delivery.deliveryId);
  };
  const toScheduled: number[] = [];
  const scheduledToMail: number[] = [];
  let lastScheduledAt = -Infinity;
  for (const [requestId, ack] of acks) {
    const delivery = scheduled.get(requestId);
    if (!delivery) continue;
    lastScheduledAt = Math.max(lastScheduledAt, delivery.recordedAt);
    toScheduled.push(Math.max(0, delivery.recordedAt - ack.ackAt));
    const mailAt = mails.get(delivery.deliveryId);
    if (mailAt !== undefined) scheduledToMail.push(Math.max(0, mailAt - delivery.recordedAt));
  }
  const run = throughputOf(acks, mailOf, count);
  return {
    ...run,
    scheduledPerSecond: (toScheduled.length * 1000) / (lastScheduledAt - run.firstSentAt),
    toScheduled,
    scheduledToMail,
  };
}

/**
 * The baseline: the same number of no-op BullMQ jobs, added by the same kind of producer process
 * with the same calls in flight, and processed by a plain BullMQ worker with the worker's
 * concurrency on the same Redis.
 */
export async function rawBullmqJobs(
  config: AppConfig,
  count: number,
  producers: number,
  concurrency: number,
  timeoutMs: number,
): Promise<ThroughputRun> {
  const processed = new Map<string, number>();
  const worker = new Worker(
    RAW_QUEUE,
    async (job) => {
      processed.set(job.id ?? '', now());
    },
    { connection: bullConnection(config.redisUrl), prefix: config.queuePrefix, concurrency },
  );
  const acks = new Map<string, ProducerAck>();
  try {
    await worker.waitUntilReady();
    await produce(
      ['jobs', config.redisUrl, config.queuePrefix, RAW_QUEUE, String(count), String(producers)],
      acks,
      () => processed.size >= count,
      'adding jobs',
      timeoutMs,
    );
  } finally {
    await worker.close();
  }
  return throughputOf(acks, (id) => processed.get(id), count);
}

/**
 * The references for the e-mail leg: `count` messages to the same sink, `concurrency` at a time,
 * straight away. `pooled: false` is the worker's own sender (SmtpEmailSender: one SMTP connection
 * per message, as configured); `pooled: true` is nodemailer's connection pool (as many connections
 * as calls in flight) with the same headers.
 */
export async function rawSmtpSends(
  config: AppConfig,
  mails: ReadonlyMap<string, number>,
  count: number,
  concurrency: number,
  pooled: boolean,
  timeoutMs: number,
): Promise<ThroughputRun> {
  const smtpUrl = config.notifications.smtpUrl;
  if (!smtpUrl) throw new Error('no e-mail sender: SMTP_URL is not set');
  const url = new URL(smtpUrl);
  const pool = pooled
    ? nodemailer.createTransport({
        pool: true,
        maxConnections: concurrency,
        host: url.hostname,
        port: Number(url.port),
        secure: false,
      })
    : undefined;
  const sender: ChannelSender | undefined = pool
    ? {
        send: async (message) => {
          await pool.sendMail({
            from: config.notifications.mailFrom,
            to: message.to,
            subject: message.subject,
            text: message.text,
            headers: { 'X-Fieldstream-Delivery': message.deliveryId },
          });
          return {};
        },
      }
    : config.notifications.smtpUrl
      ? new SmtpEmailSender(config.notifications.smtpUrl, config.notifications.mailFrom)
      : undefined;
  if (!sender) throw new Error('no e-mail sender: SMTP_URL is not set');
  const acks = new Map<string, ProducerAck>();
  const run = `${pooled ? 'pooled' : 'raw'}-${Date.now().toString(36)}`;
  let next = 0;
  const caller = async () => {
    for (let index = next++; index < count; index = next++) {
      const id = `${run}-${index}`;
      const sentAt = now();
      await sender.send({
        deliveryId: id,
        to: DISPATCHER_EMAIL,
        subject: `Raw ${index}`,
        text: 'Raw send',
        userId: 'bench',
        topic: 'assignment',
      });
      acks.set(id, { id, sentAt, ackAt: now() });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, caller));
  } finally {
    pool?.close();
  }
  const deadline = Date.now() + timeoutMs;
  while ([...acks.keys()].some((id) => !mails.has(id)) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return throughputOf(acks, (id) => mails.get(id), count);
}
