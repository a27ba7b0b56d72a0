import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable the processes read, in one table: the README's configuration table
 * is checked against it, and a test fails when code reads a variable that is not listed here.
 */
export interface EnvironmentVariable {
  name: string;
  description: string;
  /** As a user would write it; undefined when unset has its own meaning. */
  defaultValue?: string;
  /** Who reads it. */
  usedBy: readonly ('api' | 'worker' | 'launcher' | 'desk-dev' | 'tests' | 'bench')[];
}

export const ENVIRONMENT_VARIABLES = [
  {
    name: 'PORT',
    defaultValue: '3000',
    usedBy: ['api', 'launcher'],
    description: 'TCP port the HTTP API listens on.',
  },
  {
    name: 'HOST',
    defaultValue: '127.0.0.1',
    usedBy: ['api', 'launcher'],
    description: 'Interface the HTTP API binds to (0.0.0.0 in containers).',
  },
  {
    name: 'DATA_DIR',
    defaultValue: './data',
    usedBy: ['api', 'worker', 'launcher'],
    description: 'Directory of the embedded SQLite stores (and of the Redis started by `npm start`).',
  },
  {
    name: 'ESDB_URL',
    usedBy: ['api', 'worker', 'tests'],
    description:
      'EventStoreDB/KurrentDB connection string (esdb://host:2113?tls=false or esdb+discover://…). Unset: embedded SQLite event store at $DATA_DIR/events.sqlite.',
  },
  {
    name: 'MONGO_URL',
    usedBy: ['api', 'worker', 'tests'],
    description:
      'MongoDB connection string (a replica set, for transactions). Unset: embedded SQLite read store at $DATA_DIR/read-models.sqlite.',
  },
  {
    name: 'MONGO_DB',
    defaultValue: 'fieldstream',
    usedBy: ['api', 'worker', 'tests'],
    description: 'MongoDB database of the read models; only read when MONGO_URL is set.',
  },
  {
    name: 'REDIS_URL',
    defaultValue: 'redis://127.0.0.1:6379',
    usedBy: ['api', 'worker', 'launcher'],
    description: 'Redis for BullMQ jobs and the worker status.',
  },
  {
    name: 'QUEUE_PREFIX',
    defaultValue: 'fieldstream',
    usedBy: ['api', 'worker'],
    description:
      'Prefix of every BullMQ and status key in Redis, so several installations can share one Redis.',
  },
  {
    name: 'LOG_LEVEL',
    defaultValue: 'info',
    usedBy: ['api', 'worker', 'launcher'],
    description: 'One of fatal, error, warn, info, debug, verbose. Logs are JSON lines on stdout.',
  },
  {
    name: 'DESK_DIST',
    defaultValue: 'apps/desk/dist',
    usedBy: ['api'],
    description: 'Directory of the built SPA the API serves.',
  },
  {
    name: 'SERVE_DESK',
    defaultValue: 'auto',
    usedBy: ['api'],
    description:
      'auto (serve the SPA in embedded mode, i.e. when neither ESDB_URL nor MONGO_URL is set), true or false.',
  },
  {
    name: 'BODY_LIMIT',
    defaultValue: '1mb',
    usedBy: ['api'],
    description: 'Largest JSON request body accepted (bytes, or with kb/mb).',
  },
  {
    name: 'WORKER_STATUS_INTERVAL_MS',
    defaultValue: '2000',
    usedBy: ['worker', 'api'],
    description: 'How often the worker publishes its status to Redis; the key expires after three intervals.',
  },
  {
    name: 'SHUTDOWN_TIMEOUT_MS',
    defaultValue: '10000',
    usedBy: ['api', 'worker'],
    description: 'Longest a graceful shutdown may take before the process exits anyway.',
  },
  {
    name: 'AUTH_TOKEN_SECRET',
    usedBy: ['api'],
    description:
      'HMAC key (at least 32 characters) signing session tokens. Unset: generated once and kept in $DATA_DIR/auth-token-secret — set it when several API processes share the load.',
  },
  {
    name: 'AUTH_TOKEN_TTL_SECONDS',
    defaultValue: '28800',
    usedBy: ['api'],
    description: 'How long a session token lasts (a working day by default).',
  },
  {
    name: 'ADMIN_USERNAME',
    defaultValue: 'admin',
    usedBy: ['api'],
    description:
      'User name of the administrator created at start when no active administrator exists (first start).',
  },
  {
    name: 'ADMIN_PASSWORD',
    usedBy: ['api'],
    description:
      'Password of that first administrator (`npm start` sets fieldstream-demo). Unset: a random one is generated and written once to the log (and to $DATA_DIR/initial-admin-password).',
  },
  {
    name: 'ATTACHMENTS_DIR',
    usedBy: ['api'],
    description:
      'Where attachments are stored in embedded mode (MONGO_URL unset: they go to GridFS instead). Unset: $DATA_DIR/attachments.',
  },
  {
    name: 'ATTACHMENT_MAX_BYTES',
    defaultValue: '26214400',
    usedBy: ['api'],
    description: 'Largest attachment accepted (25 MiB by default).',
  },
  {
    name: 'SMTP_URL',
    usedBy: ['worker'],
    description:
      'Where e-mail notifications are sent: smtp://user:password@host:port (or smtps://). Unset: no e-mail (deliveries are logged as not configured).',
  },
  {
    name: 'MAIL_FROM',
    defaultValue: 'Fieldstream <fieldstream@localhost>',
    usedBy: ['worker'],
    description: 'Sender of e-mail notifications.',
  },
  {
    name: 'SMS_GATEWAY_URL',
    usedBy: ['worker'],
    description:
      'HTTP(S) endpoint of the SMS gateway: each text message is a POST of {"to", "text", "id"} as JSON; any 2xx answer counts as accepted. Unset: no SMS.',
  },
  {
    name: 'SMS_GATEWAY_TOKEN',
    usedBy: ['worker'],
    description: 'Sent to the SMS gateway as `Authorization: Bearer <token>`.',
  },
  {
    name: 'NOTIFY_ATTEMPTS',
    defaultValue: '8',
    usedBy: ['worker'],
    description:
      'Attempts per e-mail or SMS before it is given up (listed as a dead letter for an administrator).',
  },
  {
    name: 'NOTIFY_RETRY_MS',
    defaultValue: '30000',
    usedBy: ['worker'],
    description: 'Wait before the first retry of a failed delivery; doubled at each next one.',
  },
  {
    name: 'VAPID_PUBLIC_KEY',
    usedBy: ['api', 'worker'],
    description:
      'The web-push VAPID public key (base64url; `npx web-push generate-vapid-keys` makes a pair). Unset: a pair is made on first start and kept in $DATA_DIR/vapid-keys.json. Changing it silences every subscribed browser until it subscribes again.',
  },
  {
    name: 'VAPID_PRIVATE_KEY',
    usedBy: ['api', 'worker'],
    description: 'The private half of VAPID_PUBLIC_KEY (both or neither).',
  },
  {
    name: 'VAPID_SUBJECT',
    defaultValue: 'mailto:fieldstream@localhost',
    usedBy: ['worker'],
    description:
      "Who push services contact about this server's messages: a mailto: or https: URL (RFC 8292). Apple's push service refuses a localhost one: set a real address in production.",
  },
  {
    name: 'NOTIFY_ALLOW_HTTP_ENDPOINTS',
    defaultValue: 'false',
    usedBy: ['api'],
    description:
      'true: users may register plain-http webhook URLs and push endpoints, and integrators plain-http webhook subscriptions (a receiver on this machine, tests). Otherwise only https is accepted, so notifications and events never cross the network in the clear.',
  },
  {
    name: 'PUBLIC_URL',
    usedBy: ['api', 'worker'],
    description:
      'The address people open the desk at (https://fieldstream.example.com): links in webhook notifications and calendar feeds point there, and calendar feed URLs start there. Unset: no links, and feed URLs use the address the desk reached the API at.',
  },
  {
    name: 'MQTT_URL',
    usedBy: ['worker'],
    description:
      'The MQTT broker devices publish to (mqtt://user:password@host:1883, or mqtts://). The worker subscribes to <MQTT_TOPIC_PREFIX>/assets/+/+ with QoS 1 and a persistent session, acknowledging each message once it is recorded. Unset: devices report over HTTP only.',
  },
  {
    name: 'MQTT_TOPIC_PREFIX',
    defaultValue: 'fieldstream/v1',
    usedBy: ['worker'],
    description:
      'The topics devices publish under: <prefix>/assets/<assetCode>/<anomaly|cleared|status|heartbeat|meter>.',
  },
  {
    name: 'MQTT_CLIENT_ID',
    defaultValue: 'fieldstream-worker',
    usedBy: ['worker'],
    description:
      "The worker's MQTT client id: the broker keeps its session (and queues messages) under it while the worker is away. Give each worker its own.",
  },
  {
    name: 'MQTT_SHARED_GROUP',
    usedBy: ['worker'],
    description:
      'With several workers: subscribe as a shared subscription of this group ($share/<group>/...), so that each message goes to one of them. Unset: a plain subscription.',
  },
  {
    name: 'DEVICE_REPEAT_WINDOW_MS',
    defaultValue: '30000',
    usedBy: ['api', 'worker'],
    description:
      'Repeats of an anomaly already raised are counted and recorded together at most this often (an alarm storm makes one record per window, not one per message).',
  },
  {
    name: 'WEBHOOK_TIMEOUT_MS',
    defaultValue: '10000',
    usedBy: ['api', 'worker'],
    description:
      "Longest wait for a webhook subscription's receiver to answer a call (an event, or the test ping); no answer in time counts as a failure, tried again.",
  },
  {
    name: 'WEBHOOK_RETRY_INITIAL_MS',
    defaultValue: '5000',
    usedBy: ['worker'],
    description:
      'Wait before the first retry of an event a webhook receiver did not take (5xx, 408, 429, no answer); doubled at each next try, with jitter, up to WEBHOOK_RETRY_MAX_MS. An event is tried until it is taken or refused: a receiver down for hours is caught up when it returns.',
  },
  {
    name: 'WEBHOOK_RETRY_MAX_MS',
    defaultValue: '300000',
    usedBy: ['worker'],
    description:
      'Longest wait between two tries of a webhook event (5 minutes by default): how soon deliveries resume once a receiver is back.',
  },
  {
    name: 'WEBHOOK_RETRY_JITTER',
    defaultValue: '0.2',
    usedBy: ['worker'],
    description:
      'Randomness of each retry wait, as a fraction of it (0: none, 1: anywhere from nothing to twice the wait), so that many subscriptions failing together do not retry in step.',
  },
  {
    name: 'WEBHOOK_FAILING_AFTER_MS',
    defaultValue: '3600000',
    usedBy: ['worker'],
    description:
      'A webhook subscription whose receiver has failed without a success for this long is marked failing (shown in the desk and the API) until its next success; deliveries go on.',
  },
  {
    name: 'WEBHOOK_CONCURRENCY',
    defaultValue: '4',
    usedBy: ['worker'],
    description:
      "Streams a webhook subscription delivers side by side: each stream's events go one at a time, in order, the next only once the previous was taken (or refused).",
  },
  {
    name: 'WEBHOOK_LEASE_MS',
    defaultValue: '30000',
    usedBy: ['worker'],
    description:
      "How long a worker's hold on a webhook subscription lasts in Redis unless renewed (every third of it): one worker delivers a subscription at a time, and another takes over within this time when it stops.",
  },
  {
    name: 'WEBHOOK_LOG_LIMIT',
    defaultValue: '1000',
    usedBy: ['api', 'worker'],
    description:
      'Delivery attempts kept per webhook subscription for its delivery log; older ones are dropped.',
  },
  {
    name: 'REDIS_SERVER_BIN',
    defaultValue: 'redis-server',
    usedBy: ['launcher', 'tests'],
    description: 'redis-server binary used by `npm start` (when no Redis answers) and by the tests.',
  },
  {
    name: 'MOSQUITTO_BIN',
    defaultValue: '/usr/sbin/mosquitto',
    usedBy: ['tests'],
    description:
      'The Mosquitto binary the tests start their own MQTT brokers with (Debian installs it in /usr/sbin).',
  },
  {
    name: 'API_PORT',
    defaultValue: '3000',
    usedBy: ['desk-dev'],
    description: 'Port of the API the desk dev server (vite) proxies /api to.',
  },
  {
    name: 'DESK_PORT',
    defaultValue: '4200',
    usedBy: ['desk-dev'],
    description: 'Port of the desk dev server (vite; its preview uses 4300 by default).',
  },
  {
    name: 'CHROMIUM_PATH',
    defaultValue: '/usr/bin/chromium',
    usedBy: ['tests'],
    description: 'Chromium binary for the end-to-end tests.',
  },
  {
    name: 'CRASH_TEST_VERBOSE',
    usedBy: ['tests'],
    description: "Set to print the projection crash test's checkpoints.",
  },
  {
    name: 'READ_STORE_PROPERTY_SEED',
    usedBy: ['tests'],
    description: 'Seed of the read-store property test, to replay a failure.',
  },
  {
    name: 'BENCH_DOCS',
    defaultValue: '1000000',
    usedBy: ['bench'],
    description: 'Documents loaded by the read-store query benchmark.',
  },
  {
    name: 'BENCH_QUERIES',
    defaultValue: '1000',
    usedBy: ['bench'],
    description: 'Indexed queries run by the read-store query benchmark.',
  },
  {
    name: 'BENCH_UNINDEXED_QUERIES',
    defaultValue: '5',
    usedBy: ['bench'],
    description: 'Unindexed queries run by the read-store query benchmark.',
  },
  {
    name: 'BENCH_CPU_PROF_DIR',
    usedBy: ['bench'],
    description:
      'Set by the service-request benchmark (`--cpu-prof DIR`) for the processes it starts: where they write V8 CPU profiles.',
  },
] as const satisfies readonly EnvironmentVariable[];

