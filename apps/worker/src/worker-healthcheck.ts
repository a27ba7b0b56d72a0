import { hostname } from 'node:os';
import { createRedisConnection, loadConfig, readWorkerStatuses } from '@fieldstream/infrastructure';

/**
 * Container health check for the worker, which has no HTTP port: healthy when this host's worker
 * published a running status within its TTL. Exit code 0 healthy, 1 not.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const redis = createRedisConnection(config, { lazyConnect: true, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const mine = (await readWorkerStatuses(redis, config.queuePrefix)).filter(
      (report) => report.hostname === hostname(),
    );
    const healthy = mine.some((report) => report.phase === 'running' && report.subscription.alive);
    process.stdout.write(
      healthy
        ? 'worker healthy\n'
        : `worker not healthy: ${mine.length ? JSON.stringify(mine.map((r) => r.subscription)) : 'no current status'}\n`,
    );
    return healthy ? 0 : 1;
  } catch (error) {
    process.stdout.write(`worker not healthy: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    redis.disconnect();
  }
}

main().then((code) => process.exit(code));
