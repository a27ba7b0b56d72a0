import {
  ConfigError,
  ENVIRONMENT_VARIABLES,
  environmentVariablesMarkdown,
  loadConfig,
} from './environment-variables';

const cwd = '/srv/fieldstream';

function issuesOf(env: NodeJS.ProcessEnv): { variable: string; message: string }[] {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({}, cwd);
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/fieldstream/data',
      eventStore: { kind: 'sqlite', file: '/srv/fieldstream/data/events.sqlite' },
      readStore: { kind: 'sqlite', file: '/srv/fieldstream/data/read-models.sqlite' },
      embedded: true,
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'fieldstream',
      logLevel: 'info',
      notifications: {
        smtpUrl: null,
        mailFrom: 'Fieldstream <fieldstream@localhost>',
        smsGatewayUrl: null,
        smsGatewayToken: null,
        attempts: 8,
        retryMs: 30_000,
        vapid: { publicKey: null, privateKey: null, subject: 'mailto:fieldstream@localhost' },
        allowHttpEndpoints: false,
        publicUrl: null,
      },
      devices: {
        mqttUrl: null,
        mqttTopicPrefix: 'fieldstream/v1',
        mqttClientId: 'fieldstream-worker',
        mqttSharedGroup: null,
        repeatWindowMs: 30_000,
      },
      webhooks: {
        timeoutMs: 10_000,
        retryInitialMs: 5_000,
        retryMaxMs: 300_000,
        retryJitter: 0.2,
        failingAfterMs: 3_600_000,
        concurrency: 4,
        leaseMs: 30_000,
        logLimit: 1000,
      },
      deskDist: '/srv/fieldstream/apps/desk/dist',
      bodyLimit: '1mb',
      workerStatusIntervalMs: 2000,
      shutdownTimeoutMs: 10000,
      redisServerBin: 'redis-server',
      auth: { tokenSecret: null, tokenTtlSeconds: 28800, adminUsername: 'admin', adminPassword: null },
      attachments: { directory: '/srv/fieldstream/data/attachments', maxBytes: 26214400 },
    });
  });

  it('names every bad auth and attachment variable at once', () => {
    expect(() =>
      loadConfig(
        {
          AUTH_TOKEN_SECRET: 'short',
          AUTH_TOKEN_TTL_SECONDS: '5',
          ADMIN_PASSWORD: 'weak',
          ATTACHMENT_MAX_BYTES: 'big',
        },
        cwd,
      ),
    ).toThrow(
      /AUTH_TOKEN_SECRET[\s\S]*AUTH_TOKEN_TTL_SECONDS[\s\S]*ADMIN_PASSWORD[\s\S]*ATTACHMENT_MAX_BYTES/,
    );
  });

  it('picks the production adapters when their URLs are set, and stops serving the SPA', () => {
    const config = loadConfig(
      {
        ESDB_URL: 'esdb://eventstore:2113?tls=false',
        MONGO_URL: 'mongodb://mongo:27017/?replicaSet=rs0',
        MONGO_DB: 'fs_prod',
        PORT: '8080',
        DATA_DIR: '/var/lib/fieldstream',
      },
      cwd,
    );
    expect(config.eventStore).toEqual({ kind: 'esdb', connectionString: 'esdb://eventstore:2113?tls=false' });
    expect(config.readStore).toEqual({
      kind: 'mongo',
      url: 'mongodb://mongo:27017/?replicaSet=rs0',
      database: 'fs_prod',
    });
    expect(config.embedded).toBe(false);
    expect(config.deskDist).toBeNull();
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('/var/lib/fieldstream');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ ESDB_URL: '', PORT: ' ' }, cwd).eventStore.kind).toBe('sqlite');
  });

  it('lets SERVE_DESK force the SPA on or off', () => {
    expect(loadConfig({ SERVE_DESK: 'false' }, cwd).deskDist).toBeNull();
    expect(
      loadConfig({ SERVE_DESK: 'true', MONGO_URL: 'mongodb://m', DESK_DIST: '/opt/desk' }, cwd).deskDist,
    ).toBe('/opt/desk');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['ESDB_URL', 'http://eventstore:2113'],
    ['ESDB_URL', 'kurrentdb://eventstore:2113'],
    ['MONGO_URL', 'postgres://x'],
    ['MONGO_DB', 'bad/name'],
    ['LOG_LEVEL', 'loud'],
    ['QUEUE_PREFIX', 'has space'],
    ['SERVE_DESK', 'yes'],
    ['BODY_LIMIT', 'lots'],
    ['WORKER_STATUS_INTERVAL_MS', '5'],
  ])('refuses %s=%s naming the variable', (variable, value) => {
    const issues = issuesOf({ [variable]: value });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.variable).toBe(variable);
    expect(issues[0]?.message).toContain(JSON.stringify(value));
  });

  it('reports every bad variable at once', () => {
    const issues = issuesOf({ PORT: '0', LOG_LEVEL: 'x', REDIS_URL: 'nope' });
    expect(issues.map((issue) => issue.variable).sort()).toEqual(['LOG_LEVEL', 'PORT', 'REDIS_URL']);
  });
});

describe('environmentVariablesMarkdown', () => {
  it('has one row per declared variable', () => {
    const table = environmentVariablesMarkdown();
    for (const variable of ENVIRONMENT_VARIABLES) expect(table).toContain(`| \`${variable.name}\` |`);
    expect(table.split('\n')).toHaveLength(ENVIRONMENT_VARIABLES.length + 2);
  });
});
