import { join } from 'node:path';
import { type AppConfig, createEventStore, createReadStore, loadConfig } from '@fieldstream/infrastructure';
import { ProjectionRunner, builtInProjections, silentLogger } from '@fieldstream/projections';
import { tempDir } from '@fieldstream/testing';
import { Logger } from '@nestjs/common';
import { createApiApp } from '../create-api-app';

export const TEST_ADMIN = { username: 'admin', password: 'correct horse battery' };

const silent = { log() {}, error() {}, warn() {} };

export interface TestApi {
  url: string;
  config: AppConfig;
  /** Signs in and answers the bearer header value. */
  login(username: string, password: string): Promise<string>;
  /** fetch with JSON in and out, and the given token. */
  call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The API on embedded stores in a temporary directory, with the projections running in the same
 * process (the worker's job, without a second process), listening on a free port.
 */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  Logger.overrideLogger(false);
  const dir = await tempDir();
  const config = loadConfig({
    DATA_DIR: join(dir.path, 'data'),
    REDIS_URL: 'redis://127.0.0.1:1',
    LOG_LEVEL: 'error',
    SERVE_DESK: 'false',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...env,
  });
  const eventStore = await createEventStore(config);
  const readStore = await createReadStore(config);
  const runner = new ProjectionRunner({
    eventStore,
    readStore,
    projections: builtInProjections,
    maxBatchWaitMs: 5,
    logger: silentLogger,
  });
  runner.start();
  const app = await createApiApp(config, { logger: silent });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const call = (
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    url,
    config,
    call,
    async login(username, password) {
      const response = await call('POST', '/api/auth/login', undefined, { username, password });
      if (response.status !== 200)
        throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    async stop() {
      await app.close();
      await runner.stop();
      await eventStore.close();
      await readStore.close();
      await dir.remove();
    },
  };
}
