import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROBLEM_CONTENT_TYPE, problemDetailsSchema } from '@fieldstream/api-contract';
import { type EventStore, type ExpectedRevision, type NewEvent } from '@fieldstream/event-store';
import { EVENT_STORE, loadConfig, type AppConfig } from '@fieldstream/infrastructure';
import { startRedis, tempDir, type TempDir, type TestRedis, waitFor } from '@fieldstream/testing';
import { Body, Controller, Inject, Logger, Module, Param, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { z } from 'zod';
import { Public } from './auth/public.decorator';
import { createApiApp } from './create-api-app';
import { ZodValidationPipe } from './problem/zod-validation.pipe';

/* A feature the way business modules will be written: zod at the edge, the port behind. */
const appendBody = z.object({
  expectedRevision: z.union([z.number().int().min(-1), z.enum(['no_stream', 'stream_exists', 'any'])]),
  events: z.array(z.object({ type: z.string().min(1), data: z.record(z.string(), z.json()) })).min(1),
});

@Public()
@Controller('test-streams')
class TestStreamsController {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  @Post(':stream')
  async append(
    @Param('stream') stream: string,
    @Body(new ZodValidationPipe(appendBody)) body: z.infer<typeof appendBody>,
  ) {
    const events = body.events.map((e): NewEvent => ({
      id: randomUUID(),
      type: e.type,
      data: e.data as NewEvent['data'],
      metadata: {
        correlationId: 'c',
        causationId: 'c',
        actorId: 'test',
        actorRole: 'system',
        occurredAt: new Date().toISOString(),
      },
    }));
    return this.eventStore.appendToStream(stream, events, body.expectedRevision as ExpectedRevision);
  }
}

@Module({ controllers: [TestStreamsController] })
class TestStreamsModule {}

const silent = { log() {}, error() {}, warn() {} };
const REPO_ROOT = join(__dirname, '../../..');

/** The real worker, as its own process (apps may not import each other). */
function spawnWorker(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: 'apps/worker/tsconfig.json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('API on embedded defaults', () => {
  let dir: TempDir;
  let redis: TestRedis;
  let config: AppConfig;
  let app: NestExpressApplication;
  let worker: ReturnType<typeof spawnWorker> | undefined;
  let env: Record<string, string>;
  let base: string;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = await tempDir();
    redis = await startRedis();
    const desk = join(dir.path, 'desk');
    await mkdir(join(desk, 'assets'), { recursive: true });
    await writeFile(
      join(desk, 'index.html'),
      '<!doctype html><title>Fieldstream desk</title><div id="root"></div>',
    );
    await writeFile(join(desk, 'assets', 'main-abc123.js'), 'console.log("desk")');
    env = {
      DATA_DIR: join(dir.path, 'data'),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'apitest',
      DESK_DIST: desk,
      BODY_LIMIT: '10kb',
      WORKER_STATUS_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
    };
    config = loadConfig(env);
    app = await createApiApp(config, { features: [TestStreamsModule], logger: silent });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    if (worker) await stopProcess(worker.child);
    await app?.close();
    await redis?.stop();
    await dir?.remove();
  });

  async function problemOf(response: Response) {
    expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    const body: unknown = await response.json();
    return problemDetailsSchema.parse(body);
  }

  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('answers 503 on /api/health while no worker has reported, naming the missing worker', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'degraded',
      ready: false,
      checks: {
        eventStore: { ok: true },
        readStore: { ok: true },
        redis: { ok: true, up: true },
        worker: { ok: false, detail: expect.stringMatching(/No worker/), instances: [] },
      },
    });
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
  });

  it("answers 200 with each projection's checkpoint, head and lag once the worker process reports", async () => {
    worker = spawnWorker(env);
    const appended = await post(
      '/api/test-streams/work-order-1',
      JSON.stringify({
        expectedRevision: 'no_stream',
        events: [{ type: 'WorkOrderOpened', data: { a: 1 } }],
      }),
    );
    expect(appended.status).toBe(201);
    const head = ((await appended.json()) as { position: number }).position;

    const body = await waitFor(
      async () => {
        const response = await fetch(`${base}/api/health`);
        const json = await response.json();
        const projection = json.checks?.worker?.instances?.[0]?.projections?.find(
          (candidate: { name: string }) => candidate.name === 'stream-catalogue',
        );
        return response.status === 200 && projection?.checkpoint === head ? json : undefined;
      },
      { description: 'health to be ready with the projection caught up', timeoutMs: 60_000 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${worker?.output()}`);
    });
    expect(body.checks.worker.instances[0]).toMatchObject({
      phase: 'running',
      subscription: { alive: true },
      // The other projections (master data, users) run beside it; this one sees every event.
      projections: expect.arrayContaining([
        expect.objectContaining({
          name: 'stream-catalogue',
          checkpoint: head,
          headPosition: head,
          lagEvents: 0,
        }),
      ]),
    });
    expect(body.checks.eventStore.headPosition).toBe(head);
  }, 90_000);

  it('serves Prometheus metrics with lag, head, Redis and uptime', async () => {
    const response = await fetch(`${base}/api/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^# TYPE fieldstream_projection_lag_events gauge$/m);
    expect(text).toMatch(
      /^fieldstream_projection_lag_events\{worker="[^"]+",projection="stream-catalogue"\} 0$/m,
    );
    expect(text).toMatch(
      /^fieldstream_projection_lag_ms\{worker="[^"]+",projection="stream-catalogue"\} \d+(\.\d+)?$/m,
    );
    // The first administrator's registration, written at start, and the test's one event.
    expect(text).toMatch(/^fieldstream_events_head_position 2$/m);
    expect(text).toMatch(/^fieldstream_redis_up 1$/m);
    expect(text).toMatch(/^fieldstream_api_uptime_seconds \d+(\.\d+)?$/m);
    expect(text).toMatch(/^fieldstream_ready 1$/m);
  });

  it('answers a zod validation failure with 400 and every field', async () => {
    const response = await post(
      '/api/test-streams/work-order-2',
      JSON.stringify({ expectedRevision: 'maybe', events: [{ type: '' }] }),
    );
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({
      type: '/problems/validation',
      status: 400,
      instance: '/api/test-streams/work-order-2',
    });
    expect(problem.errors?.map((e) => e.field).sort()).toEqual([
      'events.0.data',
      'events.0.type',
      'expectedRevision',
    ]);
  });

  it('answers a revision conflict with 409 naming the stream, expected and actual revisions', async () => {
    const body = JSON.stringify({ expectedRevision: 5, events: [{ type: 'WorkOrderClosed', data: {} }] });
    const response = await post('/api/test-streams/work-order-1', body);
    expect(response.status).toBe(409);
    expect(await problemOf(response)).toMatchObject({
      type: '/problems/concurrency-conflict',
      code: 'wrong_expected_revision',
      stream: 'work-order-1',
      expectedRevision: 5,
      actualRevision: 0,
    });
  });

  it("answers the port's InvalidAppendError with 400 naming the field, and writes nothing", async () => {
    const headBefore = await app.get<EventStore>(EVENT_STORE).headPosition();
    const response = await post(
      '/api/test-streams/Bad Stream!',
      JSON.stringify({ expectedRevision: 'any', events: [{ type: 'X', data: {} }] }),
    );
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: '/problems/invalid-append', code: 'invalid_append' });
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'streamName' })]);
    expect(await app.get<EventStore>(EVENT_STORE).headPosition()).toBe(headBefore);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, both as problems', async () => {
    const malformed = await post('/api/test-streams/work-order-3', '{"expectedRevision": ');
    expect(malformed.status).toBe(400);
    expect(await problemOf(malformed)).toMatchObject({ type: '/problems/malformed-body' });

    const huge = await post('/api/test-streams/work-order-3', JSON.stringify({ pad: 'x'.repeat(20_000) }));
    expect(huge.status).toBe(413);
    expect(await problemOf(huge)).toMatchObject({ type: '/problems/payload-too-large', status: 413 });
  });

  it('answers unknown API routes with a 404 problem, for any method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const response = await fetch(`${base}/api/no-such-thing`, { method, headers: { accept: 'text/html' } });
      expect(response.status).toBe(404);
      expect(await problemOf(response)).toMatchObject({
        type: '/problems/not-found',
        status: 404,
        instance: '/api/no-such-thing',
      });
    }
  });

  it('serves the SPA: assets as files, client-side routes as index.html, missing assets as 404', async () => {
    const asset = await fetch(`${base}/assets/main-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log("desk")');

    for (const path of ['/', '/requests/42', '/manager/dashboard?x=1']) {
      const page = await fetch(`${base}${path}`, {
        headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('Fieldstream desk');
    }

    const missing = await fetch(`${base}/assets/missing.js`);
    expect(missing.status).toBe(404);
    await problemOf(missing);
  });

  it('turns to 503 once the worker stops on SIGTERM, without waiting for the TTL', async () => {
    expect(await stopProcess(worker!.child)).toBe(0);
    worker = undefined;
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(503);
    expect((await response.json()).checks.worker.ok).toBe(false);
  });

  it('stays up and answers 503 (never 500) with Redis down, and metrics say so', async () => {
    await redis.kill();
    const started = Date.now();
    const response = await fetch(`${base}/api/health`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.checks.redis).toMatchObject({ ok: false, up: false });
    expect(body.checks.eventStore.ok).toBe(true);
    const metrics = await fetch(`${base}/api/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^fieldstream_redis_up 0$/m);
  });
});
