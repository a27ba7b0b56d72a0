import { startSystem } from '@fieldstream/launcher';
import { freePort, startRedis, tempDir } from '@fieldstream/testing';
import { DESK_DIST } from './ensure-desk-built';

export interface E2eTarget {
  /** Base URL of the system, without a trailing slash: the SPA at /, the API under /api. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts what the browser talks to: the whole system through the launcher, as a user starts it
 * (api + worker), on its own port, data directory and private Redis so nothing touches the shared
 * instance. There is no lighter fallback: a desk without its API would pass tests the product fails.
 */
/** The administrator every browser test's system starts with (created at first start). */
export const E2E_ADMIN = { username: 'admin', password: 'correct horse battery' } as const;

export async function startTarget(
  options: {
    /**
     * More environment for the api and worker, for a test that needs the system configured its
     * way (an SMTP server that refuses, fewer delivery attempts). The harness's own keys win.
     */
    env?: Record<string, string>;
  } = {},
): Promise<E2eTarget> {
  const redis = await startRedis();
  const data = await tempDir('fieldstream-e2e-data-');
  try {
    // The system's JSON logs would drown the test report; the launcher's own error carries their tail.
    const system = await startSystem({
      port: await freePort(),
      dataDir: data.path,
      redisUrl: redis.url,
      log: () => undefined,
      env: {
        ...options.env,
        DESK_DIST,
        ADMIN_USERNAME: E2E_ADMIN.username,
        ADMIN_PASSWORD: E2E_ADMIN.password,
      },
    });
    // A child dying mid-run would otherwise surface only as puzzling browser timeouts.
    void system.exited.then((crash) => {
      if (crash) process.stderr.write(`\n${crash.report}\n`);
    });
    return {
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
