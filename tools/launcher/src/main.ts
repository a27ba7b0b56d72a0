import { loadConfigOrExit } from '@fieldstream/infrastructure';
import { ensureMqtt } from './ensure-mqtt';
import { ensureRedis } from './ensure-redis';
import { humanLogLine } from './human-log-line';
import { startSystem, type SystemProcess } from './start-system';

/** Children log JSON lines; on a terminal a short human line reads better. */
function printLine(line: string, source: SystemProcess): void {
  process.stdout.write(humanLogLine(line, source));
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const redis = await ensureRedis(config.redisUrl, config.dataDir, config.redisServerBin);
  if (redis.stop) process.stdout.write(`Started redis-server on 6379 (data in ${config.dataDir}/redis)\n`);
  const broker = await ensureMqtt(config.devices.mqttUrl, config.dataDir);
  process.stdout.write(`${broker.note}\n`);
  const stopServices = async () => {
    await broker.stop?.();
    await redis.stop?.();
  };

  let system: Awaited<ReturnType<typeof startSystem>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Fieldstream...\n`);
    await system?.stop();
    await stopServices();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    system = await startSystem({
      port: config.port,
      dataDir: config.dataDir,
      redisUrl: redis.url,
      env: {
        ...(broker.url && { MQTT_URL: broker.url }),
        MQTT_CLIENT_ID: process.env['MQTT_CLIENT_ID'] ?? broker.clientId,
      },
      log: printLine,
    });
  } catch (error) {
    await stopServices();
    throw error;
  }
  process.stdout.write(`\nFieldstream is running at ${system.url}/\nPress Ctrl-C to stop.\n\n`);

  // Undefined after a Ctrl-C (shutdown exits by itself); a crash of api or worker ends `npm start` with a failure.
  const crash = await system.exited;
  if (!crash || stopping) return;
  stopping = true;
  process.stderr.write(`\n${crash.report}\n`);
  await stopServices();
  process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