export type EnvironmentVariableName = (typeof ENVIRONMENT_VARIABLES)[number]['name'];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const port = z.coerce
  .number()
  .int('must be a whole number')
  .min(1, 'must be 1-65535')
  .max(65535, 'must be 1-65535');
const positiveMs = z.coerce
  .number()
  .int('must be a whole number of milliseconds')
  .min(100, 'must be at least 100');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const redisUrl = nonEmpty.refine(
  (value) => /^rediss?:\/\/[^\s]+$/.test(value),
  'must be a redis:// or rediss:// URL',
);
// The @eventstore/db-client connection-string schemes (it talks to KurrentDB servers too).
const esdbUrl = nonEmpty.refine(
  (value) => /^esdb(\+discover)?:\/\/\S+$/.test(value),
  'must be an esdb:// or esdb+discover:// connection string (for example esdb://localhost:2113?tls=false)',
);
const mongoUrl = nonEmpty.refine(
  (value) => /^mongodb(\+srv)?:\/\/\S+$/.test(value),
  'must be a mongodb:// or mongodb+srv:// connection string',
);
const bodyLimit = nonEmpty.refine(
  (value) => /^\d+(b|kb|mb)?$/i.test(value),
  'must be a size such as 512kb or 1mb',
);

/** The variables as read; empty strings count as unset, as shells make it easy to export X=. */
export const environmentSchema = z.object({
  PORT: port.default(3000),
  HOST: nonEmpty.default('127.0.0.1'),
  DATA_DIR: nonEmpty.default('./data'),
  ESDB_URL: esdbUrl.optional(),
  MONGO_URL: mongoUrl.optional(),
  MONGO_DB: nonEmpty
    .regex(
      /^[^/\\. "$*<>:|?]{1,63}$/,
      'must be a MongoDB database name (no /\\. "$*<>:|?, at most 63 characters)',
    )
    .default('fieldstream'),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: nonEmpty
    .regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, _ . or -')
    .default('fieldstream'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DESK_DIST: nonEmpty.default('apps/desk/dist'),
  SERVE_DESK: z.enum(['auto', 'true', 'false'], { error: 'must be auto, true or false' }).default('auto'),
  BODY_LIMIT: bodyLimit.default('1mb'),
  WORKER_STATUS_INTERVAL_MS: positiveMs.default(2000),
  SHUTDOWN_TIMEOUT_MS: positiveMs.default(10_000),
  REDIS_SERVER_BIN: nonEmpty.default('redis-server'),
  MOSQUITTO_BIN: nonEmpty.default('/usr/sbin/mosquitto'),
  AUTH_TOKEN_SECRET: nonEmpty.min(32, 'must be at least 32 characters').optional(),
  AUTH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int('must be a whole number of seconds')
    .min(60, 'must be at least 60')
    .max(30 * 24 * 3600, 'must be at most 30 days')
    .default(28_800),
  ADMIN_USERNAME: nonEmpty
    .regex(/^[a-z0-9][a-z0-9._@-]{1,99}$/, 'must be a lower-case user name')
    .default('admin'),
  ADMIN_PASSWORD: nonEmpty.min(10, 'must be at least 10 characters').optional(),
  ATTACHMENTS_DIR: nonEmpty.optional(),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024')
    .default(26_214_400),
  SMTP_URL: nonEmpty
    .refine((value) => /^smtps?:\/\/\S+$/.test(value), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: nonEmpty.default('Fieldstream <fieldstream@localhost>'),
  SMS_GATEWAY_URL: nonEmpty
    .refine((value) => /^https?:\/\/\S+$/.test(value), 'must be an http:// or https:// URL')
    .optional(),
  SMS_GATEWAY_TOKEN: nonEmpty.optional(),
  NOTIFY_ATTEMPTS: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(30, 'must be at most 30')
    .default(8),
  NOTIFY_RETRY_MS: positiveMs.default(30_000),
  VAPID_PUBLIC_KEY: nonEmpty
    .regex(/^[A-Za-z0-9_-]{87}$/, 'must be a base64url P-256 public key (87 characters)')
    .optional(),
  VAPID_PRIVATE_KEY: nonEmpty
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url P-256 private key (43 characters)')
    .optional(),
  VAPID_SUBJECT: nonEmpty
    .refine((value) => /^(mailto:\S+@\S+|https:\/\/\S+)$/.test(value), 'must be a mailto: or https: URL')
    .default('mailto:fieldstream@localhost'),
  NOTIFY_ALLOW_HTTP_ENDPOINTS: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  PUBLIC_URL: nonEmpty
    .refine((value) => /^https?:\/\/\S+$/.test(value), 'must be an http:// or https:// URL')
    .optional(),
  MQTT_URL: nonEmpty
    .refine(
      (value) => /^(mqtts?|wss?|tcp|ssl):\/\/\S+$/.test(value),
      'must be an mqtt://, mqtts://, ws:// or wss:// URL',
    )
    .optional(),
  MQTT_TOPIC_PREFIX: nonEmpty
    .regex(/^[^#+]+[^/#+]$/, 'must be a topic without wildcards or a trailing slash')
    .default('fieldstream/v1'),
  MQTT_CLIENT_ID: nonEmpty.max(64, 'must be at most 64 characters').default('fieldstream-worker'),
  MQTT_SHARED_GROUP: nonEmpty.regex(/^[^/#+]+$/, 'must be a name without / # +').optional(),
  DEVICE_REPEAT_WINDOW_MS: positiveMs.default(30_000),
  WEBHOOK_TIMEOUT_MS: positiveMs.default(10_000),
  WEBHOOK_RETRY_INITIAL_MS: positiveMs.default(5_000),
  WEBHOOK_RETRY_MAX_MS: positiveMs.default(300_000),
  WEBHOOK_RETRY_JITTER: z.coerce
    .number({ error: 'must be a number from 0 to 1' })
    .min(0, 'must be from 0 to 1')
    .max(1, 'must be from 0 to 1')
    .default(0.2),
  WEBHOOK_FAILING_AFTER_MS: positiveMs.default(3_600_000),
  WEBHOOK_CONCURRENCY: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(64, 'must be at most 64')
    .default(4),
  WEBHOOK_LEASE_MS: positiveMs.min(1000, 'must be at least 1000').default(30_000),
  WEBHOOK_LOG_LIMIT: z.coerce
    .number()
    .int('must be a whole number')
    .min(10, 'must be at least 10')
    .max(100_000, 'must be at most 100000')
    .default(1000),
});

export type EventStoreConfig = { kind: 'sqlite'; file: string } | { kind: 'esdb'; connectionString: string };
export type ReadStoreConfig =
  { kind: 'sqlite'; file: string } | { kind: 'mongo'; url: string; database: string };

export interface AppConfig {
  port: number;
  host: string;
  /** Absolute. */
  dataDir: string;
  eventStore: EventStoreConfig;
  readStore: ReadStoreConfig;
  /** Both stores embedded: one machine, zero set-up. */
  embedded: boolean;
  redisUrl: string;
  queuePrefix: string;
  logLevel: LogLevel;
  /** Absolute directory of the built SPA, or null when the API should not serve it. */
  deskDist: string | null;
  bodyLimit: string;
  workerStatusIntervalMs: number;
  shutdownTimeoutMs: number;
  redisServerBin: string;
  auth: {
    /** Null: generated and kept in the data directory (see AUTH_TOKEN_SECRET). */
    tokenSecret: string | null;
    tokenTtlSeconds: number;
    adminUsername: string;
    adminPassword: string | null;
  };
  notifications: {
    /** Null: e-mail is not configured. */
    smtpUrl: string | null;
    mailFrom: string;
    smsGatewayUrl: string | null;
    smsGatewayToken: string | null;
    attempts: number;
    retryMs: number;
    /** Null halves: a pair is made and kept in the data directory. */
    vapid: { publicKey: string | null; privateKey: string | null; subject: string };
    allowHttpEndpoints: boolean;
    /** The desk's public address, for links in notifications; null when unknown. */
    publicUrl: string | null;
  };
  attachments: { directory: string; maxBytes: number };
  devices: {
    /** Null: no MQTT ingestion (HTTP only). */
    mqttUrl: string | null;
    mqttTopicPrefix: string;
    mqttClientId: string;
    mqttSharedGroup: string | null;
    repeatWindowMs: number;
  };
  /** Integrators' webhook subscriptions: how their events are delivered. */
  webhooks: {
    timeoutMs: number;
    retryInitialMs: number;
    retryMaxMs: number;
    /** 0..1: each wait is drawn from wait × (1 ± jitter). */
    retryJitter: number;
    failingAfterMs: number;
    concurrency: number;
    leaseMs: number;
    logLimit: number;
  };
}

export interface ConfigIssue {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      `Invalid configuration:\n${issues.map((issue) => `  ${issue.variable}: ${issue.message}`).join('\n')}`,
    );
  }
}

/**
 * Reads and validates the configuration. Throws ConfigError naming every bad variable at once,
 * so a user fixes them in one go rather than one restart per mistake.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AppConfig {
  const raw: Record<string, string> = {};
  for (const variable of ENVIRONMENT_VARIABLES) {
    const value = env[variable.name];
    if (value !== undefined && value.trim() !== '') raw[variable.name] = value;
  }
  const parsed = environmentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: `${issue.message} (got ${JSON.stringify(raw[String(issue.path[0])] ?? '')})`,
      })),
    );
  }
  const e = parsed.data;
  if ((e.VAPID_PUBLIC_KEY === undefined) !== (e.VAPID_PRIVATE_KEY === undefined)) {
    const missing = e.VAPID_PUBLIC_KEY === undefined ? 'VAPID_PUBLIC_KEY' : 'VAPID_PRIVATE_KEY';
    throw new ConfigError([
      {
        variable: missing,
        message: 'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together (a key pair), or neither',
      },
    ]);
  }
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const dataDir = absolute(e.DATA_DIR);
  const eventStore: EventStoreConfig = e.ESDB_URL
    ? { kind: 'esdb', connectionString: e.ESDB_URL }
    : { kind: 'sqlite', file: resolve(dataDir, 'events.sqlite') };
  const readStore: ReadStoreConfig = e.MONGO_URL
    ? { kind: 'mongo', url: e.MONGO_URL, database: e.MONGO_DB }
    : { kind: 'sqlite', file: resolve(dataDir, 'read-models.sqlite') };
  const embedded = eventStore.kind === 'sqlite' && readStore.kind === 'sqlite';
  const serveDesk = e.SERVE_DESK === 'auto' ? embedded : e.SERVE_DESK === 'true';
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    eventStore,
    readStore,
    embedded,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    logLevel: e.LOG_LEVEL,
    deskDist: serveDesk ? absolute(e.DESK_DIST) : null,
    bodyLimit: e.BODY_LIMIT,
    workerStatusIntervalMs: e.WORKER_STATUS_INTERVAL_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    redisServerBin: e.REDIS_SERVER_BIN,
    auth: {
      tokenSecret: e.AUTH_TOKEN_SECRET ?? null,
      tokenTtlSeconds: e.AUTH_TOKEN_TTL_SECONDS,
      adminUsername: e.ADMIN_USERNAME,
      adminPassword: e.ADMIN_PASSWORD ?? null,
    },
    notifications: {
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM,
      smsGatewayUrl: e.SMS_GATEWAY_URL ?? null,
      smsGatewayToken: e.SMS_GATEWAY_TOKEN ?? null,
      attempts: e.NOTIFY_ATTEMPTS,
      retryMs: e.NOTIFY_RETRY_MS,
      vapid: {
        publicKey: e.VAPID_PUBLIC_KEY ?? null,
        privateKey: e.VAPID_PRIVATE_KEY ?? null,
        subject: e.VAPID_SUBJECT,
      },
      allowHttpEndpoints: e.NOTIFY_ALLOW_HTTP_ENDPOINTS === 'true',
      publicUrl: e.PUBLIC_URL ?? null,
    },
    attachments: {
      directory: e.ATTACHMENTS_DIR ? absolute(e.ATTACHMENTS_DIR) : resolve(dataDir, 'attachments'),
      maxBytes: e.ATTACHMENT_MAX_BYTES,
    },
    devices: {
      mqttUrl: e.MQTT_URL ?? null,
      mqttTopicPrefix: e.MQTT_TOPIC_PREFIX,
      mqttClientId: e.MQTT_CLIENT_ID,
      mqttSharedGroup: e.MQTT_SHARED_GROUP ?? null,
      repeatWindowMs: e.DEVICE_REPEAT_WINDOW_MS,
    },
    webhooks: {
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      retryInitialMs: e.WEBHOOK_RETRY_INITIAL_MS,
      retryMaxMs: Math.max(e.WEBHOOK_RETRY_MAX_MS, e.WEBHOOK_RETRY_INITIAL_MS),
      retryJitter: e.WEBHOOK_RETRY_JITTER,
      failingAfterMs: e.WEBHOOK_FAILING_AFTER_MS,
      concurrency: e.WEBHOOK_CONCURRENCY,
      leaseMs: e.WEBHOOK_LEASE_MS,
      logLimit: e.WEBHOOK_LOG_LIMIT,
    },
  };
}

/** For a process entry point: prints the issues plainly and exits 1 on a bad configuration. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Renders the table of variables as Markdown, for the README. */
export function environmentVariablesMarkdown(): string {
  const rows = ENVIRONMENT_VARIABLES.map(
    (v: EnvironmentVariable) =>
      `| \`${v.name}\` | ${v.defaultValue === undefined ? '(unset)' : `\`${v.defaultValue}\``} | ${v.usedBy.join(', ')} | ${v.description} |`,
  );
  return ['| variable | default | read by | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
