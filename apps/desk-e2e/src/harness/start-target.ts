import * as launcher from '@fieldstream/launcher';
import { freePort, startRedis, tempDir } from '@fieldstream/testing';
import { DESK_DIST } from './ensure-desk-built';
import { startDeskPreview, type RunningTarget } from './start-desk-preview';

/** The launcher's signature, restated so this harness compiles whether or not it has landed. */
export type StartSystem = (options: {
  port?: number;
  dataDir?: string;
  redisUrl?: string;
  log?: (line: string, source: string) => void;
  env?: Record<string, string>;
}) => Promise<RunningTarget>;

export interface E2eTarget extends RunningTarget {
  /** 'system': api + worker through the launcher, as a user starts it; 'preview': the desk alone. */
  kind: 'system' | 'preview';
}

/** The launcher's `startSystem`, once it exists; read at run time so this file compiles before it lands. */
export function findStartSystem(): StartSystem | undefined {
  const candidate: unknown = (launcher as Record<string, unknown>)['startSystem'];
  return typeof candidate === 'function' ? (candidate as StartSystem) : undefined;
}

/**
 * Starts what the browser will talk to. The whole system when the launcher offers it, on its own
 * port, data directory and private Redis (so nothing touches the shared instance); otherwise the
 * built desk on `vite preview`. FIELDSTREAM_E2E_TARGET=preview forces the latter.
 */
export async function startTarget(): Promise<E2eTarget> {
  const startSystem = process.env['FIELDSTREAM_E2E_TARGET'] === 'preview' ? undefined : findStartSystem();
  if (!startSystem) {
    const preview = await startDeskPreview();
    return { ...preview, kind: 'preview' };
  }
  const redis = await startRedis();
  const data = await tempDir('fieldstream-e2e-data-');
  try {
    // The system's JSON logs would drown the test report; the launcher's own error carries their tail.
    const system = await startSystem({
      port: await freePort(),
      dataDir: data.path,
      redisUrl: redis.url,
      log: () => undefined,
      env: { DESK_DIST },
    });
    return {
      kind: 'system',
      url: system.url.replace(/\/$/, ''),
      stop: async () => {
        try {
          await system.stop();
        } finally {
          await redis.stop();
          await data.remove();
        }
      },
    };
  } catch (error) {
    await redis.stop();
    await data.remove();
    throw error;
  }
}
